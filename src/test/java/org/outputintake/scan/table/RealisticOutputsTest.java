package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;
import static org.outputintake.scan.table.ScannedTables.locations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.review.StandardScan;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;

/**
 * Outputs as researchers really write them (R, Stata, gtsummary, tableone, pandas), each a case an
 * audit found passing silently or flagged wrongly.
 */
class RealisticOutputsTest {
  @TempDir Path dir;

  private List<Finding> csv(String... lines) throws IOException {
    return ScannedTables.csv(dir, lines);
  }

  @Test
  void deathsBesideADeathRateAreCountsAndChecked() throws IOException {
    List<Finding> f =
        csv(
            "region,population,deaths,rate_per_100k",
            "North,12000,25,208.3",
            "South,9000,4,44.4",
            "East,15000,31,206.7");
    assertEquals(List.of("row 3, column 'deaths'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void admissionsBesideAMeanLengthOfStayAreCountsAndTheMeanOfFewIsFlaggedToo() throws IOException {
    List<Finding> f =
        csv("diagnosis,admissions,mean_los", "Stroke,240,8.2", "Sepsis,6,14.1", "Fracture,188,5.3");
    assertEquals(
        List.of("row 3, column 'admissions'", "row 3, column 'mean_los'"),
        locations(f, "LOW_COUNT"));
    assertFalse(codes(f).contains("UNDERLYING_COUNTS_MISSING"), f.toString());
  }

  @Test
  void percentilesBesideACountAreValuesNotCounts() throws IOException {
    List<Finding> f =
        csv("variable,n,mean,p10,p50,p90", "age,412,51.2,4,52,77", "visits,398,3.1,0,2,8");
    assertFalse(codes(f).contains("LOW_COUNT"), f.toString());
  }

  @Test
  void gtsummaryCountsWithTheirPercentagesAreCheckedButMeansWithTheirSdAreNot() throws IOException {
    List<Finding> f =
        csv(
            "\"**Characteristic**\",\"**Control**, N = 240\",\"**Treated**, N = 36\"",
            "\"Age\",\"62 (11)\",\"58 (13)\"",
            "\"Visits per year\",\"3 (1)\",\"2 (1)\"",
            "\"Female\",\"120 (50%)\",\"17 (47%)\"",
            "\"Diabetes\",\"3 (1.3%)\",\"12/36 (33%)\"",
            "\"Current smoker\",\"45 (19%)\",\"<5\"");
    assertEquals(List.of("row 5, column '**Control**, N = 240'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void tableoneLevelsUnderAPercentLabelAreCounts() throws IOException {
    List<Finding> f =
        csv(
            "\"\",\"Overall\"",
            "\"n\",\"276\"",
            "\"age (mean (SD))\",\"61.50 (11.20)\"",
            "\"diabetes = Yes (%)\",\"5 ( 1.8) \"",
            "\"region (%)\",\"\"",
            "\"   North\",\"131 (47.5) \"",
            "\"   Wales\",\"4 ( 1.4) \"");
    assertEquals(
        List.of("row 4, column 'Overall'", "row 7, column 'Overall'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void aSuppressedCountPrintedWithItsPercentageIsSecondaryDisclosure() throws IOException {
    List<Finding> f =
        csv(
            "Characteristic,\"Control, N = 240\",\"Treated, N = 36\"",
            "Female,120 (50%),17 (47%)",
            "Diabetes,<10 (1.3%),[REDACTED] (<10%)");
    assertEquals(List.of("row 3, column 'Control, N = 240'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aSuppressedCountBesideItsPercentageOrRateIsSecondaryDisclosure() throws IOException {
    List<Finding> pct =
        csv(
            "ethnicity,n,pct",
            "White,1203,91.2",
            "Black,[REDACTED],0.5",
            "Mixed,[REDACTED],[REDACTED]",
            "Other,21,1.6",
            "Total,1319,100.0");
    assertEquals(List.of("row 3, column 'n'"), locations(pct, "SECONDARY_DISCLOSURE"));
    List<Finding> rate =
        csv(
            "region,population,deaths,rate_per_100k",
            "North,12000,25,208.3",
            "South,9000,*,44.4",
            "East,15000,31,206.7");
    assertEquals(List.of("row 3, column 'deaths'"), locations(rate, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aLowCountInAWordReportsTableIsFoundOnceWithItsIdentifiersLeftToTheTextScan()
      throws IOException {
    Path p = dir.resolve("report.docx");
    try (XWPFDocument doc = new XWPFDocument();
        java.io.OutputStream out = java.nio.file.Files.newOutputStream(p)) {
      doc.createParagraph().createRun().setText("Table 2: admissions by IMD quintile and sex");
      String[][] rows = {
        {"IMD quintile", "Female", "Male", "Contact"},
        {"1 (most deprived)", "412", "398", "jane.doe@example.org"},
        {"3", "190", "4", ""},
        {"5 (least deprived)", "97", "88", ""}
      };
      XWPFTable t = doc.createTable(rows.length, rows[0].length);
      for (int r = 0; r < rows.length; r++)
        for (int c = 0; c < rows[r].length; c++) t.getRow(r).getCell(c).setText(rows[r][c]);
      doc.write(out);
    }
    List<FileReport> reports =
        StandardScan.engine()
            .scan(List.of(ScanFile.of(p, "report.docx")), context("ons-srs"))
            .files();
    List<Finding> f = reports.get(0).findings();
    assertEquals(List.of("table 1, row 3, column 'Male'"), locations(f, "LOW_COUNT"));
    assertEquals(1, locations(f, "EMAIL_ADDRESS").size(), f.toString());
  }

  @Test
  void esttabsExcelFormulaCellsAreReadAndAModelOnNineObservationsIsRefused() throws IOException {
    List<Finding> f =
        csv(
            "=\"\",=\"(1)\",=\"(2)\"",
            "=\"\",=\"los\",=\"los\"",
            "=\"age\",=\"0.0312***\",=\"0.0298**\"",
            "=\"\",=\"(0.0081)\",=\"(0.0102)\"",
            "=\"female\",=\"\",=\"0.412\"",
            "=\"\",=\"\",=\"(0.301)\"",
            "=\"_cons\",=\"2.104***\",=\"1.876***\"",
            "=\"\",=\"(0.412)\",=\"(0.501)\"",
            "=\"N\",=\"12\",=\"12\"");
    assertEquals(List.of("row 9, column '(2) los'"), locations(f, "LOW_DEGREES_OF_FREEDOM"));
    assertTrue(f.get(0).evidence().equals("N 12, 3 terms"), f.toString());
  }

  @Test
  void aRegressionTableWithItsNumberOfObservationsIsNotAskedForDegreesOfFreedom()
      throws IOException {
    List<Finding> f =
        csv(
            "VARIABLES,(1)",
            ",los",
            "age,0.0312***",
            ",(0.0081)",
            "Constant,2.104***",
            ",(0.412)",
            "Observations,4120",
            "R-squared,0.410");
    assertEquals(List.of(), codes(f));
  }

  @Test
  void theCountRowOfPandasDescribeIsChecked() throws IOException {
    List<Finding> f =
        csv(
            ",age,income",
            "count,412.0,9.0",
            "mean,51.2,28450.3",
            "std,17.8,9120.5",
            "50%,52.0,27100.0");
    assertEquals(List.of("row 2, column 'income'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void minimumAndMaximumRowsAfterRsRowNumbersAreExtremeValues() throws IOException {
    List<Finding> f =
        csv(
            "\"\",\"statistic\",\"value\"",
            "\"1\",\"Min.\",18",
            "\"2\",\"Median\",52",
            "\"3\",\"Max.\",97");
    assertEquals(List.of("row 2", "row 4"), locations(f, "EXTREME_VALUE"));
  }

  @Test
  void aHistogramsBinEdgesAreNeitherStatisticsOfItsCountsNorMagnitudes() throws IOException {
    List<Finding> f =
        csv(
            "bin_left,bin_right,count",
            "17.3,25.43,14",
            "25.43,33.56,52",
            "33.56,41.69,88",
            "41.69,49.82,6");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals(List.of("row 5, column 'count'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void aKaplanMeierTableIsCheckedForFewAtRiskButNotAskedForAModelsDegreesOfFreedom()
      throws IOException {
    List<Finding> f =
        csv(
            "time,n.risk,n.event,n.censor,surv,std.err,lower,upper",
            "1,120,30,0,0.75,0.04,0.67,0.83",
            "12,60,20,10,0.5,0.05,0.41,0.61",
            "20,6,3,4,0.25,0.09,0.12,0.51");
    assertFalse(codes(f).contains("DEGREES_OF_FREEDOM_MISSING"), f.toString());
    assertTrue(locations(f, "LOW_COUNT").contains("row 4, column 'n.risk'"), f.toString());
  }

  @Test
  void aCoefficientTableWithAnNColumnIsStillAModel() throws IOException {
    List<Finding> f =
        csv(
            "term,estimate,std.error,statistic,p.value,n",
            "(Intercept),1.20,0.30,4.0,0.0001,412",
            "age,0.05,0.01,5.0,0.0001,412");
    assertTrue(codes(f).contains("DEGREES_OF_FREEDOM_MISSING"), f.toString());
  }
}
