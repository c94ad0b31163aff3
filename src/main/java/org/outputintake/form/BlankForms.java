package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blank output request forms shipped in {@code templates/forms/} (and in the jar under {@code
 * /templates/forms/}). Run {@link #main} from the project directory to regenerate them after
 * changing the form's wording.
 */
public final class BlankForms {
  public static final String DOCX_NAME = "output-request-form.docx";
  public static final String XLSX_NAME = "output-request-form.xlsx";

  /** Where the blank forms are inside the jar (the build copies {@code templates/} there). */
  public static final String RESOURCE_DIR = "/templates/forms/";

  private static final Logger LOG = LoggerFactory.getLogger(BlankForms.class);

  private BlankForms() {}

  public static void writeDocx(Path out) throws IOException {
    FormDocuments.writeDocx(RequestForm.blank(), out, FormText.SPARE_FILE_ROWS);
  }

  public static void writeXlsx(Path out) throws IOException {
    FormDocuments.writeXlsx(RequestForm.blank(), out, FormText.SPARE_FILE_ROWS);
  }

  /**
   * Regenerates the blank forms in the directory given as the first argument (default
   * templates/forms).
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "templates/forms");
    writeDocx(dir.resolve(DOCX_NAME));
    writeXlsx(dir.resolve(XLSX_NAME));
    DataFormWriter.writeBlanks(dir);
    LOG.info("wrote blank forms to {}", dir.toAbsolutePath());
  }
}
