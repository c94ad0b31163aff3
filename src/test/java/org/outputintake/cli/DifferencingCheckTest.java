package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.TestFiles;
import picocli.CommandLine;

/**
 * Differencing between the count tables of one request, through {@code check}: two tables of one
 * cohort whose totals are a few apart give the left-out group by subtraction.
 */
class DifferencingCheckTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private JsonNode check(Path... files) throws IOException {
    List<String> args = new ArrayList<>(List.of("--format", "json"));
    for (Path p : files) args.add(p.toString());
    CommandLine cmd = new CommandLine(new CheckCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    cmd.execute(args.toArray(String[]::new));
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<String> messages(JsonNode report, String fileEnd) {
    List<String> found = new ArrayList<>();
    for (JsonNode f : report.path("files")) {
      if (!f.path("file").asText().endsWith(fileEnd)) continue;
      for (JsonNode x : f.path("findings")) {
        if (x.path("code").asText().equals("DIFFERENCING")) found.add(x.path("message").asText());
      }
    }
    return found;
  }

  @Test
  void twoTablesOfOneCohortWhoseTotalsDifferByFourAreBothFlagged() throws IOException {
    Path all =
        TestFiles.text(dir, "by_region.csv", "region,n", "North,420", "South,410", "Total,1240");
    Path adults =
        TestFiles.text(
            dir,
            "by_age.csv",
            "age_band,Male,Female,Total",
            "18-44,300,320,620",
            "45+,290,326,616",
            "Total,590,646,1236");

    JsonNode report = check(all, adults);

    List<String> a = messages(report, "by_region.csv");
    List<String> b = messages(report, "by_age.csv");
    assertEquals(1, a.size(), report.toString());
    assertEquals(1, b.size(), report.toString());
    assertTrue(a.get(0).contains("(1240)") && a.get(0).contains("by_age.csv' (1236)"), a.get(0));
    assertTrue(a.get(0).contains("differ by 4"), a.get(0));
  }

  @Test
  void tablesWithTheSameTotalOrFarApartTotalsAreNotFlagged() throws IOException {
    Path a = TestFiles.text(dir, "a.csv", "region,n", "North,620", "South,620", "Total,1240");
    Path same = TestFiles.text(dir, "b.csv", "sex,n", "Male,600", "Female,640", "Total,1240");
    Path far = TestFiles.text(dir, "c.csv", "sex,n", "Male,500", "Female,600", "Total,1100");

    JsonNode report = check(a, same, far);

    for (String f : Set.of("a.csv", "b.csv", "c.csv")) {
      assertEquals(List.of(), messages(report, f), f);
    }
  }

  @Test
  void aTableWithoutAStatedTotalIsNeverGivenOne() throws IOException {
    Path a = TestFiles.text(dir, "a.csv", "region,n", "North,620", "South,620");
    Path b = TestFiles.text(dir, "b.csv", "sex,n", "Male,600", "Female,636", "Total,1236");

    JsonNode report = check(a, b);

    assertEquals(List.of(), messages(report, "a.csv"));
    assertEquals(List.of(), messages(report, "b.csv"));
  }
}
