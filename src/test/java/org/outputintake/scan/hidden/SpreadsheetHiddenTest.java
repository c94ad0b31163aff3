package org.outputintake.scan.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

class SpreadsheetHiddenTest {
  static final ScanContext CONTEXT = ScanContext.of(FilePolicies.load("ons-srs"));
  @TempDir Path dir;
  final HiddenContentScanner scanner = new HiddenContentScanner();

  static List<Finding> scan(HiddenContentScanner scanner, Path file) throws IOException {
    ScanFile f = new ScanFile(file, file.getFileName().toString(), null, Files.size(file), 0);
    assertTrue(scanner.appliesTo(f), file.toString());
    return scanner.scan(f, CONTEXT);
  }

  List<Finding> scan(Path file) throws IOException {
    return scan(scanner, file);
  }

  static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  /** A workbook with a visible 'Table 1' of counts, changed by {@code edit} before it is saved. */
  Path workbook(String name, boolean xlsx, java.util.function.Consumer<Workbook> edit)
      throws IOException {
    Path file = dir.resolve(name);
    try (Workbook wb = xlsx ? new XSSFWorkbook() : new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = wb.createSheet("Table 1");
      for (int r = 0; r < 12; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < 5; c++) row.createCell(c).setCellValue(r * 10 + c);
      }
      edit.accept(wb);
      wb.write(out);
    }
    return file;
  }

  @Test
  void aCleanWorkbookHasNoFinding() throws IOException {
    assertEquals(List.of(), scan(workbook("clean.xlsx", true, wb -> {})));
    assertEquals(List.of(), scan(workbook("clean.xls", false, wb -> {})));
  }

  @Test
  void hiddenAndVeryHiddenSheetsAreBlockers() throws IOException {
    for (boolean xlsx : new boolean[] {true, false}) {
      Path file =
          workbook(
              xlsx ? "s.xlsx" : "s.xls",
              xlsx,
              wb -> {
                wb.createSheet("Raw data");
                wb.createSheet("Lookup");
                wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
                wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
              });
      List<Finding> findings = scan(file);
      assertEquals(List.of("HIDDEN_SHEET", "HIDDEN_SHEET"), codes(findings), file.toString());
      assertEquals("sheet 'Raw data'", findings.get(0).location());
      assertTrue(findings.get(1).message().contains("very hidden"));
      assertTrue(findings.get(0).isBlocker());
    }
  }

  @Test
  void hiddenRowsAndColumnsAreReportedWithTheirPlace() throws IOException {
    for (boolean xlsx : new boolean[] {true, false}) {
      Path file =
          workbook(
              xlsx ? "r.xlsx" : "r.xls",
              xlsx,
              wb -> {
                Sheet s = wb.getSheetAt(0);
                s.getRow(6).setZeroHeight(true);
                s.getRow(8).setZeroHeight(true);
                s.getRow(9).setZeroHeight(true);
                s.setColumnHidden(2, true);
              });
      List<Finding> findings = scan(file);
      List<String> locations = findings.stream().map(Finding::location).toList();
      assertEquals(
          List.of("HIDDEN_ROW", "HIDDEN_ROW", "HIDDEN_COLUMN"), codes(findings), file.toString());
      assertEquals(
          List.of(
              "sheet 'Table 1', row 7", "sheet 'Table 1', rows 9-10", "sheet 'Table 1', column C"),
          locations);
    }
  }

  @Test
  void manyHiddenRowsAreSummarisedNotListedOneByOne() throws IOException {
    Path file =
        workbook(
            "many.xlsx",
            true,
            wb -> {
              Sheet s = wb.getSheetAt(0);
              for (int r = 100; r < 400; r += 2) s.createRow(r).setZeroHeight(true);
            });
    List<Finding> findings = scan(file);
    assertEquals(Ranges.MAX_FINDINGS + 1, findings.size());
    assertTrue(findings.get(findings.size() - 1).message().contains("150 hidden rows"));
  }

  @Test
  void cellCommentsAreWarningsWithTheCellButNotTheText() throws IOException {
    for (boolean xlsx : new boolean[] {true, false}) {
      Path file =
          workbook(
              xlsx ? "c.xlsx" : "c.xls",
              xlsx,
              wb -> {
                Sheet s = wb.getSheetAt(0);
                Drawing<?> drawing = s.createDrawingPatriarch();
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                anchor.setRow1(1);
                anchor.setCol1(1);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(
                    wb.getCreationHelper().createRichTextString("patient 943 476 5919 excluded"));
                s.getRow(1).getCell(1).setCellComment(comment);
              });
      List<Finding> findings = scan(file);
      assertEquals(List.of("COMMENT"), codes(findings), file.toString());
      assertFalse(findings.get(0).isBlocker());
      assertFalse(findings.toString().contains("943"), findings.toString());
      if (xlsx) assertEquals("sheet 'Table 1', cell B2", findings.get(0).location());
    }
  }

  @Test
  void macrosExternalLinksAndConnectionsInAPackageAreReported() throws Exception {
    Path file = workbook("m.xlsm", true, wb -> {});
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ_WRITE)) {
      addPart(
          pkg, "/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject", new byte[] {1, 2, 3});
      addPart(
          pkg,
          "/xl/externalLinks/externalLink1.xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
          "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      addPart(
          pkg,
          "/xl/connections.xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
          "<connections xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    List<String> codes = codes(scan(file));
    assertEquals(List.of("ACTIVE_CONTENT", "EXTERNAL_LINK", "EXTERNAL_LINK"), codes);
  }

  @Test
  void aPersonNamedInThePropertiesIsMaskedInformation() throws IOException {
    Path file =
        workbook(
            "p.xlsx",
            true,
            wb -> {
              var props = ((XSSFWorkbook) wb).getProperties().getCoreProperties();
              props.setCreator("Jane Researcher");
            });
    List<Finding> findings = scan(file);
    assertEquals(List.of("EMBEDDED_METADATA"), codes(findings));
    assertEquals(org.outputintake.scan.Severity.INFO, findings.get(0).severity());
    assertFalse(findings.get(0).evidence().contains("Jane Researcher"));
    assertTrue(findings.get(0).evidence().contains("Ja***r"), findings.get(0).evidence());
  }

  @Test
  void aDamagedWorkbookIsAWarningNotAnException() throws IOException {
    Path file = Files.write(dir.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    assertEquals(List.of("HIDDEN_CONTENT_UNCHECKED"), codes(scan(file)));
    Path xls = Files.write(dir.resolve("broken.xls"), new byte[] {1, 2, 3});
    assertEquals(List.of("HIDDEN_CONTENT_UNCHECKED"), codes(scan(xls)));
  }

  static void addPart(OPCPackage pkg, String name, String type, byte[] content) throws Exception {
    PackagePartName partName = PackagingURIHelper.createPartName(name);
    try (OutputStream out = pkg.createPart(partName, type).getOutputStream()) {
      out.write(content);
    }
  }
}
