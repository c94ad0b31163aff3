package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outputintake.scan.Finding;

/** The ingest and transfer forms as shipped, filled, and opened and saved by LibreOffice. */
class DataFormReaderTest {
  @TempDir Path dir;
  private final DataFormReader reader = new DataFormReader();

  static DataRequestForm ingest() {
    return new DataRequestForm(
        DataFormKind.INGEST,
        "1234567",
        "",
        "Ada Lovelace",
        "07/12/2026",
        "",
        List.of(
            new DataFileEntry(
                "households.csv",
                "Household energy survey extract",
                Answer.YES,
                "Annual Population Survey",
                List.of("household_id", "region", "kwh"),
                "Models energy use by region",
                "",
                ""),
            new DataFileEntry(
                "model.R", "Cleaning code", Answer.NO, "", List.of(), "Prepares the data", "", "")),
        Map.of(
            DataDeclaration.NO_DIRECT_IDENTIFIERS, true,
            DataDeclaration.INDIRECT_ONLY_WITH_PERMISSION, true,
            DataDeclaration.ONLY_WHAT_IS_NEEDED, true));
  }

  static DataRequestForm transfer() {
    return new DataRequestForm(
        DataFormKind.TRANSFER,
        "Project 1234567",
        "2345678",
        "Ada Lovelace",
        "07/12/2026",
        "2026_12_07_ToLabour",
        List.of(
            new DataFileEntry(
                "rates.csv",
                "Regional rates",
                Answer.YES,
                "Labour Force Survey",
                List.of("region", "rate"),
                "Compared with labour data",
                "ADD-42",
                "Addendum ADD-42, approved 01/11/2026")),
        Map.of(DataDeclaration.NO_DIRECT_IDENTIFIERS, true));
  }

  private DataRequestForm read(Path file) {
    DataFormReader.Result r = reader.read(file, null);
    assertTrue(r.isForm(), r.reason());
    return r.form().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(DataFormKind.class)
  void shippedBlankFormsReadAsTheBlankFormOfTheirKind_andTickWithRealCheckBoxes(DataFormKind k)
      throws Exception {
    Path forms = Path.of("templates", "forms");
    assertEquals(DataRequestForm.blank(k), read(forms.resolve(k.docxName())));
    assertEquals(DataRequestForm.blank(k), read(forms.resolve(k.xlsxName())));
    try (ZipFile zip = new ZipFile(forms.resolve(k.docxName()).toFile());
        InputStream in = zip.getInputStream(zip.getEntry("word/document.xml"))) {
      String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(
          DataDeclaration.values().length, xml.split("<w14:checkbox>", -1).length - 1, "boxes");
      assertTrue(xml.contains("<w:tblGrid>"), "tables carry their column grid");
    }
  }

  @Test
  void filledFormsReadBackByTheirLabels_inWordAndExcel() throws Exception {
    for (DataRequestForm f : List.of(ingest(), transfer())) {
      Path docx = dir.resolve(f.kind() + ".docx");
      Path xlsx = dir.resolve(f.kind() + ".xlsx");
      DataFormWriter.writeDocx(f, docx);
      DataFormWriter.writeXlsx(f, xlsx);
      assertEquals(f, read(docx));
      assertEquals(f, read(xlsx));
    }
    DataRequestForm t = transfer();
    assertEquals("1234567", t.projectDigits());
    assertEquals("2345678", t.destinationDigits());
    assertEquals("2026_12_07_ToLabour", t.folder());
  }

  /** Written by this code, then opened and saved by LibreOffice 7 (soffice --convert-to). */
  @Test
  void formOpenedAndSavedByLibreOfficeStillReads() throws Exception {
    for (String ext : List.of("docx", "xlsx")) {
      Path saved = dir.resolve("saved." + ext);
      try (InputStream in =
          getClass()
              .getResourceAsStream("/forms-libreoffice/ingest-form-saved-by-libreoffice." + ext)) {
        Files.copy(in, saved);
      }
      assertEquals(ingest(), read(saved), ext);
    }
  }

  @Test
  void theOutputFormIsNotReadAsAnIngestForm_andSaysWhatItIs() {
    DataFormReader.Result r =
        reader.read(Path.of("templates", "forms", BlankForms.DOCX_NAME), null);
    assertFalse(r.isForm());
    assertEquals(DataFormReader.OUTPUT_FORM_REASON, r.reason());
  }

  @Test
  void damagedFileIsUnreadableWithAReason_neverAnException() throws Exception {
    Path bad = dir.resolve("form.docx");
    Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    DataFormReader.Result r = reader.read(bad, FormReader.DOCX);
    assertEquals(FormReadResult.Status.UNREADABLE, r.status());
    assertFalse(r.reason().isBlank());
  }

  @Test
  void checkNamesEveryProblemAtOnce() {
    DataRequestForm t = transfer();
    List<Finding> found =
        DataFormCheck.check(
            t,
            new DataFormCheck.Expected(
                DataFormKind.TRANSFER, "1234567", "3456789", List.of("rates.csv", "extra.csv")));
    List<String> codes = found.stream().map(Finding::code).toList();
    assertTrue(codes.contains("FORM_PROJECT_MISMATCH"), codes.toString());
    assertTrue(codes.contains("FORM_FILES_MISMATCH"), codes.toString());
    assertEquals(2, codes.stream().filter("FORM_DECLARATION"::equals).count(), codes.toString());
    assertTrue(found.stream().allMatch(Finding::blocksRequest));
    List<Finding> wrong =
        DataFormCheck.check(
            ingest(),
            new DataFormCheck.Expected(DataFormKind.TRANSFER, "1234567", "2345678", List.of()));
    assertEquals(
        List.of(DataFormCheck.FORM_WRONG_KIND), wrong.stream().map(Finding::code).toList());
  }
}
