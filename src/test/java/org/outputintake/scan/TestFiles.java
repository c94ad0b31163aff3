package org.outputintake.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.outputintake.inspection.FilePolicies;

/** Real files for tests, written with POI and plain I/O. */
public final class TestFiles {
  private TestFiles() {}

  public static Path text(Path dir, String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** A workbook of sheets; each sheet is a name and rows of cells (numbers written as numbers). */
  public static Path xlsx(Path dir, String name, Set<String> hidden, Object... sheetsAndRows)
      throws IOException {
    return workbook(new XSSFWorkbook(), dir.resolve(name), hidden, sheetsAndRows);
  }

  public static Path xls(Path dir, String name, Object... sheetsAndRows) throws IOException {
    return workbook(new HSSFWorkbook(), dir.resolve(name), Set.of(), sheetsAndRows);
  }

  private static Path workbook(Workbook wb, Path p, Set<String> hidden, Object... sheetsAndRows)
      throws IOException {
    try (wb) {
      for (int i = 0; i < sheetsAndRows.length; i += 2) {
        Sheet sheet = wb.createSheet((String) sheetsAndRows[i]);
        String[][] rows = (String[][]) sheetsAndRows[i + 1];
        for (int r = 0; r < rows.length; r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < rows[r].length; c++) {
            String v = rows[r][c];
            if (v == null) continue;
            if (v.matches("-?\\d{1,9}(\\.\\d+)?"))
              row.createCell(c).setCellValue(Double.parseDouble(v));
            else row.createCell(c).setCellValue(v);
          }
        }
        if (hidden.contains(sheet.getSheetName())) wb.setSheetHidden(wb.getSheetIndex(sheet), true);
      }
      try (OutputStream out = Files.newOutputStream(p)) {
        wb.write(out);
      }
    }
    return p;
  }

  public static Path docx(Path dir, String name, String... paragraphs) throws IOException {
    Path p = dir.resolve(name);
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(p)) {
      for (String para : paragraphs) doc.createParagraph().createRun().setText(para);
      doc.write(out);
    }
    return p;
  }

  public static ScanContext context(String policy) {
    FilePolicy p = FilePolicies.load(policy);
    return ScanContext.of(p);
  }

  public static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  public static String[][] rows(String... csvLines) {
    String[][] out = new String[csvLines.length][];
    for (int i = 0; i < csvLines.length; i++) out[i] = csvLines[i].split(",", -1);
    return out;
  }
}
