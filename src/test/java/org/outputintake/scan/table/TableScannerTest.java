package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.scan.TestFiles.codes;
import static org.outputintake.scan.TestFiles.context;
import static org.outputintake.scan.TestFiles.rows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.Severity;
import org.outputintake.scan.TestFiles;

class TableScannerTest {
  @TempDir Path dir;

  private final TableScanner scanner = new TableScanner();

  private List<Finding> scan(Path file, ScanContext ctx) throws IOException {
    ScanFile f = ScanFile.of(file, file.getFileName().toString());
    assertTrue(scanner.appliesTo(f));
    return scanner.scan(f, ctx);
  }

  private List<Finding> csv(String policy, String... lines) throws IOException {
    return scan(TestFiles.text(dir, "t.csv", lines), context(policy));
  }

  @Test
  void lowCountInACountColumnIsABlockerWithItsCell() throws IOException {
    List<Finding> f =
        csv("ons-srs", "region,n,mean_age", "North,120,45.2", "South,7,51.0", "East,12,0");
    assertEquals(List.of("LOW_COUNT", "LOW_COUNT"), codes(f));
    assertEquals(Severity.BLOCKER, f.get(0).severity());
    assertFalse(
        f.get(0).blocksRequest(), "the checkers judge a table, it does not block the request");
    assertEquals("row 3, column 'n'", f.get(0).location());
    assertEquals("B3 = 7", f.get(0).evidence());
    // the mean beside it describes the same 7 people: ACRO's threshold fails that cell too
    assertEquals("row 3, column 'mean_age'", f.get(1).location());
    assertEquals("C3 from B3 = 7", f.get(1).evidence());
  }

  @Test
  void cleanTableYearsAndAgesProduceNoFinding() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "year,age,region,count",
            "2019,5,North,120",
            "2020,7,South,45",
            "2021,3,East,10");
    assertEquals(List.of(), codes(f));
  }

  @Test
  void crossTabulationCellsAreCounts() throws IOException {
    List<Finding> f =
        csv("ons-srs", "ethnicity,Male,Female", "White,340,360", "Mixed,12,4", "Asian,55,61");
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("row 3, column 'Female'", f.get(0).location());
  }

  @Test
  void aTableWithStatisticsIsNotACrossTabulation() throws IOException {
    List<Finding> f = csv("ons-srs", "group,mean,sd", "A,3,1", "B,4,2");
    assertFalse(codes(f).contains("LOW_COUNT"));
  }

  @Test
  void openSafelyRedactsSevenOrFewerAndRequiresRoundingToFive() throws IOException {
    List<Finding> f = csv("opensafely", "group,n", "A,8", "B,7", "C,15", "D,0");
    assertEquals(
        List.of("LOW_COUNT", "UNROUNDED_COUNT", "UNROUNDED_COUNT", "ZERO_COUNT"), codes(f));
    assertEquals(
        Severity.BLOCKER, f.get(3).severity(), "opensafely: zeros fail (counts <= 7 are redacted)");
    assertEquals("row 3, column 'n'", f.get(0).location());
  }

  @Test
  void thresholdOverrideAppliesToCounts() throws IOException {
    Path p = TestFiles.text(dir, "t.csv", "group,n", "A,12", "B,20");
    ScanContext ctx = new ScanContext(context("ons-srs").policy(), 15, Set.of());
    assertEquals(List.of("LOW_COUNT"), codes(scan(p, ctx)));
  }

  @Test
  void declaredCountColumnsAreChecked() throws IOException {
    Path p = TestFiles.text(dir, "t.csv", "group,admissions,score", "A,3,2.5", "B,30,1.5");
    ScanContext ctx = new ScanContext(context("ons-srs").policy(), 10, Set.of("admissions"));
    assertEquals(List.of("LOW_COUNT"), codes(scan(p, ctx)));
  }

  @Test
  void singleSuppressedCellInARowWithATotalIsRecoverable() throws IOException {
    List<Finding> f =
        csv("ons-srs", "area,Male,Female,Total", "A,120,[REDACTED],250", "B,300,310,610");
    assertEquals(List.of("SECONDARY_DISCLOSURE"), codes(f));
    assertEquals("row 2, column 'Female'", f.get(0).location());
  }

  @Test
  void singleSuppressedCellInAColumnWithATotalRowIsRecoverable() throws IOException {
    List<Finding> f = csv("ons-srs", "area,n", "A,120", "B,*", "C,300", "Total,450");
    assertEquals(List.of("SECONDARY_DISCLOSURE"), codes(f));
  }

  @Test
  void twoSuppressedCellsInEachLineAreSafe() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "area,x,y,z,Total",
            "P,c,c,100,300",
            "Q,c,200,c,400",
            "R,150,c,c,500",
            "Total,400,400,400,1200");
    assertFalse(codes(f).contains("SECONDARY_DISCLOSURE"), f.toString());
  }

  @Test
  void extremeValuesAreBlockers() throws IOException {
    List<Finding> f =
        csv("ons-srs", "group,median_income,max_income", "A,25000,180000", "B,27000,250000");
    assertEquals(
        List.of("EXTREME_VALUE", "UNDERLYING_COUNTS_MISSING", "DOMINANCE_UNCHECKED"), codes(f));
    assertEquals(Severity.BLOCKER, f.get(0).severity());
    List<Finding> rowsLabelled = csv("ons-srs", "statistic,income", "Mean,25000", "Maximum,250000");
    assertTrue(codes(rowsLabelled).contains("EXTREME_VALUE"));
  }

  @Test
  void ratesWithoutCountsAreWarned() throws IOException {
    List<Finding> f =
        csv("ons-srs", "region,rate_per_1000,pct_vaccinated", "North,12.5,80.1", "South,9.8,75.2");
    assertEquals(List.of("UNDERLYING_COUNTS_MISSING"), codes(f));
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals(List.of(), codes(csv("ons-srs", "region,n,rate", "North,120,12.5")));
  }

  @Test
  void modelsWithFewDegreesOfFreedomAreBlocked() throws IOException {
    assertEquals(
        List.of("LOW_DEGREES_OF_FREEDOM"),
        codes(csv("ons-srs", "model,coef,df", "m1,0.5,6", "m2,0.7,250")));
    assertEquals(
        List.of("LOW_DEGREES_OF_FREEDOM"),
        codes(csv("ons-srs", "term,value", "Intercept,1.2", "Df Residuals,8")));
  }

  @Test
  void tooManyRowsUnderOpenSafely() throws IOException {
    List<String> lines = new ArrayList<>(List.of("group,n"));
    for (int i = 0; i < 5001; i++) lines.add("g" + i + ",10");
    List<Finding> f = csv("opensafely", lines.toArray(String[]::new));
    assertEquals(List.of("TOO_MANY_ROWS"), codes(f));
  }

  @Test
  void manyLowCountsAreCappedAtTwentyPlusOneSummary() throws IOException {
    List<String> lines = new ArrayList<>(List.of("group,n"));
    for (int i = 0; i < 50; i++) lines.add("g" + i + ",3");
    List<Finding> f = csv("ons-srs", lines.toArray(String[]::new));
    assertEquals(21, f.size());
    assertTrue(f.get(20).message().startsWith("and 30 more LOW_COUNT"), f.get(20).message());
  }

  @Test
  void nhsNumberColumnGivesOneFindingPerColumn() throws IOException {
    List<Finding> f = csv("ons-srs", "nhs_no,n", "4595748906,20", "4925412248,30", "4396937164,40");
    assertEquals(List.of("NHS_NUMBER"), codes(f));
    assertEquals("column 'nhs_no'", f.get(0).location());
    assertTrue(f.get(0).message().contains("3 values look like NHS numbers"), f.get(0).message());
    assertEquals("459 *** **06", f.get(0).evidence());
  }

  @Test
  void columnOfRandomTenDigitNumbersIsNotNhsNumbers() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "order_ref,amount",
            "4733577365,20",
            "4894301852,30",
            "4834448527,40",
            "4595748906,50",
            "4911989622,60",
            "4463907656,70");
    assertFalse(codes(f).contains("NHS_NUMBER"), f.toString());
  }

  @Test
  void identifierColumnsByHeader() throws IOException {
    List<Finding> f =
        csv(
            "ons-srs",
            "surname,postcode,email,phone,dob",
            "Smith,SW1A 1AA,a@b.org,020 7946 0958,1980-01-02");
    assertEquals(
        List.of("PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "POSTCODE", "DATE_OF_BIRTH"),
        f.stream().map(Finding::code).sorted((a, b) -> order(a) - order(b)).toList());
  }

  private static int order(String code) {
    return List.of("PERSON_NAME", "EMAIL_ADDRESS", "PHONE_NUMBER", "POSTCODE", "DATE_OF_BIRTH")
        .indexOf(code);
  }

  @Test
  void onsGeographyCodesAndDistrictsAreNotIdentifiers() throws IOException {
    List<Finding> f =
        csv("ons-srs", "la_code,district,count", "E06000001,SW1A,120", "W06000002,M1,130");
    assertEquals(List.of(), codes(f));
  }

  @Test
  void xlsxVisibleSheetsAreCheckedAndHiddenSheetsSkipped() throws IOException {
    Path p =
        TestFiles.xlsx(
            dir,
            "t.xlsx",
            Set.of("Workings"),
            "Table 1",
            rows("Table 1: admissions by area", "area,n", "A,120", "B,4"),
            "Workings",
            rows("area,n", "A,2"));
    List<Finding> f = scan(p, context("ons-srs"));
    assertEquals(List.of("LOW_COUNT"), codes(f));
    assertEquals("sheet 'Table 1', row 4, column 'n'", f.get(0).location());
  }

  @Test
  void xlsWorkbooksAreRead() throws IOException {
    Path p = TestFiles.xls(dir, "t.xls", "Sheet1", rows("area,n", "A,120", "B,4"));
    assertEquals(List.of("LOW_COUNT"), codes(scan(p, context("ons-srs"))));
  }

  @Test
  void semicolonSeparatedCsvIsSniffed() throws IOException {
    assertEquals(List.of("LOW_COUNT"), codes(csv("ons-srs", "area;n", "A;120", "B;3")));
  }

  @Test
  void brokenCsvBecomesAFindingNotAnException() throws IOException {
    List<Finding> f = csv("ons-srs", "area,n", "A,3", "\"B,unclosed", "C,4");
    // the rows before the break are checked, and the rest is said to be unchecked: never a pass
    assertEquals(List.of("SCAN_ERROR", "LOW_COUNT"), codes(f), f.toString());
  }
}
