package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;
import org.outputintake.scan.TestFiles;

/**
 * Tables are understood (long format, multi-row headers, keys, magnitudes, models), or said not to
 * be.
 */
class TableKindsTest {
  @TempDir Path dir;

  private List<Finding> csv(String policy, String... lines) throws IOException {
    Path p = TestFiles.text(dir, "t.csv", lines);
    return new TableScanner().scan(ScanFile.of(p, "t.csv"), context(policy));
  }

  @Test
  void longFormatWithTwoLabelColumnsHasItsCountsChecked() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "year,outcome,A,B",
            "2010,dead,120,4",
            "2010,alive,300,250",
            "2011,dead,130,110",
            "2011,alive,310,260");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 2, column 'B'", f.get(0).location());
  }

  @Test
  void longFormatWithOneValueColumnBesideTwoKeysIsCounts() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "region,sex,value",
            "North,F,120",
            "North,M,3",
            "South,F,140",
            "South,M,150");
    assertEquals(List.of("LOW_COUNT"), codes(f));
  }

  @Test
  void sequentialIdColumnsAreKeysNotCounts() throws IOException {
    List<String> lines = new ArrayList<>(List.of("w,u,admissions_total"));
    for (int week = 1; week <= 12; week++) {
      for (int unit = 1; unit <= 5; unit++) lines.add(week + "," + unit + "," + (20 + unit));
    }
    assertEquals(List.of(), codes(csv("ons-srs", lines.toArray(String[]::new))));
  }

  @Test
  void pandasMultiRowHeaderIsReadAsOneHeader() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "grant_type,G,G,R,R",
            "survivor,Dead,Alive,Dead,Alive",
            "year,,,,",
            "2010,120,130,4,140",
            "2011,125,135,145,150");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 4, column 'R Dead'", f.get(0).location());
  }

  @Test
  void indexNameRowIsPartOfTheHeader() throws IOException {
    List<Finding> f = csv("ons-srs", ",Female,Male", "region,,", "North,120,5", "South,130,140");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 3, column 'Male'", f.get(0).location());
  }

  @Test
  void meansUnderCategoryHeadersAreMagnitudesNeverCounts() throws IOException {
    List<Finding> f = csv("ons-srs", "year,G,N,R", "2010,3.5,27000.25,8.1", "2011,4.2,31000.5,9.9");
    assertEquals(List.of("UNDERLYING_COUNTS_MISSING", "DOMINANCE_UNCHECKED"), codes(f));
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
  }

  @Test
  void implausiblyLargeWholeNumbersAreMagnitudes() throws IOException {
    List<Finding> f = csv("ons-srs", "sector,2019,2020", "A,153000000,4", "B,210000000,7");
    assertFalse(codes(f).contains("LOW_COUNT"), f.toString());
    assertTrue(codes(f).contains("DOMINANCE_UNCHECKED"), f.toString());
  }

  @Test
  void numbersThatCannotBeJudgedAreNeverASilentPass() throws IOException {
    List<Finding> f = csv("ons-srs", "region,change", "North,-3", "South,5");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertTrue(f.get(0).message().contains("'change'"), f.get(0).message());
    assertTrue(f.get(0).message().contains("negative"), f.get(0).message());
  }

  @Test
  void aCoefficientTableWithoutDegreesOfFreedomIsAskedForThem() throws IOException {
    List<Finding> f =
        csv("ons-srs", "term,coef,std_err,p", "Intercept,1.2,0.3,0.01", "age,0.05,0.01,0.001");
    assertEquals(List.of("DEGREES_OF_FREEDOM_MISSING"), codes(f));
    assertEquals(
        List.of(),
        codes(
            csv(
                "ons-srs",
                "Df Residuals: 480",
                "term,coef,std_err",
                "Intercept,1.2,0.3",
                "age,0.05,0.01")));
  }

  @Test
  void zerosFollowThePolicy() throws IOException {
    List<Finding> f = csv("ons-srs", "region,Male,Female", "North,120,0", "South,130,140");
    assertEquals(List.of("ZERO_COUNT"), codes(f));
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals("C2 = 0", f.get(0).evidence());
  }

  @Test
  void dominanceFailsWhenOneContributorMakesMostOfTheTotal() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "sector,n,total_turnover,largest,second_largest",
            "A,40,1000000,950000,20000",
            "B,35,800000,120000,100000");
    List<String> c = codes(f);
    assertTrue(c.contains("DOMINANCE"), f.toString());
    assertFalse(c.contains("DOMINANCE_UNCHECKED"), f.toString());
    Finding d = f.stream().filter(x -> x.code().equals("DOMINANCE")).toList().get(0);
    assertEquals("row 2, column 'total_turnover'", d.location());
    assertEquals("C2 p-ratio, nk-rule", d.evidence());
    assertEquals(1, f.stream().filter(x -> x.code().equals("DOMINANCE")).count());
    // the contributions the check used would be released with the table
    Finding kept = f.stream().filter(x -> x.code().equals("SUPPORTING_MATERIAL")).toList().get(0);
    assertEquals(Severity.BLOCKER, kept.severity());
    assertEquals("column 'largest'", kept.location());
    assertTrue(kept.message().contains("'largest' and 'second_largest'"), kept.message());
  }

  @Test
  void theLargestAloneOverKOfTheTotalFailsTheNkRuleWithoutTheSecond() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "sector,n,total_turnover,largest",
            "A,40,1000000,950000",
            "B,35,800000,120000");
    Finding d = f.stream().filter(x -> x.code().equals("DOMINANCE")).toList().get(0);
    assertEquals("C2 nk-rule", d.evidence());
    // the p% rule needs the second largest, so the table is still asked for it
    assertTrue(codes(f).contains("DOMINANCE_UNCHECKED"), f.toString());
  }

  @Test
  void coordinatesAreIdentifiersNotAmountsThatNeedTheirLargestContributions() throws IOException {
    List<Finding> f = csv("ons-srs", "lat,lon,n", "51.5,-0.12,13", "40.7128,-74.0060,12");
    assertEquals(List.of("LAT_LONG"), codes(f));
  }

  @Test
  void suppressedTableWithRecomputedMarginsIsNotSecondaryDisclosure() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "area,Male,Female,Total",
            "A,120,c,120",
            "B,300,310,610",
            "Total,420,310,730");
    assertFalse(codes(f).contains("SECONDARY_DISCLOSURE"), f.toString());
  }

  @Test
  void blankAndMarkedSuppressionAreJudgedAlike() throws IOException {
    for (String marker : new String[] {"", "c", "*", "[x]", "<10"}) {
      List<Finding> f =
          csv("ons-srs", "area,Male,Female,Total", "A,120," + marker + ",250", "B,300,310,610");
      assertEquals(List.of("SECONDARY_DISCLOSURE"), codes(f), "marker '" + marker + "'");
    }
  }

  @Test
  void rowsLabelledLikeAMarkerStillShowARecoverableCell() throws IOException {
    for (String label : new String[] {"X", "N", "S", "c"}) {
      List<Finding> f =
          csv(
              "ons-srs",
              "group,A,B,C,Total",
              label + ",c,40,50,95",
              "Other,30,45,60,135",
              "Total,30,85,110,230");
      assertEquals(List.of("SECONDARY_DISCLOSURE"), codes(f), "label '" + label + "'");
      assertEquals("row 2, column 'A'", f.get(0).location());
    }
  }

  @Test
  void pandasColumnLevelWithACategoryCalledCIsAHeaderNotASuppressedRow() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            ",depvar,depvar,depvar",
            "indvar2,A,B,C",
            "indvar1,,,",
            "A,11,11,11",
            "B,11,11,4");
    assertEquals(List.of("LOW_COUNT", "TABLE_UNRECOGNISED"), codes(f));
    assertEquals("row 5, column 'depvar C'", f.get(0).location());
  }

  @Test
  void aPivotOfANamedVariable_isCheckedAsCounts_andAskedWhichStatisticItsCellsAre()
      throws IOException {
    // pivot_table(values="outcome", aggfunc="sum") prints what aggfunc="count" prints
    List<Finding> f =
        csv(
            "ons-srs",
            ",outcome,outcome,outcome",
            "region,A,B,C",
            "sex,,,",
            "F,495,495,495",
            "M,450,450,10446");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertTrue(f.get(0).message().contains("values of 'outcome'"), f.get(0).message());
    assertTrue(f.get(0).message().contains("two largest contributions"), f.get(0).message());
  }

  @Test
  void aPivotNamingItsStatistic_orACrosstabOfTwoColumnVariables_isNotAskedWhichStatistic()
      throws IOException {
    assertEquals(
        List.of(),
        codes(
            csv(
                "ons-srs",
                ",count,count,count",
                "region,A,B,C",
                "sex,,,",
                "F,15,15,15",
                "M,20,20,20")));
    assertEquals(
        List.of(),
        codes(
            csv(
                "ons-srs",
                ",smoker,smoker,non-smoker,non-smoker",
                "sex,F,M,F,M",
                "region,,,,",
                "North,15,15,30,30",
                "South,20,20,40,40")));
  }

  @Test
  void pandasHeaderOverTwoIndexColumnsWithAMarginIsReadAsOneHeader() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "indvar3,,A,A,C,C,All",
            "indvar4,,A,C,A,C,",
            "indvar1,indvar2,,,,,",
            "A,A,11,11,11,11,44",
            "A,C,11,11,11,11,44",
            "C,A,11,11,11,5,38",
            "All,,33,33,33,27,126");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 6, column 'C C'", f.get(0).location());
  }

  @Test
  void degreesOfFreedomBesideAnotherStatisticAreRead() throws IOException {
    String[] summary = {
      "Dep. Variable:,survivor,No. Observations:,811",
      "Model:,Probit,Df Residuals:,DF",
      "Method:,MLE,Df Model:,4.0",
      "",
      ",coef,std err,z,P>|z|,[0.025,0.975]",
      "const,0.0474,0.057,0.838,0.402,-0.063,0.158",
      "inc_grants,8.576e-08,3.9e-08,2.197,0.028,9.25e-09,1.62e-07"
    };
    List<String> enough = new ArrayList<>(List.of(summary));
    enough.set(1, summary[1].replace("DF", "806.0"));
    assertEquals(List.of(), codes(csv("ons-srs", enough.toArray(String[]::new))));
    List<String> few = new ArrayList<>(List.of(summary));
    few.set(1, summary[1].replace("DF", "6.0"));
    assertEquals(
        List.of("LOW_DEGREES_OF_FREEDOM"), codes(csv("ons-srs", few.toArray(String[]::new))));
  }

  @Test
  void marginsSmallerThanTheirCellsAreNotCounts() throws IOException {
    // ACRO's crosstab of modes with margins: small whole numbers that do not add up
    List<Finding> f =
        csv(
            "ons-srs",
            "parents,finance,not_recom,priority,spec_prior,All",
            "great_pret,convenient,3.0,1.0,3.0,1",
            "usual,inconv,1.0,3.0,3.0,1",
            "All,,1.0,1.0,3.0,3");
    assertEquals(List.of("TABLE_UNRECOGNISED"), codes(f));
    assertTrue(f.get(0).message().contains("totals are smaller than some of their cells"));
  }

  @Test
  void aMeanIsFlaggedWithTheLowCountOfItsOwnCategory() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            ",count,count,mean,mean",
            "indvar3,A,C,A,C",
            "indvar1,,,,",
            "A,11,11,5.0,5.0",
            "C,11,5,5.0,2.0");
    assertEquals(
        List.of("row 5, column 'count C'", "row 5, column 'mean C'"),
        f.stream().filter(x -> x.code().equals("LOW_COUNT")).map(Finding::location).toList());
  }

  @Test
  void aNumericKeyLargerThanTheTotalDoesNotMakeTheCountsMagnitudes() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "cohort,region,Male,Female,Total",
            "2010,North,5,120,125",
            "2011,North,130,140,270",
            "2012,North,150,160,310");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 2, column 'Male'", f.get(0).location());
  }
}
