package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;
import static org.outputintake.scan.table.ScannedTables.locations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;

/**
 * The edges of a table's judgement that mutation testing found unguarded in {@link TableAnalyzer}
 * and {@link TableJudge}: where a margin stops being additive, which rows are row numbers, when a
 * statistic sits beside its counts, what an undecided column is told. Each table is the smallest
 * one whose findings change if the rule moves by one.
 */
class TableJudgementEdgesTest {
  @TempDir Path dir;

  private List<Finding> csv(String policy, String... lines) throws IOException {
    Path p = TestFiles.text(dir, "t.csv", lines);
    return new TableScanner().scan(ScanFile.of(p, "t.csv"), context(policy));
  }

  private static String message(List<Finding> f, String code) {
    return f.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow().message();
  }

  @Test
  void aCellEqualToItsRowTotalStillAddsUp() throws IOException {
    // one category holds the whole row: the margin is not smaller than its cells, so they are
    // counts
    List<Finding> f = csv("ons-srs", "area,Male,Total", "A,120,120", "B,5,5");
    assertEquals(
        List.of("row 3, column 'Male'", "row 3, column 'Total'"), locations(f, "LOW_COUNT"));
    assertFalse(codes(f).contains("TABLE_UNRECOGNISED"), f.toString());
  }

  @Test
  void aTableOfMediansWithAMarginIsNotPassedAsCounts() throws IOException {
    // the median of all is smaller than one group's: these do not add up, so they are not counts
    List<Finding> f = csv("ons-srs", "area,Male,Total", "A,45,40", "B,38,39");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertTrue(
        message(f, "TABLE_UNRECOGNISED")
            .contains("their totals are smaller than some of their cells"),
        f.toString());
  }

  @Test
  void aCellAboveItsRowTotalByNoMoreThanTheRoundingBaseIsRoundingNotAMode() throws IOException {
    // opensafely rounds to 5: 105 beside a total of 100 is two roundings, not a statistic
    List<Finding> f = csv("opensafely", "area,A,B,Total", "North,105,5,100", "South,50,40,90");
    assertEquals(List.of("row 2, column 'B'"), locations(f, "LOW_COUNT"));
    assertFalse(codes(f).contains("TABLE_UNRECOGNISED"), f.toString());
  }

  @Test
  void aCellAboveItsTotalRowByNoMoreThanTheRoundingBaseIsRoundingNotAMode() throws IOException {
    List<Finding> f = csv("opensafely", "area,A,B", "North,105,5", "South,50,40", "Total,100,45");
    assertEquals(List.of("row 2, column 'B'"), locations(f, "LOW_COUNT"));
    assertFalse(codes(f).contains("TABLE_UNRECOGNISED"), f.toString());
  }

  @Test
  void aCellAboveItsTotalRowByMoreThanTheRoundingBaseIsNotACount() throws IOException {
    List<Finding> f = csv("opensafely", "area,A,B", "North,110,5", "South,50,40", "Total,100,45");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
  }

  @Test
  void rowsUpToTheLimitPassAndOneMoreIsTooMany() throws IOException {
    List<String> lines = new ArrayList<>(List.of("group,n"));
    for (int i = 1; i <= 5000; i++) lines.add("g" + i + ",20");
    assertFalse(codes(csv("opensafely", lines.toArray(String[]::new))).contains("TOO_MANY_ROWS"));
    lines.add("g5001,20");
    List<Finding> f = csv("opensafely", lines.toArray(String[]::new));
    assertEquals(List.of("TOO_MANY_ROWS"), codes(f));
    assertEquals("5001 rows", f.get(0).evidence());
  }

  @Test
  void lowCountsAreReportedInReadingOrderAcrossColumns() throws IOException {
    List<Finding> f = csv("ons-srs", "group,A,B", "x,120,3", "y,4,130", "z,6,2");
    assertEquals(
        List.of("row 2, column 'B'", "row 3, column 'A'", "row 4, column 'A'", "row 4, column 'B'"),
        locations(f, "LOW_COUNT"));
  }

  @Test
  void deathsBesideADeathRateAreCounts() throws IOException {
    List<Finding> f = csv("ons-srs", "region,deaths,death_rate", "North,3,1.25", "South,120,2.5");
    assertEquals(List.of("row 2, column 'deaths'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void wholeNumbersBesideAMaximumAreTheCountsItDescribes() throws IOException {
    // the oldest death of a region is a statistic of its deaths, as a death rate is: the deaths
    // beside it are counts (they were once dropped unchecked, with no finding)
    List<Finding> f = csv("ons-srs", "region,deaths,max_age", "North,3,91", "South,120,99");
    assertEquals(List.of("LOW_COUNT", "EXTREME_VALUE"), codes(f));
  }

  @Test
  void aCountColumnWithAsManyAmountsAsWholeNumbersIsStillCounts() throws IOException {
    List<Finding> f = csv("ons-srs", "group,n", "A,3", "B,2.5");
    assertEquals(List.of("row 2, column 'n'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void aCountColumnWithMoreAmountsThanWholeNumbersIsJudgedByItsValues() throws IOException {
    List<Finding> f = csv("ons-srs", "group,n", "A,3", "B,2.5", "C,£40");
    assertFalse(codes(f).contains("LOW_COUNT"), f.toString());
  }

  @Test
  void anExtremeColumnIsFlaggedForOneDecimalAndNotWhenEmpty() throws IOException {
    assertEquals(
        List.of("EXTREME_VALUE"), codes(csv("ons-srs", "group,n,max", "A,30,70.5", "B,40,")));
    assertEquals(List.of(), codes(csv("ons-srs", "group,n,max", "A,30,", "B,40,")));
  }

  @Test
  void aMinimumRowWithoutNumbersShowsNothing() throws IOException {
    assertEquals(List.of(), codes(csv("ons-srs", "stat,n", "Mean,30", "Minimum,")));
    assertEquals(
        List.of("EXTREME_VALUE"), codes(csv("ons-srs", "stat,n", "Mean,30", "Minimum,12")));
  }

  @Test
  void twoUndecidedColumnsAreNamedTogetherAndNothingWasChecked() throws IOException {
    List<Finding> f = csv("ons-srs", "group,x,y", "A,-3,4", "B,5,-2");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertEquals(
        "Could not decide what columns 'x', 'y' hold: they hold negative numbers. No count in this"
            + " table was checked. Name count columns n or count (or declare them on the form), or"
            + " an officer checks the table by hand.",
        f.get(0).message());
  }

  @Test
  void oneUndecidedColumnBesideCheckedCountsIsNamedAlone() throws IOException {
    List<Finding> f = csv("ons-srs", "group,n,x", "A,30,-3", "B,40,5");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertEquals(
        "Could not decide what column 'x' holds: they hold negative numbers. Name count columns n"
            + " or count (or declare them on the form), or an officer checks the table by hand.",
        f.get(0).message());
  }

  @Test
  void rNumbersItsRowsAndTheLabelIsTheNextColumn() throws IOException {
    // write.csv: a blank header over 1, 2, ...; the "Min" row is the label of the second column
    List<Finding> f = csv("ons-srs", "\"\",stat,value", "1,Mean,40", "2,Min,12");
    assertEquals(List.of("row 3"), locations(f, "EXTREME_VALUE"));
    assertTrue(message(f, "EXTREME_VALUE").startsWith("Row 'Min' shows"), f.toString());
  }

  @Test
  void pandasNumbersItsRowsFromZero() throws IOException {
    List<Finding> f = csv("ons-srs", ",stat,value", "0,Mean,40", "1,Max,97");
    assertEquals(List.of("row 3"), locations(f, "EXTREME_VALUE"));
  }

  @Test
  void aFirstColumnThatIsNotARowNumberKeepsItsOwnLabel() throws IOException {
    // 7 under a blank header in the first data row is not a row number: "Max" is a value, not a
    // label
    List<Finding> f = csv("ons-srs", ",stat,value", "7,Mean,40", "9,Max,97");
    assertFalse(codes(f).contains("EXTREME_VALUE"), f.toString());
  }

  @Test
  void anIdentifierInATitleAboveTheHeaderIsFound() throws IOException {
    List<Finding> f = csv("ons-srs", "Prepared by jane.doe@example.org", "group,n", "A,30", "B,40");
    assertEquals(List.of("EMAIL_ADDRESS"), codes(f));
    assertFalse(f.get(0).evidence().contains("jane.doe"), "identifiers are masked");
  }

  @Test
  void tableoneCountsUnderAPercentLabelAreCheckedButNotAMeanWithItsSd() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "\"\",\"Overall\"",
            "\"n\",\"276\"",
            "\"age (mean (SD))\",\"61.50 (11.20)\"",
            "\"visits (median)\",\"3 (1)\"",
            "\"region (%)\",\"\"",
            "\"   North\",\"131 (47.5) \"",
            "\"   Wales\",\"4 ( 1.4) \"");
    assertEquals(List.of("row 7, column 'Overall'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void aSuppressedCountWithItsPercentageIsGivenBack() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "Characteristic,\"Control, N = 240\",\"Treated, N = 36\"",
            "Female,120 (50%),17 (47%)",
            "Diabetes,<10 (1.3%),12 (33%)");
    assertEquals(List.of("row 3, column 'Control, N = 240'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aLowNumberOfObservationsInADescribeTableIsALowCount() throws IOException {
    // pandas' describe(): the count row gives the number of records behind each mean
    List<Finding> f =
        csv(
            "ons-srs",
            ",age,income",
            "count,5,120",
            "mean,40.2,31000.5",
            "std,3.1,800.2",
            "50%,41.0,30500.0");
    assertEquals(List.of("row 2, column 'age'"), locations(f, "LOW_COUNT"));
  }

  @Test
  void aSurvivalTableHasItsEventCountsCheckedAndNeedsNoResidualDf() throws IOException {
    // a life table's standard errors are not a model's: its n_event cells are counts
    List<Finding> f =
        csv(
            "ons-srs",
            "time,n_risk,n_event,surv,std_err",
            "1,120,3,0.975,0.014",
            "2,117,12,0.872,0.031");
    assertEquals(List.of("row 2, column 'n_event'"), locations(f, "LOW_COUNT"));
    assertFalse(codes(f).contains("DEGREES_OF_FREEDOM_MISSING"), f.toString());
  }

  @Test
  void aHistogramsBinEdgesAreNotCounts() throws IOException {
    List<Finding> f = csv("ons-srs", "variable,bin_edge,n", "age,0,5", "age,10,40", "age,20,60");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 2, column 'n'", f.get(0).location());
  }

  @Test
  void aMedianBesideDeathsAndTheirRateIsAValueNotACount() throws IOException {
    List<Finding> f =
        csv("ons-srs", "region,deaths,death_rate,p50", "North,30,1.25,40", "South,120,2.5,3");
    assertEquals(List.of(), locations(f, "LOW_COUNT"));
  }

  @Test
  void aSuppressedCountBesideItsPercentageIsGivenBack() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "ethnicity,n,pct",
            "White,1203,91.2",
            "Black,[REDACTED],0.5",
            "Mixed,[REDACTED],[REDACTED]",
            "Other,21,1.6",
            "Total,1319,100.0");
    assertEquals(List.of("row 3, column 'n'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aLatitudeInTheUkBesideALongitudeOutsideItIsNoPlace() throws IOException {
    // the pair is judged together: New York's longitude with a latitude in the UK's range
    List<Finding> f = csv("ons-srs", "site,lat,lon,n", "A,51.5,-74.0060,20", "B,52.1,-80.1,30");
    assertEquals(List.of(), codes(f));
    List<Finding> uk = csv("ons-srs", "site,lat,lon,n", "A,51.5,-0.12,20", "B,52.1,-1.1,30");
    assertEquals(List.of("LAT_LONG"), codes(uk));
  }

  @Test
  void aBlankCellInAColumnWithATotalRowIsTheOneHiddenCell() throws IOException {
    List<Finding> f = csv("ons-srs", "area,n", "A,120", "B,", "C,300", "Total,450");
    assertEquals(List.of("row 3, column 'n'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aMarkerInAColumnWithATotalRowIsFoundOnItsRow() throws IOException {
    List<Finding> f = csv("ons-srs", "area,n", "A,120", "B,130", "C,*", "Total,450");
    assertEquals(List.of("row 4, column 'n'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aHiddenShareInAColumnWithATotalRowIsGivenBackTwice() throws IOException {
    List<Finding> f =
        csv("ons-srs", "group,n", "A,120 (80%)", "B,<10 (5%)", "C,22 (15%)", "Total,150 (100%)");
    assertEquals(
        List.of("row 3, column 'n'", "row 3, column 'n'"), locations(f, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void aColumnOfAmountsIsNotPassedSilently() throws IOException {
    // amounts need their contributors and largest contributions before they can be judged
    List<Finding> f = csv("ons-srs", "group,amount", "A,2.5", "B,4.5");
    assertEquals(List.of("UNDERLYING_COUNTS_MISSING", "DOMINANCE_UNCHECKED"), codes(f));
  }

  @Test
  void anUndecidedColumnMixingNumbersAndTextSaysSo() throws IOException {
    List<Finding> f = csv("ons-srs", "group,x", "A,12", "B,abc", "C,40");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertTrue(f.get(0).message().contains("they mix numbers and text"), f.toString());
  }

  @Test
  void aResidualDfRowUnderCoefficientsIsTheModelsSize() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "term,estimate,std_error",
            "(Intercept),1.2,0.3",
            "age,0.5,0.1",
            "df_resid,6,");
    assertEquals(List.of("LOW_DEGREES_OF_FREEDOM"), codes(f));
    assertTrue(f.get(0).evidence().startsWith("df 6"), f.toString());
  }

  @Test
  void meansOfLowCountsBeyondTheCellLimitAreCountedInTheSummary() throws IOException {
    List<String> lines = new ArrayList<>(List.of("group,n,mean_age"));
    for (int i = 1; i <= CellList.KEEP + 5; i++) lines.add("g" + i + ",3,41.5");
    List<Finding> f = csv("ons-srs", lines.toArray(String[]::new));
    // 25 counts and the 25 means beside them; the first 20 are shown with their cells
    assertEquals(CellList.KEEP + 1, f.size());
    assertTrue(
        f.get(CellList.KEEP).message().startsWith("and 30 more LOW_COUNT findings"), f.toString());
  }

  @Test
  void aHiddenCellBesideSharesIsRecoverableOnlyWhenTheRowTotalIsMoreThanTheVisibleShares()
      throws IOException {
    List<Finding> recomputed =
        csv(
            "ons-srs",
            "sex,Urban,Rural,Total",
            "Female,120 (60%),c,120 (60%)",
            "Male,80 (40%),60 (100%),140 (70%)");
    assertEquals(List.of(), locations(recomputed, "SECONDARY_DISCLOSURE"));
    List<Finding> shown =
        csv(
            "ons-srs",
            "sex,Urban,Rural,Total",
            "Female,120 (60%),c,200 (60%)",
            "Male,80 (40%),60 (100%),140 (70%)");
    assertEquals(List.of("row 2, column 'Rural'"), locations(shown, "SECONDARY_DISCLOSURE"));
  }

  @Test
  void cellReferencesRunPastZLikeASpreadsheet() {
    assertEquals("A1", TableJudge.cellRef(1, 0));
    assertEquals("Z2", TableJudge.cellRef(2, 25));
    assertEquals("AA3", TableJudge.cellRef(3, 26));
    assertEquals("AB3", TableJudge.cellRef(3, 27));
    assertEquals("ZZ4", TableJudge.cellRef(4, 701));
    assertEquals("AAA5", TableJudge.cellRef(5, 702));
  }
}
