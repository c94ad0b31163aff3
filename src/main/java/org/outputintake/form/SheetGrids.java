package org.outputintake.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Turns a workbook (.xlsx or .xls) into one grid per visible sheet. Hidden sheets, rows and columns
 * are left out: what the researcher cannot see on the form is not read as their answer. The caller
 * has already bounded the workbook's size ({@link FormReader}), so the whole form may be loaded.
 */
final class SheetGrids {
  private static final int MAX_SHEETS = 20;
  private static final int MAX_ROWS = 2_000;
  private static final int MAX_COLS = 60;
  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private SheetGrids() {}

  static List<Grid> read(Path file) throws IOException {
    DataFormatter formatter = new DataFormatter();
    List<Grid> grids = new ArrayList<>();
    try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
      for (int s = 0; s < Math.min(wb.getNumberOfSheets(), MAX_SHEETS); s++) {
        if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
        Sheet sheet = wb.getSheetAt(s);
        grids.add(new Grid("sheet '" + sheet.getSheetName() + "'", rows(sheet, formatter), true));
      }
    }
    return grids;
  }

  private static List<List<String>> rows(Sheet sheet, DataFormatter formatter) {
    List<List<String>> rows = new ArrayList<>();
    int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);
    for (int r = 0; r <= last; r++) {
      Row row = sheet.getRow(r);
      if (row != null && row.getZeroHeight()) continue;
      List<String> cells = new ArrayList<>();
      if (row != null) {
        int lastCol = Math.min(row.getLastCellNum(), MAX_COLS);
        for (int c = 0; c < lastCol; c++) {
          if (sheet.isColumnHidden(c)) continue;
          cells.add(text(row.getCell(c), formatter));
        }
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) return "";
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    if (type == CellType.BOOLEAN) return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
    if (type == CellType.ERROR) return "";
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      // a date typed into the form: the UK form of the date, whatever the spreadsheet's display
      // locale
      return DATE.format(cell.getLocalDateTimeCellValue());
    }
    // the cached value, never re-evaluated: formulas on a form are not ours to run
    String s =
        cell.getCellType() == CellType.FORMULA
            ? cachedText(cell, type, formatter)
            : formatter.formatCellValue(cell);
    return s == null ? "" : s.replace('\u00a0', ' ').strip();
  }

  private static String cachedText(Cell cell, CellType type, DataFormatter formatter) {
    if (type == CellType.NUMERIC) {
      return formatter.formatRawCellContents(
          cell.getNumericCellValue(),
          cell.getCellStyle().getDataFormat(),
          cell.getCellStyle().getDataFormatString());
    }
    return cell.getStringCellValue();
  }
}
