package org.outputintake.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Real request forms for tests: a complete, valid form by default, changed through {@link
 * FormSpec}, written as .docx, .xlsx or fillable .pdf.
 *
 * <pre>{@code
 * Path form = FormFixtures.completeDocx(dir.resolve("request-form.docx"),
 *     f -> f.project("7654321").folder("2024_02_01_HousingModel_v1").files("table1.csv", "code.R"));
 * }</pre>
 */
public final class FormFixtures {
  public static final String PROJECT = "1234567";
  public static final String FOLDER = "2024_01_16_EnergyUseModel_v1";
  public static final List<String> FILES = List.of("table1.csv", "figure1.png");

  private FormFixtures() {}

  /**
   * A complete form: every field filled, {@link #FILES} listed as outputs, every declaration
   * ticked.
   */
  public static FormSpec form() {
    return new FormSpec();
  }

  public static Path completeDocx(Path out, Consumer<FormSpec> customiser) {
    FormSpec spec = form();
    customiser.accept(spec);
    return spec.writeDocx(out);
  }

  public static Path completeXlsx(Path out, Consumer<FormSpec> customiser) {
    FormSpec spec = form();
    customiser.accept(spec);
    return spec.writeXlsx(out);
  }

  public static Path completePdf(Path out, Consumer<FormSpec> customiser) {
    FormSpec spec = form();
    customiser.accept(spec);
    return spec.writePdf(out);
  }

  /** A mutable description of a form; every setter returns this. */
  public static final class FormSpec {
    private final Map<FormField, String> fields = new EnumMap<>(FormField.class);
    private final List<FileEntry> files = new ArrayList<>();
    private final Set<Declaration> ticked = EnumSet.allOf(Declaration.class);
    private int spareRows = 3;

    private FormSpec() {
      fields.put(FormField.PROJECT_NUMBER, PROJECT);
      fields.put(FormField.PROJECT_TITLE, "Household energy use and income");
      fields.put(FormField.RESEARCHER_NAME, "Ada Researcher");
      fields.put(FormField.RESEARCHER_EMAIL, "ada.researcher@example.ac.uk");
      fields.put(FormField.REQUEST_DATE, "16/01/2024");
      fields.put(FormField.FOLDER_NAME, FOLDER);
      fields.put(FormField.REVISION_OF, "");
      files(FILES.toArray(String[]::new));
    }

    public FormSpec project(String number) {
      return set(FormField.PROJECT_NUMBER, number);
    }

    public FormSpec title(String title) {
      return set(FormField.PROJECT_TITLE, title);
    }

    public FormSpec researcher(String name, String email) {
      set(FormField.RESEARCHER_NAME, name);
      return set(FormField.RESEARCHER_EMAIL, email);
    }

    public FormSpec date(String date) {
      return set(FormField.REQUEST_DATE, date);
    }

    public FormSpec folder(String folder) {
      return set(FormField.FOLDER_NAME, folder);
    }

    public FormSpec revisionOf(String statsId) {
      return set(FormField.REVISION_OF, statsId);
    }

    /** Sets any field; an empty value leaves it blank. */
    public FormSpec set(FormField field, String value) {
      fields.put(field, value == null ? "" : value);
      return this;
    }

    public FormSpec blank(FormField... blanks) {
      Arrays.stream(blanks).forEach(f -> fields.put(f, ""));
      return this;
    }

    /** Replaces the file table with complete output rows for these names. */
    public FormSpec files(String... names) {
      files.clear();
      for (String n : names)
        files.add(
            FileEntry.output(
                n,
                "Mean household energy use by region, 2019 to 2022, "
                    + "from the LCF survey; weighted means with unweighted counts"));
      return this;
    }

    /** Adds a row as given (use {@code new FileEntry(...)} for incomplete or supporting rows). */
    public FormSpec file(FileEntry entry) {
      files.add(entry);
      return this;
    }

    /** Adds a complete supporting-material row. */
    public FormSpec supporting(String name) {
      return file(
          new FileEntry(
              name,
              "Unrounded counts behind table 1, for the checkers",
              Answer.YES,
              "Not for output",
              "Supports table1.csv",
              FileUse.SUPPORTING,
              List.of()));
    }

    /** Declares count columns for the first file. */
    public FormSpec countColumns(String... headers) {
      FileEntry first = files.remove(0);
      files.add(
          0,
          new FileEntry(
              first.fileName(),
              first.description(),
              first.countsIncluded(),
              first.controls(),
              first.relationship(),
              first.use(),
              List.of(headers)));
      return this;
    }

    public FormSpec untick(Declaration... declarations) {
      Arrays.stream(declarations).forEach(ticked::remove);
      return this;
    }

    public FormSpec tickNone() {
      ticked.clear();
      return this;
    }

    public FormSpec spareRows(int rows) {
      spareRows = rows;
      return this;
    }

    public RequestForm toForm() {
      Map<Declaration, Boolean> declarations = new EnumMap<>(Declaration.class);
      ticked.forEach(d -> declarations.put(d, true));
      return new RequestForm(
          fields.get(FormField.PROJECT_NUMBER),
          fields.get(FormField.PROJECT_TITLE),
          fields.get(FormField.RESEARCHER_NAME),
          fields.get(FormField.RESEARCHER_EMAIL),
          fields.get(FormField.REQUEST_DATE),
          fields.get(FormField.FOLDER_NAME),
          fields.get(FormField.REVISION_OF),
          files,
          declarations);
    }

    public Path writeDocx(Path out) {
      return io(() -> FormDocuments.writeDocx(toForm(), out, spareRows), out);
    }

    public Path writeXlsx(Path out) {
      return io(() -> FormDocuments.writeXlsx(toForm(), out, spareRows), out);
    }

    public Path writePdf(Path out) {
      return io(() -> PdfFormFixture.write(toForm(), out), out);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static Path io(IoAction action, Path out) {
    try {
      action.run();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
