package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes request forms as Word or Excel documents, laid out as the shipped blank forms. A filled
 * form is useful for demos and tests; {@link BlankForms} writes the empty ones.
 */
public final class FormDocuments {
  private FormDocuments() {}

  /**
   * Writes the form as .docx, with {@code spareRows} empty rows after its files for the researcher
   * to fill.
   */
  public static void writeDocx(RequestForm form, Path out, int spareRows) throws IOException {
    DocxFormWriter.write(form, out, spareRows);
  }

  /**
   * Writes the form as .xlsx, with {@code spareRows} empty rows after its files for the researcher
   * to fill.
   */
  public static void writeXlsx(RequestForm form, Path out, int spareRows) throws IOException {
    XlsxFormWriter.write(form, out, spareRows);
  }
}
