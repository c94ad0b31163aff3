package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.testing.AcroFolders;
import picocli.CommandLine;

/**
 * ACRO's output folder sent inside an archive, as researchers email it: read as ACRO's, checksums
 * verified against the archive's members, verdicts on the members, through {@code check}.
 */
class AcroArchiveCheckTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private JsonNode check(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--format", "json"));
    all.addAll(List.of(args));
    CommandLine cmd = new CommandLine(new CheckCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    cmd.execute(all.toArray(String[]::new));
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<JsonNode> findings(JsonNode report, String fileEnd, String code) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode f : report.path("files")) {
      if (!f.path("file").asText().endsWith(fileEnd)) continue;
      for (JsonNode x : f.path("findings")) {
        if (x.path("code").asText().equals(code)) found.add(x);
      }
    }
    return found;
  }

  private static void assertReadAsAcros(JsonNode report, String prefix) {
    String results = prefix + "results.json";
    assertTrue(findings(report, results, "FILE_TYPE_NOT_ALLOWED").isEmpty(), report.toString());
    List<JsonNode> info = findings(report, results, "ACRO_RESULT");
    assertEquals(1, info.size(), report.toPrettyString());
    assertEquals("info", info.get(0).path("severity").asText());
    assertTrue(info.get(0).path("message").asText().contains("2 outputs"));

    List<JsonNode> first = findings(report, prefix + "output_0_0.csv", "ACRO_RESULT");
    assertEquals(1, first.size(), report.toPrettyString());
    assertEquals("blocker", first.get(0).path("severity").asText());
    assertTrue(first.get(0).path("message").asText().contains("national total, published"));
    assertFalse(findings(report, prefix + "output_0_0.csv", "LOW_COUNT").isEmpty());

    List<JsonNode> second = findings(report, prefix + "output_1_0.csv", "ACRO_RESULT");
    assertTrue(
        second.stream()
            .anyMatch(
                f ->
                    f.path("severity").asText().equals("blocker")
                        && f.path("message").asText().contains("checksum")),
        second.toString());
    assertTrue(
        second.stream().anyMatch(f -> f.path("severity").asText().equals("info")),
        second.toString());
  }

  @Test
  void anAcroFolderInsideAZip_isReadAsAcros_withItsChecksumsVerifiedAgainstTheMembers()
      throws IOException {
    Path zip =
        Files.write(
            dir.resolve("acro_outputs.zip"), AcroFolders.zip(AcroFolders.acroFolder("outputs/")));

    JsonNode report = check(zip.toString());

    assertReadAsAcros(report, "acro_outputs.zip!/outputs/");
  }

  @Test
  void anAcroFolderAtTheTopOfATarGz_isReadTheSameWay() throws IOException {
    Path tgz =
        Files.write(dir.resolve("acro.tar.gz"), AcroFolders.tarGz(AcroFolders.acroFolder("")));

    JsonNode report = check(tgz.toString());

    assertReadAsAcros(report, "!/");
  }

  @Test
  void aZippedAcroFolder_writesAcroResultsWithoutCopyingAcrosOwnResults() throws IOException {
    Path zip =
        Files.write(
            dir.resolve("acro_outputs.zip"), AcroFolders.zip(AcroFolders.acroFolder("outputs/")));
    Path target = dir.resolve("ours");

    check("--acro-results", target.toString(), zip.toString());

    try (var listing = Files.list(target)) {
      List<String> names = listing.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("acro_outputs.zip", "checksums", "results.json"), names);
    }
    JsonNode ours = new ObjectMapper().readTree(target.resolve("results.json").toFile());
    assertEquals(1, ours.path("results").size());
  }
}
