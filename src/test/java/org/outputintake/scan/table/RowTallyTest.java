package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.table.ScannedTables.locations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;

/**
 * How one row is tallied by {@link TableAnalyzer}: which of its cells are numbers, which are
 * hidden, and what a row-numbered label says. Mutation testing left these unguarded; each table is
 * the smallest whose findings change if the tally moves by one.
 */
class RowTallyTest {
  @TempDir Path dir;

  private List<Finding> csv(String... lines) throws IOException {
    return ScannedTables.csv(dir, lines);
  }

  @Test
  void aHiddenShareAndAMarkerInOneRowProtectEachOtherAgainstTheRowTotal() throws IOException {
    // two hidden cells of a row cannot be told apart from its total; only the share's own
    // percentage gives it back
    List<Finding> f =
        csv(
            "area,Male,Female,Other,Total",
            "A,<10 (4%),*,130 (52%),250",
            "B,40 (20%),60 (30%),100 (50%),200");
    assertEquals(
        List.of("row 2, column 'Male'"), locations(f, "SECONDARY_DISCLOSURE"), f.toString());
  }

  @Test
  void aCountPrintedWithItsShareIsOneOfTheRowsNumbersBesideItsTotal() throws IOException {
    List<Finding> f =
        csv("area,Male,Female,Total", "A,*,130 (52%),250", "B,40 (20%),160 (80%),200");
    assertEquals(
        List.of("row 2, column 'Male'"), locations(f, "SECONDARY_DISCLOSURE"), f.toString());
  }

  @Test
  void aMaximumRowOfDecimalsIsAnExtremeValue() throws IOException {
    List<Finding> f = csv("stat,value", "Mean,40.5", "Maximum,97.5");
    assertEquals(List.of("row 3"), locations(f, "EXTREME_VALUE"), f.toString());
  }

  @Test
  void aMaximumRowOfMoneyIsAnExtremeValue() throws IOException {
    List<Finding> f = csv("stat,value", "Mean,£40", "Maximum,£97");
    assertEquals(List.of("row 3"), locations(f, "EXTREME_VALUE"), f.toString());
  }

  @Test
  void aRowNumberedMaximumRowWithoutNumbersShowsNothing() throws IOException {
    // the row number is not a value of the row
    List<Finding> f = csv(",stat,value", "1,Mean,40", "2,Max,");
    assertFalse(codes(f).contains("EXTREME_VALUE"), f.toString());
  }

  @Test
  void aFractionalDegreesOfFreedomColumnGivesTheResidualDf() throws IOException {
    // Satterthwaite's and Welch's df are fractional
    List<Finding> f =
        csv("source,df,sum_sq,f", "Model,2,30.5,4.1", "Residual,6.47,40.2,", "Total,8.47,70.7,");
    // the other findings of an analysis of variance are not this test's
    assertEquals(
        List.of("row 3, column 'df'"), locations(f, "LOW_DEGREES_OF_FREEDOM"), f.toString());
  }
}
