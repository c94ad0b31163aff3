package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;
import static org.outputintake.scan.TestFiles.rows;
import static org.outputintake.scan.table.ScannedTables.locations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;

/**
 * Whole numbers under a plain header beside a statistic of the same records (a maximum, a
 * percentile, a standard deviation) are the counts those statistics describe, and are checked as
 * counts; a column beside statistics that is neither is said to be undecided. Found by mutation
 * testing: such a column was dropped with no finding at all.
 */
class CountsBesideStatisticsTest {
  @TempDir Path dir;

  private List<Finding> csv(String... lines) throws IOException {
    return ScannedTables.csv(dir, lines);
  }

  @Test
  void deathsBesideAMaximumAgeAreCheckedAsCountsInACsv() throws IOException {
    List<Finding> f = csv("region,deaths,max_age", "North,3,80", "South,120,95");
    assertEquals(List.of("row 2, column 'deaths'"), locations(f, "LOW_COUNT"), f.toString());
    assertEquals(List.of("column 'max_age'"), locations(f, "EXTREME_VALUE"), f.toString());
  }

  @Test
  void deathsBesideAMaximumAgeAreCheckedAsCountsInAWorkbook() throws IOException {
    Path p =
        TestFiles.xlsx(
            dir,
            "t.xlsx",
            Set.of(),
            "Deaths",
            rows("region,deaths,max_age", "North,3,80", "South,120,95"));
    List<Finding> f = new TableScanner().scan(ScanFile.of(p, "t.xlsx"), context("ons-srs"));
    assertEquals(
        List.of("sheet 'Deaths', row 2, column 'deaths'"), locations(f, "LOW_COUNT"), f.toString());
    assertTrue(codes(f).contains("EXTREME_VALUE"), f.toString());
  }

  @Test
  void admissionsBesideAMinimumStayAreCheckedAsCounts() throws IOException {
    List<Finding> f = csv("trust,admissions,min_los", "A,140,1", "B,6,2");
    assertEquals(List.of("row 3, column 'admissions'"), locations(f, "LOW_COUNT"), f.toString());
  }

  @Test
  void deathsBesideAPercentileAreCountsAndThePercentileIsNot() throws IOException {
    List<Finding> f = csv("region,deaths,p90", "North,3,4", "South,120,95");
    assertEquals(List.of("row 2, column 'deaths'"), locations(f, "LOW_COUNT"), f.toString());
    assertFalse(codes(f).contains("TABLE_UNRECOGNISED"), f.toString());
  }

  @Test
  void deathsBesideAStandardDeviationAreCheckedAsCounts() throws IOException {
    List<Finding> f = csv("region,deaths,sd_age", "North,3,11.5", "South,120,9.25");
    assertEquals(List.of("row 2, column 'deaths'"), locations(f, "LOW_COUNT"), f.toString());
  }

  @Test
  void deathsBesideQuartilesAreCheckedAsCounts() throws IOException {
    List<Finding> f = csv("region,deaths,q1,q3", "North,3,61,84", "South,120,58,88");
    assertEquals(List.of("row 2, column 'deaths'"), locations(f, "LOW_COUNT"), f.toString());
  }

  @Test
  void negativeNumbersBesideAMaximumAreSaidToBeUndecided() throws IOException {
    List<Finding> f = csv("region,change,max_age", "North,-3,80", "South,12,95");
    assertEquals(List.of("EXTREME_VALUE", "TABLE_UNRECOGNISED"), codes(f), f.toString());
    assertTrue(
        f.get(1).message().startsWith("Could not decide what column 'change' holds"), f.toString());
  }
}
