package org.outputintake.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanEngineTest {
  @TempDir Path dir;

  private static final FileInspector TEXT =
      (file, ctx, work) -> new Inspection("text/plain", List.of(), List.of(), true);

  private static ContentScanner throwing(Throwable t) {
    return new ContentScanner() {
      @Override
      public boolean appliesTo(ScanFile file) {
        return true;
      }

      @Override
      public List<Finding> scan(ScanFile file, ScanContext context) throws IOException {
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        throw (Error) t;
      }
    };
  }

  @Test
  void scannerFailuresBecomeScanErrorFindingsAndOtherScannersStillRun() throws IOException {
    Path p = TestFiles.text(dir, "a.txt", "contact a@b.org");
    ContentScanner ok =
        new ContentScanner() {
          @Override
          public boolean appliesTo(ScanFile file) {
            return true;
          }

          @Override
          public List<Finding> scan(ScanFile file, ScanContext context) {
            return List.of(Finding.info("SEEN", "", "scanned"));
          }
        };
    ScanEngine engine =
        new ScanEngine(
            TEXT,
            List.of(
                throwing(new IOException("bad")),
                throwing(new IllegalStateException("boom")),
                throwing(new StackOverflowError()),
                ok));
    ScanReport report = engine.scan(List.of(ScanFile.of(p, "a.txt")), TestFiles.context("ons-srs"));
    List<String> codes = TestFiles.codes(report.files().get(0).findings());
    assertEquals(List.of("SCAN_ERROR", "SCAN_ERROR", "SCAN_ERROR", "SEEN"), codes);
    assertTrue(
        report
            .files()
            .get(0)
            .findings()
            .get(0)
            .message()
            .startsWith("The file could not be read fully"));
  }

  @Test
  void inspectorFailureIsAFindingAndTheWorkDirIsRemoved() throws IOException {
    Path p = TestFiles.text(dir, "a.txt", "x");
    List<Path> workDirs = new ArrayList<>();
    FileInspector failing =
        (file, ctx, work) -> {
          workDirs.add(work);
          throw new IOException("corrupt");
        };
    ScanReport report =
        new ScanEngine(failing, List.of())
            .scan(List.of(ScanFile.of(p)), TestFiles.context("ons-srs"));
    assertEquals(List.of("SCAN_ERROR"), TestFiles.codes(report.files().get(0).findings()));
    assertFalse(Files.exists(workDirs.get(0)));
  }

  @Test
  void archiveEntriesAreScannedAfterTheirArchive() throws IOException {
    Path zip = TestFiles.text(dir, "a.zip", "PK");
    FileInspector archive =
        (file, ctx, work) -> {
          if (file.depth() > 0) return new Inspection("text/csv", List.of(), List.of(), true);
          Path entry = TestFiles.text(work, "t.csv", "area,n", "A,3");
          return new Inspection(
              "application/zip",
              List.of(),
              List.of(new ScanFile(entry, "a.zip!/t.csv", null, Files.size(entry), 1)),
              false);
        };
    ScanReport report =
        new ScanEngine(archive, ScanEngine.standardScanners())
            .scan(List.of(ScanFile.of(zip, "a.zip")), TestFiles.context("ons-srs"));
    assertEquals(
        List.of("a.zip", "a.zip!/t.csv"), report.files().stream().map(FileReport::file).toList());
    assertEquals(List.of("LOW_COUNT"), TestFiles.codes(report.files().get(1).findings()));
    assertTrue(report.hasBlocker());
  }

  @Test
  void sha256IsStreamedAndCorrect() throws IOException {
    Path p = dir.resolve("abc");
    Files.writeString(p, "abc");
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ScanEngine.sha256(p));
  }

  @Test
  void standardEngineDetectsTypesAndScansADocx() throws IOException {
    Path docx =
        TestFiles.docx(
            dir, "letter.docx", "Dear colleague,", "The patient, NHS 943 476 5919, was seen.");
    ScanReport report =
        org.outputintake.review.StandardScan.engine()
            .scan(List.of(ScanFile.of(docx, "letter.docx")), TestFiles.context("ons-srs"));
    FileReport f = report.files().get(0);
    assertTrue(f.type().contains("wordprocessingml"), f.type());
    assertEquals(List.of("NHS_NUMBER"), TestFiles.codes(f.findings()));
    assertEquals(64, f.sha256().length());
  }

  @Test
  void degreesOfFreedomStatedInAnotherFileOfTheRequestAreEnough() throws IOException {
    Path coefs =
        TestFiles.text(
            dir, "coefficients.csv", "term,coef,std_err", "Intercept,1.2,0.3", "age,0.05,0.01");
    Path log =
        TestFiles.text(dir, "model.log", "Residual standard error: 1.2 on 480 degrees of freedom");
    ScanEngine engine = org.outputintake.review.StandardScan.engine();
    ScanReport alone =
        engine.scan(List.of(ScanFile.of(coefs, "coefficients.csv")), TestFiles.context("ons-srs"));
    assertEquals(
        List.of("DEGREES_OF_FREEDOM_MISSING"), TestFiles.codes(alone.files().get(0).findings()));
    ScanReport both =
        engine.scan(
            List.of(ScanFile.of(coefs, "coefficients.csv"), ScanFile.of(log, "model.log")),
            TestFiles.context("ons-srs"));
    assertEquals(List.of(), TestFiles.codes(both.files().get(0).findings()));
  }

  @Test
  void aCheckAcrossTheRequestsFilesThatFails_isNamedForAnOfficer_andTheReportsStay() {
    List<FileReport> reports =
        List.of(
            new FileReport("a.csv", "text/csv", "", 1, List.of()),
            new FileReport("b.csv", "text/csv", "", 1, List.of()));
    List<FileReport> out =
        ScanEngine.acrossFiles(
            reports,
            "ACRO's own results and checksums",
            r -> {
              throw new IllegalStateException("a bug");
            });
    assertEquals(2, out.size());
    Finding f = out.get(0).findings().get(0);
    assertEquals("SCAN_ERROR", f.code());
    assertTrue(f.message().contains("ACRO's own results and checksums"), f.message());
    assertTrue(out.get(1).findings().isEmpty());
  }
}
