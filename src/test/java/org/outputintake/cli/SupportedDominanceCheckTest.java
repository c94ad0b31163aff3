package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Dominance from a supporting file, through {@code check} on real files: a magnitude table and the
 * largest contributions per cell sent beside it in the layouts researchers use.
 */
class SupportedDominanceCheckTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Turnover (£k) by region and sector; the North/Retail cell is one large business. */
  private static final String[] TURNOVER = {
    "region,Retail,Manufacturing,Services",
    "North,1050.5,2400.0,3100.2",
    "South,2210.0,1980.4,2875.9",
    "East,1500.0,1720.0,2200.0"
  };

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new CheckCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private JsonNode json(Path... files) throws IOException {
    List<String> args = new ArrayList<>(List.of("--format", "json"));
    for (Path p : files) args.add(p.toString());
    run(args.toArray(String[]::new));
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

  private Path longSupport(String name, String northRetail) throws IOException {
    return TestFiles.text(
        dir,
        name,
        "region,sector,n_contributors,top1,top2",
        "North,Retail," + northRetail,
        "North,Manufacturing,40,310.0,280.5",
        "North,Services,52,400.0,390.0",
        "South,Retail,38,300.0,250.0",
        "South,Manufacturing,35,290.0,210.0",
        "South,Services,60,330.0,300.0",
        "East,Retail,25,200.0,150.0",
        "East,Manufacturing,30,180.0,170.0",
        "East,Services,41,260.0,240.0");
  }

  @Test
  void aLongSupportingFile_givesTheTablesCellsTheirDominanceFindings_andIsMarkedNotForRelease()
      throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support = longSupport("turnover_contributions.csv", "12,990.0,20.0");

    JsonNode report = json(table, support);

    List<JsonNode> dominance = findings(report, "turnover.csv", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals("row 2, column 'Retail'", dominance.get(0).path("location").asText());
    assertEquals("B2 p-ratio, nk-rule", dominance.get(0).path("evidence").asText());
    assertTrue(
        dominance.get(0).path("message").asText().contains("turnover_contributions.csv"),
        dominance.toString());
    assertTrue(
        findings(report, "turnover.csv", "DOMINANCE_UNCHECKED").isEmpty(), report.toString());
    List<JsonNode> marked = findings(report, "turnover_contributions.csv", "SUPPORTING_MATERIAL");
    assertEquals(1, marked.size(), report.toPrettyString());
    assertEquals("warning", marked.get(0).path("severity").asText());
    assertTrue(marked.get(0).path("message").asText().contains("not for release"));
    assertTrue(marked.get(0).path("message").asText().contains("9 cells checked, 1 dominated"));
    for (String code : List.of("EXTREME_VALUE", "DOMINANCE_UNCHECKED", "TABLE_UNRECOGNISED")) {
      assertTrue(
          findings(report, "turnover_contributions.csv", code).isEmpty(),
          code + " " + report.toPrettyString());
    }
  }

  @Test
  void aOneColumnTable_isJoinedToALongFileThatNamesItsColumn() throws IOException {
    Path table = TestFiles.text(dir, "retail.csv", "region,Retail", "North,1050.5", "South,2210.0");
    Path support =
        TestFiles.text(
            dir,
            "retail_top2.csv",
            "region,sector,n_contributors,top1,top2",
            "North,Retail,12,990.0,20.0",
            "South,Retail,38,300.0,250.0");

    JsonNode report = json(table, support);

    List<JsonNode> dominance = findings(report, "retail.csv", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals("B2 p-ratio, nk-rule", dominance.get(0).path("evidence").asText());
    assertTrue(findings(report, "retail.csv", "DOMINANCE_UNCHECKED").isEmpty(), report.toString());
  }

  @Test
  void anotherTableWithItsOwnContributions_isNotTakenForThisTablesSupportingFile()
      throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path other =
        TestFiles.text(
            dir,
            "costs.csv",
            "region,total_costs,largest,second_largest",
            "North,500.5,200.0,100.0",
            "South,700.0,250.0,200.0");

    JsonNode report = json(table, other);

    List<JsonNode> unchecked = findings(report, "turnover.csv", "DOMINANCE_UNCHECKED");
    assertEquals(1, unchecked.size(), report.toPrettyString());
    assertFalse(
        unchecked.get(0).path("message").asText().contains("costs.csv"), unchecked.toString());
    assertTrue(findings(report, "costs.csv", "DOMINANCE_UNCHECKED").isEmpty(), report.toString());
  }

  @Test
  void theCellsReachAcroResultsAsPRatioAndNkRuleCells() throws IOException {
    Path table = TestFiles.text(dir, "in/turnover.csv", TURNOVER);
    longSupport("in/support.csv", "12,990.0,20.0");
    Path acro = dir.resolve("acro");

    int code = run("--acro-results", acro.toString(), dir.resolve("in").toString());

    assertEquals(1, code, out + "\n" + err);
    JsonNode results = new ObjectMapper().readTree(acro.resolve("results.json").toFile());
    JsonNode turnover = null;
    for (JsonNode o : results.path("results")) {
      if (o.path("files").get(0).path("name").asText().equals("turnover.csv")) turnover = o;
    }
    JsonNode cells = turnover.path("files").get(0).path("sdc").path("cells");
    assertEquals("[[0,0]]", cells.path("p-ratio").toString(), turnover.toPrettyString());
    assertEquals("[[0,0]]", cells.path("nk-rule").toString());
    assertEquals("fail", turnover.path("status").asText());
    assertTrue(turnover.path("summary").asText().contains("p-ratio: 1 cells"), table.toString());
  }

  @Test
  void aSupportingFileWhoseLabelsDoNotMatch_saysWhatDidNotMatch() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support =
        TestFiles.text(
            dir,
            "largest.csv",
            "region,sector,top1,top2",
            "N,Retail,990.0,20.0",
            "S,Retail,300.0,250.0");

    JsonNode report = json(table, support);

    List<JsonNode> unchecked = findings(report, "turnover.csv", "DOMINANCE_UNCHECKED");
    assertEquals(1, unchecked.size(), report.toPrettyString());
    String message = unchecked.get(0).path("message").asText();
    assertTrue(message.contains("'largest.csv'"), message);
    assertTrue(message.contains("(for example 'N', 'S')"), message);
    assertTrue(findings(report, "largest.csv", "SUPPORTING_MATERIAL").isEmpty());
  }

  @Test
  void cellsMissingFromTheSupportingFile_areNamed_andTheOthersStillChecked() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support =
        TestFiles.text(
            dir,
            "support.csv",
            "region,sector,top1,top2",
            "North,Retail,990.0,20.0",
            "North,Manufacturing,310.0,280.5",
            "North,Services,400.0,390.0",
            "South,Retail,300.0,250.0",
            "South,Manufacturing,290.0,210.0",
            "South,Services,330.0,300.0",
            "East,Retail,200.0,150.0",
            "East,Manufacturing,180.0,170.0",
            "West,Services,260.0,240.0");

    JsonNode report = json(table, support);

    assertEquals(1, findings(report, "turnover.csv", "DOMINANCE").size(), report.toString());
    List<JsonNode> unchecked = findings(report, "turnover.csv", "DOMINANCE_UNCHECKED");
    assertEquals(1, unchecked.size(), report.toPrettyString());
    String message = unchecked.get(0).path("message").asText();
    assertTrue(message.contains("1 cell without a largest contribution"), message);
    assertTrue(message.contains("'East' x 'Services'"), message);
    assertTrue(
        message.contains(
            "1 row of the supporting material matches no row of this table (for example 'West')"),
        message);
  }

  @Test
  void aWorkbookWithTheSameGridForTheLargestAndSecondLargest_isJoinedSheetBySheet()
      throws IOException {
    Path book =
        TestFiles.xlsx(
            dir,
            "turnover.xlsx",
            Set.of(),
            "Turnover",
            TestFiles.rows(TURNOVER),
            "Largest",
            TestFiles.rows(
                "region,Retail,Manufacturing,Services",
                "North,310.5,2200.0,400.5",
                "South,300.5,290.5,330.5",
                "East,200.5,180.5,260.5"),
            "Second largest",
            TestFiles.rows(
                "region,Retail,Manufacturing,Services",
                "North,280.5,100.5,390.5",
                "South,250.5,210.5,300.5",
                "East,150.5,170.5,240.5"));

    JsonNode report = json(book);

    List<JsonNode> dominance = findings(report, "turnover.xlsx", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals(
        "sheet 'Turnover', row 2, column 'Manufacturing'",
        dominance.get(0).path("location").asText());
    assertTrue(
        findings(report, "turnover.xlsx", "DOMINANCE_UNCHECKED").isEmpty(), report.toString());
    List<JsonNode> marked = findings(report, "turnover.xlsx", "SUPPORTING_MATERIAL");
    assertEquals(2, marked.size(), report.toPrettyString());
    for (JsonNode m : marked) {
      // the sheets would leave with the table: they must be moved out before release
      assertEquals("blocker", m.path("severity").asText());
      assertTrue(m.path("message").asText().contains("move it to a separate file"));
    }
    assertEquals("sheet 'Largest'", marked.get(0).path("location").asText());
  }

  @Test
  void aTableOfMeans_usesTheContributorCounts_andFlagsCellsWithTooFewContributors()
      throws IOException {
    Path table =
        TestFiles.text(
            dir,
            "mean_income.csv",
            "region,mean_income",
            "North,41000.5",
            "South,38000.25",
            "East,35500.75");
    Path support =
        TestFiles.text(
            dir,
            "income_top.csv",
            "region,n,largest,second_largest",
            "North,40,96000,91000",
            "South,6,120000,52000",
            "East,25,820000,3000");

    JsonNode report = json(table, support);

    List<JsonNode> low = findings(report, "mean_income.csv", "LOW_COUNT");
    assertEquals(1, low.size(), report.toPrettyString());
    assertEquals("row 3, column 'mean_income'", low.get(0).path("location").asText());
    List<JsonNode> dominance = findings(report, "mean_income.csv", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals("row 4, column 'mean_income'", dominance.get(0).path("location").asText());
    assertTrue(findings(report, "mean_income.csv", "DOMINANCE_UNCHECKED").isEmpty());
  }

  @Test
  void aWideSupportingFileWithSuffixedColumns_isJoinedColumnByColumn() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support =
        TestFiles.text(
            dir,
            "contributions.csv",
            "region,Retail_top1,Retail_top2,Manufacturing_top1,Manufacturing_top2,Services_top1,Services_top2",
            "North,310,280,400,390,2900,10",
            "South,300,250,290,210,330,300",
            "East,200,150,180,170,260,240");

    JsonNode report = json(table, support);

    List<JsonNode> dominance = findings(report, "turnover.csv", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals("D2 p-ratio, nk-rule", dominance.get(0).path("evidence").asText());
    assertTrue(findings(report, "turnover.csv", "DOMINANCE_UNCHECKED").isEmpty());
  }

  @Test
  void aCleanTableWithItsContributions_passesWithoutAskingForThem() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support = longSupport("support.csv", "12,300.0,200.0");

    int code = run(table.toString(), support.toString());

    String text = out.toString();
    assertEquals(0, code, text);
    assertFalse(text.contains("DOMINANCE"), text);
    assertTrue(text.contains("SUPPORTING_MATERIAL"), text);
  }

  @Test
  void aSupportingFileInsideAZip_isJoinedLikeOneSentOnItsOwn() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support = longSupport("support/contributions.csv", "12,990.0,20.0");
    Path zip = dir.resolve("support.zip");
    try (var z = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("contributions.csv"));
      z.write(java.nio.file.Files.readAllBytes(support));
      z.closeEntry();
    }

    Path acro = dir.resolve("acro");

    JsonNode report = json(table, zip);
    run("--acro-results", acro.toString(), table.toString(), zip.toString());

    assertEquals(1, findings(report, "turnover.csv", "DOMINANCE").size(), report.toString());
    assertEquals(
        1, findings(report, "support.zip!/contributions.csv", "SUPPORTING_MATERIAL").size());
    JsonNode results = new ObjectMapper().readTree(acro.resolve("results.json").toFile());
    JsonNode turnover = results.path("results").path("output_0");
    assertEquals("turnover.csv", turnover.path("files").get(0).path("name").asText());
    assertEquals(
        "[[0,0]]",
        turnover.path("files").get(0).path("sdc").path("cells").path("p-ratio").toString(),
        turnover.toPrettyString());
  }

  @Test
  void aDamagedSupportingFile_leavesTheTableUnchecked_andNothingFails() throws IOException {
    Path table = TestFiles.text(dir, "turnover.csv", TURNOVER);
    Path support =
        TestFiles.text(
            dir,
            "top.csv",
            "region,sector,top1,top2",
            "North,Retail,lots,x",
            ",,,,,,,,",
            "South,Retail,?");

    int code = run("--format", "json", table.toString(), support.toString());

    assertEquals(0, code, err.toString());
    JsonNode report = new ObjectMapper().readTree(out.toString());
    List<JsonNode> unchecked = findings(report, "turnover.csv", "DOMINANCE_UNCHECKED");
    assertEquals(1, unchecked.size(), out.toString());
    assertTrue(
        unchecked.get(0).path("message").asText().contains("give no numbers as contributions"),
        unchecked.toString());
    assertTrue(findings(report, "turnover.csv", "DOMINANCE").isEmpty());
  }

  @Test
  void everyDominatedCell_reachesAcroResults_beyondTheReportsTwenty() throws IOException {
    List<String> table = new ArrayList<>(List.of("area,turnover_sum"));
    List<String> support = new ArrayList<>(List.of("area,top1,top2"));
    for (int a = 1; a <= 25; a++) {
      table.add("Area " + a + "," + (1000 + a) + ".5");
      support.add("Area " + a + ",950,30");
    }
    Path in = dir.resolve("in");
    TestFiles.text(in, "turnover.csv", table.toArray(String[]::new));
    TestFiles.text(in, "turnover_largest.csv", support.toArray(String[]::new));
    Path acro = dir.resolve("acro");

    int code = run("--acro-results", acro.toString(), in.toString());

    assertEquals(1, code, err.toString());
    assertTrue(out.toString().contains("and 5 more DOMINANCE findings"), out.toString());
    JsonNode results = new ObjectMapper().readTree(acro.resolve("results.json").toFile());
    for (JsonNode o : results.path("results")) {
      JsonNode file = o.path("files").get(0);
      if (!file.path("name").asText().equals("turnover.csv")) continue;
      assertEquals(25, file.path("sdc").path("cells").path("p-ratio").size(), o.toPrettyString());
      assertEquals(25, file.path("sdc").path("summary").path("nk-rule").asInt());
    }
  }

  @Test
  void labelsMatchWhateverTheirCaseOrder_andYearsWrittenAsDecimals() throws IOException {
    Path table =
        TestFiles.text(
            dir,
            "spend.csv",
            "year,area,Retail,Services",
            "2019,North,1050.5,3100.2",
            "2019,South,2210.0,2875.9",
            "2020,North,1500.0,2200.0");
    Path support =
        TestFiles.text(
            dir,
            "spend_contributions.csv",
            "Sector,Area,Year,Largest contribution,Second largest contribution",
            "retail,NORTH,2019.0,990.0,20.0",
            "services,NORTH,2019.0,400.0,390.0",
            "retail,SOUTH,2019.0,300.0,250.0",
            "services,SOUTH,2019.0,330.0,300.0",
            "retail,NORTH,2020.0,200.0,150.0",
            "services,NORTH,2020.0,260.0,240.0");

    JsonNode report = json(table, support);

    List<JsonNode> dominance = findings(report, "spend.csv", "DOMINANCE");
    assertEquals(1, dominance.size(), report.toPrettyString());
    assertEquals("row 2, column 'Retail'", dominance.get(0).path("location").asText());
    assertTrue(findings(report, "spend.csv", "DOMINANCE_UNCHECKED").isEmpty(), report.toString());
  }
}
