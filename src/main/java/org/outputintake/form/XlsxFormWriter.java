package org.outputintake.form;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a request form (blank or filled) as a one-sheet workbook: labels in column A with the
 * answer beside them, the file table, then the declarations with a Yes/No box in column A. Two
 * empty rows follow the file table because the reader ends a worksheet's table at two empty rows.
 */
final class XlsxFormWriter {
  private static final int LAST_COL = FormColumn.values().length - 1;

  private final XSSFWorkbook wb;
  private final Sheet sheet;
  private final CellStyle title;
  private final CellStyle heading;
  private final CellStyle note;
  private final CellStyle label;
  private final CellStyle header;
  private final CellStyle answer;
  private int next;

  private XlsxFormWriter(XSSFWorkbook wb) {
    this.wb = wb;
    this.sheet = wb.createSheet("Output request form");
    title = style(16, true, IndexedColors.DARK_BLUE, null, false);
    heading = style(12, true, IndexedColors.DARK_BLUE, null, false);
    note = style(10, false, IndexedColors.BLACK, null, false);
    label = style(10, true, IndexedColors.BLACK, IndexedColors.PALE_BLUE, true);
    header = style(10, true, IndexedColors.WHITE, IndexedColors.DARK_BLUE, true);
    answer = style(10, false, IndexedColors.BLACK, null, true);
  }

  static void write(RequestForm form, Path out, int spareRows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      new XlsxFormWriter(wb).layout(form, spareRows);
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        wb.write(os);
      }
    }
  }

  private void layout(RequestForm form, int spareRows) {
    int[] widths = {34, 46, 18, 34, 28, 18, 30};
    for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, widths[c] * 256);
    wide(FormText.TITLE, title, 26);
    wide(FormText.SUBTITLE, note, 30);
    next++;
    wide("How to complete this form", heading, 20);
    for (int i = 0; i < FormText.INSTRUCTIONS.size(); i++) {
      wide((i + 1) + ". " + FormText.INSTRUCTIONS.get(i), note, 28);
    }
    next++;
    wide(FormText.SECTION_REQUEST, heading, 20);
    for (FormField f : FormText.FIELD_ORDER) {
      Row row = sheet.createRow(next);
      cell(row, 0, FormText.fieldLabel(f), label);
      cell(row, 1, FormText.value(form, f), answer);
      for (int c = 2; c <= 3; c++) cell(row, c, "", answer);
      sheet.addMergedRegion(new CellRangeAddress(next, next, 1, 3));
      next++;
    }
    next++;
    wide(FormText.SECTION_FILES, heading, 20);
    Row head = sheet.createRow(next++);
    head.setHeightInPoints(42);
    FormColumn[] columns = FormColumn.values();
    for (int c = 0; c < columns.length; c++) cell(head, c, columns[c].header(), header);
    int first = next;
    for (FileEntry e : form.files()) {
      Row row = sheet.createRow(next++);
      for (int c = 0; c < columns.length; c++) cell(row, c, FormText.cell(e, columns[c]), answer);
    }
    for (int i = 0; i < spareRows; i++) {
      Row row = sheet.createRow(next++);
      for (int c = 0; c < columns.length; c++) cell(row, c, "", answer);
    }
    choices(first, next - 1, 2, "Yes", "No", "N/A");
    choices(first, next - 1, 5, "Output", "Supporting");
    next += 2;
    wide(FormText.SECTION_DECLARATIONS, heading, 20);
    int firstDeclaration = next;
    for (Declaration d : Declaration.values()) {
      Row row = sheet.createRow(next);
      cell(row, 0, form.declared(d) ? "Yes" : "", answer);
      cell(row, 1, d.text(), note);
      sheet.addMergedRegion(new CellRangeAddress(next, next, 1, LAST_COL));
      next++;
    }
    choices(firstDeclaration, next - 1, 0, "Yes", "No");
    next++;
    wide(
        "Put Yes in column A beside each statement that is true. Supporting material stays in the Secure "
            + "Research Service and is not released.",
        note,
        28);
    wb.setPrintArea(0, 0, LAST_COL, 0, next);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
  }

  private void wide(String text, CellStyle style, float height) {
    Row row = sheet.createRow(next);
    row.setHeightInPoints(height);
    cell(row, 0, text, style);
    sheet.addMergedRegion(new CellRangeAddress(next, next, 0, LAST_COL));
    next++;
  }

  private static void cell(Row row, int col, String text, CellStyle style) {
    Cell cell = row.createCell(col);
    if (!text.isEmpty()) cell.setCellValue(text);
    cell.setCellStyle(style);
  }

  private void choices(int firstRow, int lastRow, int col, String... values) {
    if (lastRow < firstRow) return;
    DataValidationHelper helper = sheet.getDataValidationHelper();
    var validation =
        helper.createValidation(
            helper.createExplicitListConstraint(values),
            new CellRangeAddressList(firstRow, lastRow, col, col));
    validation.setShowErrorBox(true);
    sheet.addValidationData(validation);
  }

  private CellStyle style(
      int points, boolean bold, IndexedColors colour, IndexedColors fill, boolean border) {
    Font font = wb.createFont();
    font.setFontName("Arial");
    font.setFontHeightInPoints((short) points);
    font.setBold(bold);
    font.setColor(colour.getIndex());
    CellStyle s = wb.createCellStyle();
    s.setFont(font);
    s.setWrapText(true);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    if (fill != null) {
      s.setFillForegroundColor(fill.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    if (border) {
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
    }
    return s;
  }
}
