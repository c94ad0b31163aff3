package org.outputintake.scan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.TestFiles;

/**
 * The --acro-results folder as SACRO-Viewer and ACRO read it: every cell, ACRO's words, the whole
 * grid.
 */
class AcroFidelityTest {
  private static final java.time.Clock LONDON =
      java.time.Clock.system(java.time.ZoneId.of("Europe/London"));

  @TempDir Path dir;

  private JsonNode write(List<Path> files) throws IOException {
    List<ScanFile> inputs = new ArrayList<>();
    Map<String, Path> sources = new HashMap<>();
    for (Path p : files) {
      inputs.add(ScanFile.of(p, p.toString()));
      sources.put(p.toString(), p);
    }
    ScanContext ctx = TestFiles.context("ons-srs");
    ScanReport report = org.outputintake.review.StandardScan.engine().scan(inputs, ctx);
    AcroResults.write(report, dir.resolve("acro"), sources, ctx, LONDON);
    SacroViewerLoader.Loaded loaded = SacroViewerLoader.open(dir.resolve("acro"));
    assertEquals(List.of(), loaded.badChecksums());
    return loaded.results();
  }

  @Test
  void everyLowCellReachesResultsAndTheSummaryIsInAcrosWords() throws IOException {
    List<String> lines = new ArrayList<>(List.of("area,Male,Female"));
    for (int i = 0; i < 30; i++) lines.add("a" + i + ",3,120");
    Path csv = TestFiles.text(dir, "in/t.csv", lines.toArray(String[]::new));
    JsonNode output = write(List.of(csv)).path("output_0");
    JsonNode sdc = output.path("files").get(0).path("sdc");
    assertEquals(30, sdc.path("cells").path("threshold").size());
    assertEquals("[0,0]", sdc.path("cells").path("threshold").get(0).toString());
    assertEquals(
        "fail; threshold: 30 cells may need suppressing; ", output.path("summary").asText());
    assertEquals("threshold; ", output.path("outcome").path("Male").path("a0").asText());
    assertEquals("ok", output.path("outcome").path("Female").path("a29").asText());
    assertEquals(30, output.path("outcome").path("Female").size());
  }

  @Test
  void dominanceAndZerosGoToAcrosCategories() throws IOException {
    Path csv =
        TestFiles.text(
            dir,
            "in/d.csv",
            "sector,n,total_turnover,largest,second_largest",
            "A,40,1000000,950000,20000",
            "B,0,800000,120000,100000");
    JsonNode cells =
        write(List.of(csv)).path("output_0").path("files").get(0).path("sdc").path("cells");
    assertEquals("[[0,1]]", cells.path("p-ratio").toString());
    assertEquals("[[0,1]]", cells.path("nk-rule").toString());
    assertEquals("[[1,0]]", cells.path("threshold").toString());
  }

  @Test
  void theOutcomeGridHasTheDataColumnsOnlyKeyedByBothLabelColumnsAsAcroWritesIt()
      throws IOException {
    List<String> lines = new ArrayList<>(List.of("region,sex,A,B,C,D"));
    String[] regions = {"North", "South", "East", "West", "Wales", "Scotland"};
    for (String region : regions) {
      lines.add(region + ",F,120,130,140,150");
      lines.add(region + ",M,121,131,3,151");
    }
    Path csv = TestFiles.text(dir, "in/two_labels.csv", lines.toArray(String[]::new));
    JsonNode outcome = write(List.of(csv)).path("output_0").path("outcome");
    // 4 data columns of 12 rows (ACRO's DataFrame has region and sex as its index), not 5 x 12
    assertEquals(List.of("A", "B", "C", "D"), iterable(outcome.fieldNames()));
    assertEquals(12, outcome.path("C").size());
    assertEquals("threshold; ", outcome.path("C").path("('North', 'M')").asText());
    assertEquals("ok", outcome.path("C").path("('North', 'F')").asText());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void xlsxSheetsAreAlsoWrittenAsCsvTheViewerShows() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Path xlsx =
        TestFiles.xlsx(
            dir,
            "in/w.xlsx",
            Set.of(),
            "Table 1",
            TestFiles.rows("Title line", "area,n", "A,120", "B,4"));
    JsonNode files = write(List.of(xlsx)).path("output_0").path("files");
    assertEquals(2, files.size());
    assertEquals("w_Table_1.csv", files.get(1).path("name").asText());
    // B4 under the title row: the viewer's body row 3 (the CSV's first row is its head), column 1
    assertEquals("[[2,0]]", files.get(1).path("sdc").path("cells").path("threshold").toString());
    assertTrue(Files.readString(dir.resolve("acro/w_Table_1.csv")).contains("area,n"));
  }

  @Test
  void regressionsCarryTheirDegreesOfFreedom() throws IOException {
    Path csv =
        TestFiles.text(dir, "in/m.csv", "term,coef,std_err", "Intercept,1.2,0.3", "df_resid,6,");
    JsonNode output = write(List.of(csv)).path("output_0");
    assertEquals("regression", output.path("type").asText());
    assertEquals(6, output.path("properties").path("dof").asInt());
    assertEquals("fail; dof=6 < 10", output.path("summary").asText());
  }

  @Test
  void anAnalysisOfVarianceStatesTheResidualRowsDfNotTheModelsOrTheTotals() throws IOException {
    // SAS PROC REG's ANOVA table as ODS writes it to CSV, with its parameter estimates (a DF of 1
    // per term)
    Path anova =
        TestFiles.text(
            dir,
            "in/reg_anova.csv",
            "Source,DF,Sum of Squares,Mean Square,F Value,Pr > F",
            "Model,3,85.25,28.42,108.4,<.0001",
            "Error,806,1.57,0.262,,",
            "Corrected Total,809,86.82,,,");
    JsonNode output = write(List.of(anova)).path("output_0");
    assertEquals(806, output.path("properties").path("dof").asInt());
    assertEquals("pass; dof=806 >= 10", output.path("summary").asText());
  }

  @Test
  void anExistingAcroResultsFileIsNeverCopied() throws IOException {
    Path csv = TestFiles.text(dir, "in/t.csv", "area,n", "A,120");
    Path old = TestFiles.text(dir, "in/results.json", "{\"version\": \"0.4.11\", \"results\": {}}");
    Path config = TestFiles.text(dir, "in/config.json", "{}");
    JsonNode results = write(List.of(csv, old, config));
    assertEquals(1, results.size());
    assertFalse(Files.exists(dir.resolve("acro/file_results.json")));
    assertFalse(Files.exists(dir.resolve("acro/config.json")));
    assertEquals("0.4.12", AcroResults.ACRO_VERSION);
  }
}
