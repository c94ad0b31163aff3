package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetsTest {
  @TempDir Path dir;

  /** Every row of every visible sheet as "sheet!row: cells", nulls shown as "_". */
  private List<String> read(Path file) throws IOException {
    List<String> rows = new ArrayList<>();
    XlsxSheets.read(
        file,
        name ->
            new XlsxSheets.RowSink() {
              @Override
              public void row(long row, String[] cells, int width) {
                rows.add(
                    name
                        + "!"
                        + row
                        + ": "
                        + String.join(
                            "|",
                            Arrays.stream(cells, 0, width).map(c -> c == null ? "_" : c).toList()));
              }

              @Override
              public void finish() {
                rows.add(name + " done");
              }
            });
    return rows;
  }

  private Path write(Workbook wb, String name) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(p)) {
      wb.write(out);
    }
    wb.close();
    return p;
  }

  @Test
  void givenCellsOfEveryKind_thenEachReadsAsTheResearcherSeesIt() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    Sheet s = wb.createSheet("Table 1");
    Row h = s.createRow(0);
    h.createCell(0).setCellValue("region");
    h.createCell(1).setCellValue("n");
    h.createCell(3).setCellValue("when");
    Row r = s.createRow(6); // rows may be missing: row numbers are the sheet's own
    r.createCell(0).setCellValue("North");
    r.createCell(1).setCellValue(12.0);
    r.createCell(2).setCellValue(true);
    var date = r.createCell(3);
    date.setCellValue(LocalDate.of(1985, 3, 12));
    var style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
    date.setCellStyle(style);
    r.createCell(4).setCellValue(63.27);
    r.createCell(5).setCellFormula("B7*2");
    r.createCell(6).setCellFormula("1/0");
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    Path file = write(wb, "kinds.xlsx");

    assertEquals(
        List.of(
            "Table 1!1: region|n|_|when",
            "Table 1!7: North|12|TRUE|1985-03-12|63.27|24",
            "Table 1 done"),
        read(file));
  }

  @Test
  void givenHiddenAndVeryHiddenSheets_thenOnlyVisibleSheetsAreRead() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    for (String name : List.of("Shown", "Workings", "Secret"))
      wb.createSheet(name)
          .createRow(0)
          .createCell(0)
          .setCellValue(name.toLowerCase(java.util.Locale.ROOT));
    wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
    wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
    Path file = write(wb, "hidden.xlsx");

    assertEquals(List.of("Shown!1: shown", "Shown done"), read(file));
  }

  @Test
  void givenInlineStringsAsStreamingWritersProduce_thenTheyAreRead() throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(10); // writes inline strings, no shared string table
    Sheet s = wb.createSheet("Data");
    for (int i = 0; i < 3; i++) {
      Row row = s.createRow(i);
      row.createCell(0).setCellValue("label " + i);
      row.createCell(1).setCellValue(i * 5);
    }
    Path file = write(wb, "inline.xlsx");
    wb.close();

    assertEquals(
        List.of("Data!1: label 0|0", "Data!2: label 1|5", "Data!3: label 2|10", "Data done"),
        read(file));
  }

  @Test
  void givenAFileThatIsNotAWorkbook_thenAnIOExceptionSaysSo() throws IOException {
    Path file = Files.writeString(dir.resolve("fake.xlsx"), "region,n\nNorth,3\n");
    IOException e = assertThrows(IOException.class, () -> read(file));
    assertEquals(true, e.getMessage().contains("not a readable XLSX workbook"), e.getMessage());
  }
}
