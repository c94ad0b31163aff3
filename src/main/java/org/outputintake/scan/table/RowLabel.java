package org.outputintake.scan.table;

import java.util.HashMap;
import java.util.Map;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * What a row's label says about the row: a total, a minimum or maximum, residual degrees of
 * freedom, or a number of observations.
 *
 * @param norm the label normalised for matching, empty for no label
 */
record RowLabel(
    String norm, boolean total, boolean extreme, boolean degreesOfFreedom, boolean count) {
  static final RowLabel NONE = new RowLabel("", false, false, false, false);

  /** Labels of a row giving a number of observations: pandas' describe(), a model's N. */
  private static final java.util.Set<String> COUNT_ROWS =
      java.util.Set.of(
          "n",
          "count",
          "obs",
          "nobs",
          "n_obs",
          "num_obs",
          "observations",
          "n_observations",
          "no_observations",
          "no_of_observations",
          "number_of_observations",
          "number_of_obs",
          "sample_size");

  /** How every label that can mean a total, an extreme or degrees of freedom begins. */
  private static final String[] PREFIXES = {
    "total", "all", "overall", "grand", "min", "max", "range", "df", "dof", "degrees", "res", "n",
    "count", "obs", "sample"
  };

  /**
   * A cheap first look, run on every row: most labels are categories ("North East", "Region 12")
   * and are rejected here without normalising them.
   */
  static boolean mayMatter(String label) {
    if (label.isEmpty() || label.length() >= 60) return false;
    char first = asciiLower(label.charAt(0));
    for (String p : PREFIXES) {
      if (p.charAt(0) == first && startsWithIgnoringCase(label, p)) return true;
    }
    return false;
  }

  /**
   * {@code prefix} is lower-case ASCII; comparing by hand avoids the JDK's Unicode case mapping per
   * character.
   */
  private static boolean startsWithIgnoringCase(String s, String prefix) {
    if (s.length() < prefix.length()) return false;
    for (int i = 0; i < prefix.length(); i++) {
      if (asciiLower(s.charAt(i)) != prefix.charAt(i)) return false;
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /**
   * The intercept row of a model's coefficient table ({@code Intercept}, {@code (Intercept)},
   * {@code const}, {@code _cons}).
   */
  static boolean isModelTerm(String label) {
    int n = label.length();
    if (n < 5 || n > 11) return false;
    char c = label.charAt(0);
    if (c != 'I' && c != 'i' && c != '(' && c != 'c' && c != 'C' && c != '_') return false;
    return label.equalsIgnoreCase("intercept")
        || label.equalsIgnoreCase("(intercept)")
        || label.equalsIgnoreCase("const")
        || label.equalsIgnoreCase("_cons")
        || label.equalsIgnoreCase("constant");
  }

  static RowLabel of(String label) {
    String norm = ColumnNames.normalize(label);
    return new RowLabel(
        norm,
        ColumnRole.isTotalLabel(norm),
        ColumnRole.isExtremeLabel(norm),
        ColumnRole.isDegreesOfFreedomLabel(norm),
        COUNT_ROWS.contains(norm));
  }

  /**
   * Labels judged once per table: a table repeats its category labels on every block of rows, and
   * normalising and matching each one again would cost more than the rest of the row.
   */
  static final class Memo {
    private static final int MAX_ENTRIES = 4096;
    private final Map<String, RowLabel> known = new HashMap<>();

    RowLabel of(String label) {
      RowLabel r = known.get(label);
      if (r != null) return r;
      r = RowLabel.of(label);
      if (known.size() < MAX_ENTRIES) known.put(label, r);
      return r;
    }
  }
}
