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

/**
 * ACRO's own output folder as input: its verdicts, the researcher's words and its checksums reach
 * the findings.
 */
class AcroInputTest {
  @TempDir Path dir;

  private static final String RESULTS = org.outputintake.testing.AcroFolders.RESULTS;

  @Test
  void acroVerdictsExceptionsAndChecksumsBecomeFindingsAndOurChecksStillRun() throws IOException {
    Path a = TestFiles.text(dir, "acro/output_0_0.csv", "year,G,R", "2010,120,4", "2011,130,140");
    Path b = TestFiles.text(dir, "acro/output_1_0.csv", "year,G,R", "2010,120,140");
    Path results = TestFiles.text(dir, "acro/results.json", RESULTS);
    Files.createDirectories(dir.resolve("acro/checksums"));
    Path sumA =
        Files.writeString(dir.resolve("acro/checksums/output_0_0.csv.txt"), ScanEngine.sha256(a));
    Path sumB = Files.writeString(dir.resolve("acro/checksums/output_1_0.csv.txt"), "0".repeat(64));
    List<ScanFile> inputs = new ArrayList<>();
    for (Path p : List.of(results, a, b, sumA, sumB)) inputs.add(ScanFile.of(p, p.toString()));

    ScanReport report =
        org.outputintake.review.StandardScan.engine().scan(inputs, TestFiles.context("ons-srs"));

    FileReport json = report.files().get(0);
    assertFalse(
        TestFiles.codes(json.findings()).contains("FILE_TYPE_NOT_ALLOWED"),
        json.findings().toString());
    assertEquals(Severity.INFO, json.findings().get(0).severity());
    FileReport first = report.files().get(1);
    List<String> codes = TestFiles.codes(first.findings());
    assertTrue(codes.contains("LOW_COUNT"), codes.toString());
    Finding verdict =
        first.findings().stream()
            .filter(f -> f.code().equals("ACRO_RESULT"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.BLOCKER, verdict.severity());
    assertTrue(verdict.message().contains("national total, published already"), verdict.message());
    assertTrue(verdict.message().contains("threshold: 1 cells"), verdict.message());
    FileReport second = report.files().get(2);
    List<Finding> acro =
        second.findings().stream().filter(f -> f.code().equals("ACRO_RESULT")).toList();
    assertTrue(
        acro.stream()
            .anyMatch(f -> f.severity() == Severity.BLOCKER && f.message().contains("checksum")),
        acro.toString());
    assertTrue(acro.stream().anyMatch(f -> f.severity() == Severity.INFO), acro.toString());
  }

  @Test
  void aResearchersCommentWithAnIdentifierIsNotRepeated() throws IOException {
    Path a = TestFiles.text(dir, "acro/output_0_0.csv", "year,G,R", "2010,120,140");
    Path results =
        TestFiles.text(
            dir,
            "acro/results.json",
            RESULTS.replace("grant types by year", "patient NHS 943 476 5919 excluded"));
    ScanReport report =
        org.outputintake.review.StandardScan.engine()
            .scan(
                List.of(ScanFile.of(results, results.toString()), ScanFile.of(a, a.toString())),
                TestFiles.context("ons-srs"));
    String message =
        report.files().get(1).findings().stream()
            .filter(f -> f.code().equals("ACRO_RESULT"))
            .map(Finding::message)
            .filter(m -> m.contains("judged"))
            .findFirst()
            .orElseThrow();
    assertFalse(message.contains("5919"), message);
    assertTrue(message.contains("not shown"), message);
  }
}
