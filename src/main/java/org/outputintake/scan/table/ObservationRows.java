package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/**
 * A model's size as a table states it: residual degrees of freedom (a df column or row,
 * statsmodels' "Df Residuals:" pairs), and rows that give a number of observations ({@code count}
 * in pandas' describe(), {@code N} or {@code Observations} under a Stata or R regression table).
 * Such a number below the threshold is a low count wherever it stands; under a model's coefficients
 * it also bounds the residual degrees of freedom: at most N minus the terms shown.
 */
final class ObservationRows {
  private final TableAnalyzer t;
  private long lastDegreesOfFreedomRow = -1;

  /** Per column, the labelled rows with a value so far: a model's terms in a coefficient table. */
  private long[] terms = new long[16];

  /** The label of the row being read: an analysis of variance names its residual row. */
  private String rowLabel = "";

  /**
   * Values of a df column, decided when the table is complete: in an analysis of variance only the
   * residual row's df counts, and in a coefficient table (SAS' Parameter Estimates) a df of 1 per
   * term is the term's, not the model's.
   */
  private final List<ColumnDf> columnDf = new ArrayList<>();

  private record ColumnDf(long row, int column, double df, String label) {}

  /** Low numbers of observations outside a model: {row, column, value}. */
  final List<long[]> low = new ArrayList<>();

  ObservationRows(TableAnalyzer table) {
    this.t = table;
  }

  /**
   * One data row; {@code from} is the first column that holds values (1, or 2 after an index of row
   * numbers).
   */
  void row(long row, RowLabel label, String[] cells, int width, int from) {
    if (width > terms.length) terms = java.util.Arrays.copyOf(terms, Math.max(width, 2 * width));
    if (!label.count()) {
      if (label.total() || label.extreme() || label.degreesOfFreedom()) return;
      for (int c = from; c < width; c++) if (cells[c] != null && !cells[c].isBlank()) terms[c]++;
      return;
    }
    boolean model = t.coefficientRows || coefficientHeaders();
    for (int c = from; c < width; c++) {
      if (cells[c] == null) continue;
      long n = Cells.parse(cells[c].strip());
      if (n < 0) continue; // not a whole number (or a negative one): no number of observations
      if (model) {
        modelSize(row, c, n);
      } else if (n > 0 && n < t.ctx.threshold() && low.size() < t.cellLimit) {
        low.add(new long[] {row, c, n});
      }
    }
  }

  private boolean coefficientHeaders() {
    for (ColumnStats col : t.columns) if (ColumnRole.isCoefficient(col.normalized)) return true;
    return false;
  }

  /**
   * A model's N: its residual degrees of freedom are at most N minus the terms it shows (at least
   * the intercept), so a checker can bound them, and must refuse when even the bound is below 10.
   */
  private void modelSize(long row, int c, long n) {
    t.degreesOfFreedomSeen = true;
    long k = Math.max(1, terms[c]);
    long df = n - k;
    if (df >= 10) return;
    t.rowFindings.add(
        new Finding(
            "LOW_DEGREES_OF_FREEDOM",
            Severity.BLOCKER,
            t.location(row, c),
            "This model was fitted on "
                + n
                + " observations with "
                + k
                + " terms shown, so it has at most "
                + Math.max(df, 0)
                + " residual degrees of freedom (fewer than 10), which can reveal individual "
                + "values. Fit it on more observations or fewer parameters.",
            "N " + n + ", " + k + " terms"));
  }

  /**
   * A "Df Residuals:" cell: statsmodels' summary, as ACRO and pandas write it, gives its facts as
   * label and value pairs side by side, so the label can stand in any column.
   */
  static boolean degreesOfFreedomLabel(String v) {
    // a cheap look at the start first: this runs on every text cell of every table
    if (v.length() < 2 || v.length() > 40) return false;
    char first = (char) (v.charAt(0) | 0x20); // lower case for ASCII letters
    if (first != 'd' && first != 'r') return false;
    return (v.regionMatches(true, 0, "df", 0, 2)
            || v.regionMatches(true, 0, "degrees", 0, 7)
            || v.regionMatches(true, 0, "resid", 0, 5))
        && ColumnRole.isDegreesOfFreedomText(v);
  }

  void degreesOfFreedomPair(long row, int c, String next) {
    double df = next == null ? Double.NaN : parseDouble(next.strip());
    if (!Double.isNaN(df)) degreesOfFreedom(row, c, df);
  }

  void degreesOfFreedom(long row, int c, double df) {
    t.degreesOfFreedomSeen = true;
    if (row == lastDegreesOfFreedomRow) return; // the row label and the pair name the same value
    lastDegreesOfFreedomRow = row;
    if (df >= 0 && df < 10) {
      t.rowFindings.add(
          new Finding(
              "LOW_DEGREES_OF_FREEDOM",
              Severity.BLOCKER,
              t.location(row, c),
              "A model with fewer than 10 residual degrees of freedom can reveal individual values. "
                  + "Fit it on more observations or fewer parameters.",
              "df " + (long) df));
    }
  }

  void label(String label) {
    rowLabel = label;
  }

  /** A value of a column headed df: see {@link #settle}. */
  void columnDegreesOfFreedom(long row, int c, double df) {
    if (columnDf.size() < 4 * t.cellLimit) columnDf.add(new ColumnDf(row, c, df, rowLabel));
  }

  /**
   * Decides which values of a df column are residual degrees of freedom, once the whole table has
   * been read: a residual row ({@code Residual}, {@code Error}) if there is one; else, in a
   * coefficient table whose df are at most 1, none (each term's own df); else every value but an
   * analysis of variance's model and total rows.
   */
  void settle(boolean coefficients) {
    boolean residualRow = columnDf.stream().anyMatch(d -> ModelSummary.residualSource(d.label()));
    boolean termDf = coefficients && columnDf.stream().allMatch(d -> d.df() <= 1);
    // broom's glance() gives the model's df beside df.residual: the named residual one decides
    boolean residualColumn = columnDf.stream().anyMatch(d -> residualHeader(d.column()));
    for (ColumnDf d : columnDf) {
      if (residualColumn && !residualHeader(d.column())) continue;
      if (residualRow ? !ModelSummary.residualSource(d.label()) : termDf) continue;
      if (!residualRow && ModelSummary.otherSource(d.label())) continue;
      degreesOfFreedom(d.row(), d.column(), d.df());
    }
    columnDf.clear();
  }

  private boolean residualHeader(int c) {
    String n = c < t.columns.length ? t.columns[c].normalized : "";
    return n.contains("res") || n.equals("df_r");
  }

  static double parseDouble(String v) {
    try {
      return Double.parseDouble(v.replace(",", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
