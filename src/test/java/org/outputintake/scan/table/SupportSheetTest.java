package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a supporting sheet gives the largest contributions of a magnitude table's cells, in each
 * layout researchers send (long, wide, the same grid per contribution), and why one is not used.
 * The end-to-end check ({@code cli.SupportedDominanceCheckTest}) reads whole files; these pin the
 * reading rules, which mutation testing found no unit test reached.
 */
class SupportSheetTest {
  private static final double NAN = Double.NaN;

  /** Region by income: one judged column. */
  private static final TargetSheet INCOME =
      table(row("Region", "Income"), row("North", "1000"), row("South", "2000"));

  /** Region by income and spend: two judged columns. */
  private static final TargetSheet INCOME_AND_SPEND =
      table(
          row("Region", "Income", "Spend"),
          row("North", "1000", "500"),
          row("South", "2000", "800"));

  @Test
  void aLongSheetGivesTheLargestTwoTheContributorsAndTheTotalOfTheOnlyJudgedColumn() {
    SupportSheet s =
        read(
            INCOME,
            "support.csv",
            row("Region", "top1", "top2", "n_contributors", "total"),
            row("North", "600", "300", "12", "1000"),
            row("South", "£1,500", "100", "4", "2000"));

    assertTrue(s.recognised);
    assertTrue(s.contributes());
    assertEquals(2, s.matchedRows);
    assertEquals(0, s.strayRowCount);
    assertEquals("", s.layoutProblem);
    assertArrayEquals(new double[] {600, 300, 12, 1000}, cell(s, "north", "income"));
    assertArrayEquals(
        new double[] {1500, 100, 4, 2000},
        cell(s, "south", "income"),
        "currency signs and thousands separators are read as the number");
    assertEquals(2, s.cells.size());
  }

  @Test
  void aWideSheetNamesTheTableColumnInEachContributionHeader() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "income_top1", "income_top2", "largest_spend", "spend_second_largest"),
            row("North", "600", "300", "400", "50"),
            row("South", "900", "700", "", "20"));

    assertTrue(s.contributes());
    assertArrayEquals(new double[] {600, 300, NAN, NAN}, cell(s, "north", "income"));
    assertArrayEquals(new double[] {400, 50, NAN, NAN}, cell(s, "north", "spend"));
    assertArrayEquals(
        new double[] {NAN, 20, NAN, NAN},
        cell(s, "south", "spend"),
        "an empty cell gives nothing, not a zero");
  }

  @Test
  void aWideColumnAboutNoColumnOfTheTableIsIgnored() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "income_top1", "wages_top1"),
            row("North", "600", "999"));

    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(s, "north", "income"));
    assertNull(s.cells.get("north\u001fwages"));
    assertEquals(1, s.cells.size());
  }

  @Test
  void aLongSheetWithAColumnNamingTheTablesColumnsIsACrossTabulation() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "Measure", "largest", "second_largest"),
            row("North", "Income", "600", "300"),
            row("North", "Spend", "400", "50"),
            row("South", "Income", "900", "700"),
            row("South"));

    assertEquals("", s.layoutProblem);
    assertEquals(4, s.matchedRows, "a row cut short is still read as far as it goes");
    assertArrayEquals(new double[] {600, 300, NAN, NAN}, cell(s, "north", "income"));
    assertArrayEquals(new double[] {400, 50, NAN, NAN}, cell(s, "north", "spend"));
    assertArrayEquals(new double[] {900, 700, NAN, NAN}, cell(s, "south", "income"));
  }

  @Test
  void aColumnKeyMayComeFirst() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Measure", "Region", "top1", "top2"),
            row("Spend", "North", "400", "50"));

    assertArrayEquals(new double[] {400, 50, NAN, NAN}, cell(s, "north", "spend"));
  }

  @Test
  void aKeyColumnNamesTheTablesColumnsWhenAtLeastHalfItsValuesAreThem() {
    SupportSheet half =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "Measure", "top1"),
            row("North", "Income", "600"),
            row("North", "Wages", "400"));
    assertEquals("", half.layoutProblem);
    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(half, "north", "income"));
    assertNull(half.cells.get("north\u001fspend"), "no row is about spend");

    SupportSheet third =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "Measure", "top1"),
            row("North", "Income", "600"),
            row("North", "Wages", "400"),
            row("North", "Rent", "300"));
    assertEquals("its row labels are in 2 columns, the table's in 1", third.layoutProblem);
  }

  @Test
  void aSheetThatStartsWithItsContributionsTakesItsRowLabelsFromTheColumnsAfterThem() {
    SupportSheet s =
        read(
            INCOME,
            "support.csv",
            row("top1", "top2", "Region"),
            row("600", "300", "North"),
            row("900", "700", "South"));

    assertEquals("", s.layoutProblem);
    assertEquals(2, s.matchedRows);
    assertArrayEquals(new double[] {600, 300, NAN, NAN}, cell(s, "north", "income"));
    assertArrayEquals(new double[] {900, 700, NAN, NAN}, cell(s, "south", "income"));
  }

  @Test
  void anAmountAmongRowLabelsAfterTheContributionsMakesTheSheetATableOfItsOwn() {
    assertFalse(
        read(INCOME, "support.csv", row("top1", "top2", "Region"), row("600", "300", "12.5"))
            .recognised);
  }

  @Test
  void aLongRowAboutAColumnTheTableLacksIsAStrayNotACell() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "Measure", "top1"),
            row("North", "Income", "600"),
            row("North", "Wages", "400"));

    assertEquals(1, s.matchedRows);
    assertEquals(1, s.strayRowCount);
    assertEquals(List.of("North / Wages"), List.copyOf(s.strayRows));
    assertEquals(1, s.cells.size(), dump(s));
  }

  @Test
  void contributionsOnlyForAColumnTheTableLacksGiveThisTableNothing() {
    // else the sheet is taken as this table's support and dominance is said to be checked with it
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "Measure", "top1"),
            row("North", "Income", ""),
            row("North", "Wages", "400"));

    assertEquals("", s.layoutProblem);
    assertFalse(s.contributes(), dump(s));
  }

  @Test
  void withOneJudgedColumnAKeyColumnNamesItOnlyIfEveryValueDoes() {
    SupportSheet named =
        read(
            INCOME, "support.csv", row("Region", "Measure", "top1"), row("North", "Income", "600"));
    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(named, "north", "income"));

    SupportSheet mixed =
        read(
            INCOME,
            "support.csv",
            row("Region", "Measure", "top1"),
            row("North", "Income", "600"),
            row("North", "Spend", "400"));
    assertEquals("its row labels are in 2 columns, the table's in 1", mixed.layoutProblem);
  }

  @Test
  void aSheetGivingOnlyTheSecondLargestContributes() {
    SupportSheet s =
        read(INCOME, "support.csv", row("Region", "second_largest"), row("North", "300"));

    assertTrue(s.contributes());
    assertArrayEquals(new double[] {NAN, 300, NAN, NAN}, cell(s, "north", "income"));
  }

  @Test
  void aSheetGivingOnlyContributorCountsForTheTablesRowsDoesNotContribute() {
    SupportSheet s =
        read(
            INCOME,
            "support.csv",
            row("Region", "top1", "N", "Sum"),
            row("North", "", "12", "1000"));

    assertTrue(s.recognised);
    assertEquals(1, s.matchedRows);
    assertFalse(s.contributes(), "no largest contribution is given");
    assertArrayEquals(new double[] {NAN, NAN, 12, 1000}, cell(s, "north", "income"));
  }

  @Test
  void aLongSheetThatDoesNotSayWhichColumnEachRowIsAboutIsALayoutProblem() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "support.csv",
            row("Region", "top1", "top2"),
            row("North", "600", "300"));

    assertTrue(s.recognised, "it gives contributions, so it is supporting material");
    assertFalse(s.contributes());
    assertEquals("it does not say which of the table's columns each row is about", s.layoutProblem);
  }

  @Test
  void rowLabelsInMoreColumnsThanTheTablesAreALayoutProblemThatSaysTheCounts() {
    SupportSheet s =
        read(
            INCOME,
            "support.csv",
            row("Region", "District", "Sector", "top1"),
            row("North", "A", "B", "600"));

    assertFalse(s.contributes());
    assertEquals("its row labels are in 3 columns, the table's in 1", s.layoutProblem);
  }

  @Test
  void rowLabelsInFewerColumnsThanTheTablesAreALayoutProblemInTheSingular() {
    TargetSheet twoKeys =
        table(
            row("Region", "Sector", "Income"),
            row("North", "Retail", "1000"),
            row("South", "Farming", "2000"));
    SupportSheet s = read(twoKeys, "support.csv", row("Region", "top1"), row("North", "600"));

    assertEquals("its row labels are in 1 column, the table's in 2", s.layoutProblem);
  }

  @Test
  void rowLabelsAreMatchedByHeaderWhateverTheirOrderAndWhateverTheirCaseSpacingOrDecimals() {
    TargetSheet byYear =
        table(
            row("Region", "Year", "Income"),
            row("North", "2019", "1000"),
            row("South", "2020", "2000"));
    SupportSheet s =
        read(
            byYear,
            "support.csv",
            row("Year", "Region", "top1", "top2"),
            row("2019.0", "  NORTH ", "600", "300"),
            row("2020", "south", "900", "700"),
            row("2021"));

    assertEquals(2, s.matchedRows);
    assertEquals(List.of("2021"), List.copyOf(s.strayRows), "a row cut short is a stray");
    assertArrayEquals(new double[] {600, 300, NAN, NAN}, cell(s, "north\u001f2019", "income"));
    assertArrayEquals(new double[] {900, 700, NAN, NAN}, cell(s, "south\u001f2020", "income"));
  }

  @Test
  void rowLabelsNotNamedAsTheTablesAreTakenInOrderAfterThoseThatAre() {
    TargetSheet byYear = table(row("Region", "Year", "Income"), row("North", "2019", "1000"));
    SupportSheet s =
        read(byYear, "support.csv", row("Year", "Area", "top1"), row("2019", "North", "600"));

    assertEquals(1, s.matchedRows);
    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(s, "north\u001f2019", "income"));
  }

  @Test
  void rowsThatAreNotTheTablesAreCountedAndTheFirstThreeShown() {
    SupportSheet s =
        read(
            INCOME,
            "support.csv",
            row("Region", "top1", "top2"),
            row("North", "600", "300"),
            row("East", "1", "1"),
            row("West", "1", "1"),
            row("Wales", "1", "1"),
            row("Scotland", "1", "1"));

    assertEquals(1, s.matchedRows);
    assertEquals(4, s.strayRowCount);
    assertEquals(List.of("East", "West", "Wales"), List.copyOf(s.strayRows));
    assertEquals(1, s.cells.size(), "stray rows give no cells");
  }

  @Test
  void aSheetWithTheTablesGridNamedForTheLargestGivesItForEveryCell() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "Top1",
            row("Region", "Income", "Spend"),
            row("North", "600", "400"),
            row("South", "900", "700"));

    assertTrue(s.recognised);
    assertEquals(2, s.matchedRows);
    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(s, "north", "income"));
    assertArrayEquals(new double[] {700, NAN, NAN, NAN}, cell(s, "south", "spend"));
    assertEquals(4, s.cells.size());
  }

  @Test
  void aGridNamedForTheSecondLargestGivesTheSecondInEveryCell() {
    for (String name : List.of("second_largest.csv", "top2", "2nd biggest", "largest_second")) {
      SupportSheet s =
          read(INCOME_AND_SPEND, name, row("Region", "Income", "Spend"), row("North", "60", "40"));

      assertArrayEquals(new double[] {NAN, 60, NAN, NAN}, cell(s, "north", "income"), name);
    }
  }

  @Test
  void aGridNamedForTheLargestInAnyOfItsWordingsGivesTheLargest() {
    for (String name : List.of("largest contributions", "top1_values", "max", "maximum", "x1")) {
      SupportSheet s =
          read(INCOME_AND_SPEND, name, row("Region", "Income", "Spend"), row("North", "60", "40"));

      assertArrayEquals(new double[] {60, NAN, NAN, NAN}, cell(s, "north", "income"), name);
    }
  }

  @Test
  void aGridWhoseColumnsAreNotTheTablesIsALayoutProblem() {
    SupportSheet s =
        read(INCOME_AND_SPEND, "top1", row("Region", "Wages", "Rent"), row("North", "60", "40"));

    assertTrue(s.recognised);
    assertFalse(s.contributes());
    assertEquals("its columns are not the table's", s.layoutProblem);
  }

  @Test
  void aGridGivesOnlyTheTablesJudgedColumns() {
    SupportSheet s =
        read(
            INCOME_AND_SPEND,
            "top1",
            row("Region", "Income", "Wages"),
            row("North", "60", "40", "99"));

    assertArrayEquals(new double[] {60, NAN, NAN, NAN}, cell(s, "north", "income"));
    assertEquals(1, s.cells.size());
  }

  @Test
  void aSheetThatGivesNoContributionsAndIsNotNamedForThemIsNotSupportingMaterial() {
    SupportSheet s =
        read(INCOME_AND_SPEND, "n", row("Region", "Income", "Spend"), row("North", "6", "4"));

    assertFalse(s.recognised, "a grid of counts named n is the table's counts, an output");
    assertFalse(s.contributes());
  }

  @Test
  void aSheetWithOneColumnIsNotSupportingMaterial() {
    assertFalse(read(INCOME, "top1", row("top1"), row("600")).recognised);
  }

  @Test
  void aDecimalBeforeTheContributionsMakesTheSheetATableOfItsOwn() {
    SupportSheet s =
        read(INCOME, "support.csv", row("Income", "top1", "top2"), row("1000.50", "600", "300"));

    assertFalse(s.recognised, "row labels are never amounts");
  }

  @Test
  void aMoneyAmountBeforeTheContributionsMakesTheSheetATableOfItsOwn() {
    SupportSheet s =
        read(INCOME, "support.csv", row("Income", "top1", "top2"), row("£1,000", "600", "300"));

    assertFalse(s.recognised);
  }

  @Test
  void aWholeNumberLabelBeforeTheContributionsIsARowLabel() {
    TargetSheet byYear = table(row("Year", "Income"), row("2019", "1000"));
    SupportSheet s = read(byYear, "support.csv", row("Year", "top1"), row("2019", "600"));

    assertTrue(s.recognised);
    assertArrayEquals(new double[] {600, NAN, NAN, NAN}, cell(s, "2019", "income"));
  }

  @Test
  void aContributionColumnIsAboutTheColumnItsHeaderNamesWithoutTheGenericWords() {
    assertEquals("retail", SupportSheet.base("retail_top1"));
    assertEquals("retail", SupportSheet.base("largest_contribution_of_retail"));
    assertEquals("retail_sales", SupportSheet.base("retail_sales_2nd"));
    assertEquals("", SupportSheet.base("top_1"));
  }

  @Test
  void withoutAColumnKeyALongSheetIsAboutTheOnlyJudgedColumnOrTheOnlyTotal() {
    assertEquals("income", SupportSheet.defaultColumn(INCOME));
    assertNull(SupportSheet.defaultColumn(INCOME_AND_SPEND), "two sums: it cannot say which");
    TargetSheet meanAndTotal =
        table(
            row("Region", "Mean income", "Total income"),
            row("North", "100", "1000"),
            row("South", "200", "2000"));
    assertEquals("total_income", SupportSheet.defaultColumn(meanAndTotal));
    TargetSheet twoMeans =
        table(
            row("Region", "Mean income", "Mean spend"),
            row("North", "100", "50"),
            row("South", "200", "80"));
    assertNull(SupportSheet.defaultColumn(twoMeans), "no total at all");
  }

  @Test
  void theTablesNamesAreItsJudgedColumns() {
    assertEquals(Set.of("income", "spend"), SupportSheet.judgedNames(INCOME_AND_SPEND));
  }

  private static SupportSheet read(TargetSheet target, String name, String[]... rows) {
    return SupportSheet.read(target, sheet(rows), name);
  }

  private static double[] cell(SupportSheet s, String rowKey, String column) {
    double[] a = s.cells.get(rowKey + '\u001f' + column);
    if (a == null) throw new AssertionError("no cell " + rowKey + " / " + column + ": " + dump(s));
    return a;
  }

  private static String dump(SupportSheet s) {
    StringBuilder b = new StringBuilder("{");
    s.cells.forEach(
        (k, v) ->
            b.append(k.replace('\u001f', '|')).append('=').append(Arrays.toString(v)).append(' '));
    return b.append("} ").append(s.layoutProblem).toString();
  }

  private static TargetSheet table(String[]... rows) {
    return new TargetSheet("", sheet(rows), Set.of());
  }

  private static TableGrid.Sheet sheet(String[]... rows) {
    return new TableGrid.Sheet("", List.of(rows), false, 1, 2, rows.length);
  }

  private static String[] row(String... cells) {
    return cells;
  }
}
