package org.outputintake.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.outputintake.form.Answer;
import org.outputintake.form.Declaration;
import org.outputintake.form.FileEntry;
import org.outputintake.form.FileUse;
import org.outputintake.form.FormDocuments;
import org.outputintake.form.RequestForm;

/** A filled request form (Word) for the demo's sample requests. */
final class DemoForms {
  private DemoForms() {}

  static Path filledForm(
      Path dir, LocalDate today, String project, String folder, List<String> files)
      throws IOException {
    Map<Declaration, Boolean> ticks = new EnumMap<>(Declaration.class);
    for (Declaration d : Declaration.values()) ticks.put(d, true);
    List<FileEntry> entries =
        files.stream()
            .map(
                f ->
                    new FileEntry(
                        f,
                        f.endsWith(".R")
                            ? "Model code: fits a linear model of energy use on household characteristics"
                            : "Households and mean annual energy use by region, 2022; source: SRS energy extract",
                        f.endsWith(".R") ? Answer.NO : Answer.YES,
                        f.endsWith(".R")
                            ? "Code only, no data"
                            : "Threshold 10 applied to household counts",
                        "None",
                        f.endsWith(".R") ? FileUse.SUPPORTING : FileUse.OUTPUT,
                        List.of()))
            .toList();
    RequestForm form =
        new RequestForm(
            project,
            "Energy use modelling in UK households",
            "Ada Lovelace",
            "ada.lovelace@uni.example.ac.uk",
            today.toString(),
            folder,
            "",
            entries,
            ticks);
    Path out = dir.resolve("output-request-form.docx");
    FormDocuments.writeDocx(form, out, 2);
    return out;
  }
}
