package org.outputintake.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.Severity;

class AcroResultsTest {
  private static final java.time.Clock LONDON =
      java.time.Clock.system(java.time.ZoneId.of("Europe/London"));

  @TempDir Path dir;

  private static Finding lowCount(String cell, String column) {
    return new Finding(
        "LOW_COUNT",
        Severity.BLOCKER,
        "row 3, column '" + column + "'",
        "below the threshold",
        cell + " = 4");
  }

  @Test
  void givenAnArchiveWithAFindingInsideIt_thenTheArchiveIsOneOutputThatFailsAndNamesTheEntry()
      throws IOException {
    Path zip = Files.write(dir.resolve("tables.zip"), new byte[] {1, 2, 3});
    ScanReport report =
        new ScanReport(
            "ons-srs",
            List.of(
                new FileReport("in/tables.zip", "application/zip", "abc", 3, List.of()),
                new FileReport(
                    "in/tables.zip!/t.csv",
                    "text/plain",
                    "def",
                    10,
                    List.of(lowCount("B3", "n")))));

    AcroResults.write(report, dir.resolve("acro"), Map.of("in/tables.zip", zip), null, LONDON);

    JsonNode results =
        new ObjectMapper().readTree(dir.resolve("acro/results.json").toFile()).path("results");
    assertEquals(1, results.size());
    JsonNode output = results.path("output_0");
    assertEquals("fail", output.path("status").asText());
    assertEquals("tables.zip", output.path("files").get(0).path("name").asText());
    assertTrue(
        output.path("comments").get(0).asText().contains("in t.csv"),
        output.path("comments").toString());
    assertEquals(
        0, output.path("files").get(0).path("sdc").path("summary").path("threshold").asInt());
    assertEquals("abc", Files.readString(dir.resolve("acro/checksums/tables.zip.txt")));
  }

  @Test
  void givenALowCountInTheLabelColumn_thenItIsACommentAndTheSummaryCountsOnlyMarkedCells()
      throws IOException {
    ScanReport report =
        new ScanReport(
            "ons-srs",
            List.of(
                new FileReport(
                    "t.csv",
                    "text/plain",
                    "abc",
                    10,
                    List.of(lowCount("A3", "region"), lowCount("C3", "n")))));

    AcroResults.write(report, dir.resolve("acro"), Map.of(), null, LONDON);

    JsonNode output =
        new ObjectMapper()
            .readTree(dir.resolve("acro/results.json").toFile())
            .path("results")
            .path("output_0");
    JsonNode sdc = output.path("files").get(0).path("sdc");
    assertEquals("[[1,1]]", sdc.path("cells").path("threshold").toString());
    assertEquals(1, sdc.path("summary").path("threshold").asInt());
    String comments = output.path("comments").toString();
    assertTrue(comments.contains("LOW_COUNT") && comments.contains("column 'region'"), comments);
    assertTrue(comments.contains("not copied"), comments);
  }
}
