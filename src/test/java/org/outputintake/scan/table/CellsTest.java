package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How one cell is read: what is a whole number (a count the threshold applies to), what is another
 * number, what marks a suppressed cell. The table tests read whole files; mutation testing found
 * these edges unguarded.
 */
class CellsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12|12",
        "-3|-3",
        "+7|7",
        "'1,234'|1234",
        "12.0|12",
        "-12.00|-12",
        "0|0",
        "9223372036854775807|9223372036854775807",
      })
  void aWholeNumberIsReadAsItsValue(String cell, long value) {
    assertEquals(value, Cells.parse(cell));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12.5",
        "-0.25",
        "1e5",
        "12%",
        "1,234.56",
        "12.",
        ".5",
        ".0",
        ",12",
        "10-19",
        "-1234567.5",
        "1.2345e-10",
        "1.2345E-10",
        "12345678901234567890"
      })
  void anotherNumberIsADecimal(String cell) {
    assertEquals(Cells.DECIMAL, Cells.parse(cell));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "+",
        "North",
        "12a",
        "...",
        "-.",
        "943-476-5919",
        "123-456-78",
        "A12345678901234567890"
      })
  void anythingElseIsNotANumber(String cell) {
    assertEquals(Cells.NOT_INTEGER, Cells.parse(cell));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "**",
        "***",
        "c",
        "[c]",
        "X",
        "[x]",
        "..",
        "...",
        "-",
        "~",
        "[REDACTED]",
        "redacted",
        "Suppressed",
        "[z]",
        "n/a*",
        "s",
        "[S]",
        "supp",
        "<10",
        "< 10",
        "<=5",
        "≤5",
        "<0",
        "<9",
        "<1234567890123"
      })
  void aSuppressionMarkerIsRecognised(String cell) {
    assertTrue(Cells.suppressed(cell), cell);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Region 4",
        "<",
        "<=",
        "< ",
        "<12345678901234",
        "<a",
        "<1a",
        "cc",
        "north",
        "12",
        "[suppressed]xxxx",
        "na"
      })
  void ordinaryTextIsNotASuppressionMarker(String cell) {
    assertFalse(Cells.suppressed(cell), cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"£1,200", "$3.50", "€12", "-£4", "£0", "£12345678901234567890123"})
  void anAmountOfMoneyIsRecognised(String cell) {
    assertTrue(Cells.money(cell), cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"£", "12", "£abc", "-12", "-£", "£123456789012345678901234"})
  void textWithoutACurrencyAndANumberIsNotMoney(String cell) {
    assertFalse(Cells.money(cell), cell);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.031***",
        "(0.008)",
        "[2.41]",
        "12*",
        "1*",
        "(3)",
        "[0.5]**",
        "1.000000000000000000000000001*"
      })
  void aRegressionEstimateWithStarsOrBracketsIsRecognised(String cell) {
    assertTrue(Cells.estimate(cell), cell);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.031",
        "12",
        "(0.008]",
        "(a)",
        "*",
        "**",
        "x*",
        "(1",
        "()",
        "1.0000000000000000000000000001*"
      })
  void aPlainNumberOrMismatchedBracketsIsNoEstimate(String cell) {
    assertFalse(Cells.estimate(cell), cell);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'=\"(0.008)\"'|(0.008)",
        "'=\"say \"\"hi\"\"\"'|say \"hi\"",
        "'=\"\"'|''",
        "=SUM(A1)|=SUM(A1)",
        "plain|plain"
      })
  void esttabsFormulaTextIsReadAsTheTextItShows(String cell, String shown) {
    assertEquals(shown, Cells.excelText(cell));
  }
}
