package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;

/**
 * Outputs as researchers really write them (R, Stata, gtsummary, tableone, pandas), each a case an
 * audit found passing silently or flagged wrongly.
 */
class RealisticOutputsTest {
  @TempDir Path dir;

  private List<Finding> csv(String... lines) throws IOException {
    Path p = TestFiles.text(dir, "t.csv", lines);
    return new TableScanner().scan(ScanFile.of(p, "t.csv"), context("ons-srs"));
  }

  private static List<String> locations(List<Finding> f, String code) {
    return f.stream().filter(x -> x.code().equals(code)).map(Finding::location).toList();
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
}
