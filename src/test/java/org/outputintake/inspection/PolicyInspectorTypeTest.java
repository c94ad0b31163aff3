package org.outputintake.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Inspection;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

class PolicyInspectorTypeTest {
  static final FilePolicy SRS = FilePolicies.load("ons-srs");
  static final FilePolicy OPENSAFELY = FilePolicies.load("opensafely");

  @TempDir Path dir;
  final PolicyInspector inspector = new PolicyInspector();

  Inspection inspect(Path file, FilePolicy policy) throws IOException {
    return inspect(file, file.getFileName().toString(), policy);
  }

  Inspection inspect(Path file, String displayName, FilePolicy policy) throws IOException {
    return inspector.inspect(
        new ScanFile(file, displayName, null, Files.size(file), 0),
        ScanContext.of(policy),
        dir.resolve("work"));
  }

  static List<String> codes(Inspection inspection) {
    return inspection.findings().stream().map(Finding::code).toList();
  }

  @Test
  void detectsExactOfficeTypesFromBytesAlone() throws IOException {
    Path docx = PolicySamples.docx(dir, "report.docx");
    Path renamed = Files.copy(docx, dir.resolve("report.bin"));
    assertEquals(FileTypeRules.DOCX, inspector.detect(docx));
    assertEquals(FileTypeRules.DOCX, inspector.detect(renamed));
    assertEquals(FileTypeRules.XLSX, inspector.detect(PolicySamples.xlsx(dir, "t.xlsx")));
    assertEquals(FileTypeRules.PPTX, inspector.detect(PolicySamples.pptx(dir, "s.pptx")));
  }

  @Test
  void ordinaryOutputsProduceNoFindingUnderEitherPolicy() throws IOException {
    List<Path> files =
        List.of(
            PolicySamples.text(dir, "table.csv", "region,count\nNorth,120\nSouth,85\n"),
            PolicySamples.text(dir, "notes.txt", "Counts are rounded to the nearest 5.\n"),
            PolicySamples.svg(dir, "figure.svg"),
            PolicySamples.png(dir, "figure.png"),
            PolicySamples.jpeg(dir, "photo.jpg"),
            PolicySamples.jpeg(dir, "photo2.jpeg"));
    for (Path f : files) {
      assertEquals(List.of(), codes(inspect(f, SRS)), f.toString());
      assertEquals(List.of(), codes(inspect(f, OPENSAFELY)), f.toString());
    }
  }

  @Test
  void codeAndOfficeFilesProduceNoFindingUnderTheSrsPolicy() throws IOException {
    List<Path> files =
        List.of(
            PolicySamples.text(
                dir, "model.R", "library(dplyr)\nx <- read.csv('a.csv')\nsummary(x)\n"),
            PolicySamples.text(dir, "clean.py", "import pandas as pd\n\nprint(pd.__version__)\n"),
            PolicySamples.text(
                dir, "query.sql", "SELECT region, COUNT(*) FROM t GROUP BY region;\n"),
            PolicySamples.text(dir, "analysis.do", "* Stata\nuse data, clear\ntab region\n"),
            PolicySamples.text(dir, "run.log", "From the start of the run: 12 tables written\n"),
            PolicySamples.text(dir, "ids.csv", "ID,count\n1,10\n"),
            PolicySamples.docx(dir, "report.docx"),
            PolicySamples.xlsx(dir, "tables.xlsx"),
            PolicySamples.pptx(dir, "slides.pptx"),
            PolicySamples.pdf(dir, "paper.pdf"));
    for (Path f : files) {
      Inspection inspection = inspect(f, SRS);
      assertEquals(List.of(), codes(inspection), f + " " + inspection.mediaType());
      assertTrue(inspection.scanContent());
    }
  }

  @Test
  void aPngRenamedCsvIsAMismatchAndNotScannedAsText() throws IOException {
    Inspection inspection = inspect(PolicySamples.png(dir, "table.csv"), SRS);
    assertEquals(List.of("FILE_TYPE_MISMATCH"), codes(inspection));
    assertEquals("image/png", inspection.mediaType());
    assertFalse(inspection.scanContent());
    assertTrue(inspection.findings().get(0).message().contains("PNG image"));
  }

  @Test
  void aZipRenamedDocxIsAMismatch() throws IOException {
    Path zip =
        PolicySamples.zip(
            dir,
            "report.docx",
            java.util.Map.of("a.csv", "a\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertTrue(codes(inspect(zip, SRS)).contains("FILE_TYPE_MISMATCH"));
  }

  @Test
  void aProgramNamedTxtIsAMismatchAndNotAllowedWhereOnlyListedTypesAre() throws IOException {
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
    Path file = PolicySamples.bytes(dir, "notes.txt", exe);
    assertTrue(codes(inspect(file, SRS)).contains("FILE_TYPE_MISMATCH"));
    List<String> strict = codes(inspect(file, OPENSAFELY));
    assertTrue(
        strict.contains("FILE_TYPE_MISMATCH") && strict.contains("FILE_TYPE_NOT_ALLOWED"),
        strict.toString());
  }

  @Test
  void aCorrectlyNamedProgramIsNotAMismatchButIsNotAllowedInEitherShippedPolicy()
      throws IOException {
    byte[] exe = new byte[256];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    System.arraycopy(new byte[] {'P', 'E', 0, 0}, 0, exe, 0x80, 4);
    for (String name : List.of("setup.exe", "helper.dll")) {
      Path file = PolicySamples.bytes(dir, name, exe);
      for (FilePolicy policy : List.of(SRS, OPENSAFELY)) {
        List<String> codes = codes(inspect(file, policy));
        assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes, name + " under " + policy.name());
      }
    }
  }

  @Test
  void aPlainWorkbookMayBeNamedXlsmButAMacroWorkbookMayNotBeNamedXlsx() throws IOException {
    Path plain = PolicySamples.xlsx(dir, "tables.xlsm");
    assertEquals(List.of(), codes(inspect(plain, SRS)));
    assertTrue(FileTypeRules.mismatches("tables.xlsx", FileTypeRules.XLSM, 100));
    assertFalse(FileTypeRules.mismatches("tables.xlsm", FileTypeRules.XLSM, 100));
  }

  @Test
  void textContentUnderATextNameIsNeverAMismatch() {
    for (String name :
        List.of("a.csv", "a.tsv", "a.txt", "a.R", "a.py", "a.sql", "a.do", "a.sas", "a.log")) {
      for (String type :
          List.of(
              "text/plain",
              "text/x-python",
              "text/html",
              "application/xml",
              "text/csv",
              "application/x-sh",
              "message/rfc822",
              "application/x-bibtex-text-file",
              "application/json")) {
        assertFalse(FileTypeRules.mismatches(name, type, 10), name + " " + type);
      }
    }
    assertTrue(FileTypeRules.mismatches("a.csv", "application/pdf", 10));
    assertFalse(FileTypeRules.mismatches("empty.csv", "application/octet-stream", 0));
  }

  @Test
  void forbiddenExtensionsAreRefusedByNameIncludingCompoundOnes() throws IOException {
    Path json = PolicySamples.text(dir, "results.json", "{\"n\": 12}\n");
    assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes(inspect(json, SRS)));
    Path shpXml = PolicySamples.text(dir, "roads.shp.xml", "<?xml version=\"1.0\"?><metadata/>\n");
    assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes(inspect(shpXml, SRS)));
    Path rds =
        PolicySamples.bytes(
            dir, "model.RDS", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0});
    assertTrue(codes(inspect(rds, SRS)).contains("FILE_TYPE_NOT_ALLOWED"));
  }

  @Test
  void forbiddenContentIsRefusedEvenUnderAnAllowedName() throws IOException {
    Path html =
        PolicySamples.text(
            dir,
            "report.txt",
            "<!DOCTYPE html>\n<html><head><title>r</title></head>"
                + "<body><p>hello</p></body></html>\n");
    assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes(inspect(html, SRS)));
  }

  @Test
  void onlyListedTypesAreAllowedUnderOpenSafely() throws IOException {
    Path r = PolicySamples.text(dir, "analysis.R", "x <- 1\n");
    assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes(inspect(r, OPENSAFELY)));
    Path docx = PolicySamples.docx(dir, "report.docx");
    assertEquals(List.of("FILE_TYPE_NOT_ALLOWED"), codes(inspect(docx, OPENSAFELY)));
    Path json = PolicySamples.text(dir, "results.json", "{\"n\": 12}\n");
    assertEquals(List.of(), codes(inspect(json, OPENSAFELY)));
    // The content is an allowed type too, so only the mismatch is reported.
    Path png = PolicySamples.png(dir, "figure.csv");
    assertEquals(List.of("FILE_TYPE_MISMATCH"), codes(inspect(png, OPENSAFELY)));
  }

  @Test
  void filesOverTheSizeLimitAreRefusedWithTheLimitInMegabytes() throws IOException {
    FilePolicy small =
        new FilePolicy(
            "tiny",
            "",
            Set.of(),
            Set.of(),
            Set.of(),
            1024 * 1024,
            0,
            10,
            0,
            FilePolicy.ArchiveLimits.DEFAULT);
    Path big = PolicySamples.text(dir, "big.csv", "a,b\n" + "1,2\n".repeat(300_000));
    Inspection inspection = inspect(big, small);
    assertEquals(List.of("FILE_TOO_LARGE"), codes(inspection));
    assertTrue(inspection.findings().get(0).blocksRequest(), "the researcher must send less");
    assertTrue(
        inspection.findings().get(0).message().contains("1 MB"),
        inspection.findings().get(0).message());
    assertFalse(inspection.scanContent());
    Path ok = PolicySamples.text(dir, "ok.csv", "a,b\n1,2\n");
    assertEquals(List.of(), codes(inspect(ok, small)));
  }

  @Test
  void sixteenMegabytesIsTheOpenSafelyLimit() {
    assertEquals(16L * 1024 * 1024, OPENSAFELY.maxFileBytes());
    assertEquals(0, SRS.maxFileBytes());
  }

  @Test
  void aNameWithATextDirectionOverrideIsAWarning() throws IOException {
    Path file = PolicySamples.text(dir, "table.csv", "a,b\n1,2\n");
    Inspection inspection = inspect(file, "report\u202Evsc.exe.csv", SRS);
    assertEquals(List.of("FILE_NAME_UNSAFE"), codes(inspection));
    assertEquals(List.of(), codes(inspect(file, "report.csv", SRS)));
  }
}
