package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * The p% and NK rules of magnitude tables, row by row, when the table gives each cell's total and
 * its largest contributions (columns such as {@code sum}, {@code largest}/{@code top1}/{@code max},
 * {@code second_largest}/{@code top2}). ACRO's rules: the p% rule fails when the rest of the total,
 * once the two largest are taken away, is less than p x the largest (the second largest could
 * estimate the largest too closely); the NK rule fails when the n largest make more than k of the
 * total.
 */
final class DominanceCheck {
  /** One cell that fails a rule: its row, the column of its total, and which rules failed. */
  record Failure(long row, int column, boolean pRatio, boolean nk) {}

  private final FilePolicy.Dominance rules;
  private final int total;
  private final int mean;
  private final int count;
  private final int largest;
  private final int second;
  private final List<Failure> failures = new ArrayList<>();
  private long failed;
  private final int limit;

  private DominanceCheck(
      FilePolicy.Dominance rules,
      int total,
      int mean,
      int count,
      int largest,
      int second,
      int limit) {
    this.limit = limit;
    this.rules = rules;
    this.total = total;
    this.mean = mean;
    this.count = count;
    this.largest = largest;
    this.second = second;
  }

  /**
   * The check for a table with these columns, or null when the table does not give the largest
   * contributions.
   */
  static DominanceCheck of(ColumnStats[] columns, FilePolicy.Dominance rules, int limit) {
    int total = -1;
    int mean = -1;
    int count = -1;
    int largest = -1;
    int second = -1;
    for (int c = 0; c < columns.length; c++) {
      String n = columns[c].normalized;
      if (second < 0 && isSecond(n)) second = c;
      else if (largest < 0 && isLargest(n)) largest = c;
      else if (total < 0
          && (ColumnNames.hasWord(n, "sum")
              || n.equals("total")
              || columns[c].role == ColumnRole.MAGNITUDE && ColumnNames.hasWord(n, "total")))
        total = c;
      else if (mean < 0 && (ColumnNames.hasWord(n, "mean") || ColumnNames.hasWord(n, "average")))
        mean = c;
      else if (count < 0 && columns[c].role == ColumnRole.COUNT) count = c;
    }
    if (largest < 0) return null;
    if (total < 0 && (mean < 0 || count < 0)) return null;
    return new DominanceCheck(rules, total, mean, count, largest, second, limit);
  }

  /**
   * Whether the table gives enough contributions for both rules (the second largest, and n of at
   * most 2).
   */
  boolean complete() {
    return second >= 0 && rules.n() <= 2 || second < 0 && rules.n() == 1;
  }

  /** The columns that give single contributors' values: the largest, and the second if given. */
  List<Integer> contributionColumns() {
    return second >= 0 ? List.of(largest, second) : List.of(largest);
  }

  /** The column whose cells the rules judge. */
  int cellColumn() {
    return total >= 0 ? total : mean;
  }

  static boolean isLargest(String n) {
    return n.equals("largest")
        || n.equals("top1")
        || n.equals("top_1")
        || n.equals("max")
        || n.equals("maximum")
        || n.startsWith("largest_")
        || n.startsWith("max_")
        || n.startsWith("top1_")
        || n.startsWith("top_1_")
        || n.endsWith("_largest")
        || n.endsWith("_max")
        || n.endsWith("_top1")
        || n.equals("first_largest")
        || n.equals("x1");
  }

  static boolean isSecond(String n) {
    return ColumnNames.hasWord(n, "second")
        || ColumnNames.hasWord(n, "2nd")
        || n.equals("top2")
        || n.equals("top_2")
        || n.startsWith("top2_")
        || n.startsWith("top_2_")
        || n.endsWith("_top2")
        || n.equals("x2");
  }

  void row(long row, String[] cells, int width) {
    double t =
        total >= 0
            ? number(cells, width, total)
            : number(cells, width, mean) * number(cells, width, count);
    double x1 = number(cells, width, largest);
    double x2 = second >= 0 ? number(cells, width, second) : Double.NaN;
    if (Double.isNaN(t) || Double.isNaN(x1) || t <= 0 || x1 <= 0) return;
    boolean pRatio = pRatioFails(rules, t, x1, x2);
    boolean nk = nkFails(rules, t, x1, x2);
    if (pRatio || nk) {
      failed++;
      if (failures.size() < limit) failures.add(new Failure(row, cellColumn(), pRatio, nk));
    }
  }

  private static double number(String[] cells, int width, int c) {
    return c >= width ? Double.NaN : TargetSheet.number(cells, c);
  }

  /**
   * The p% rule: once the two largest are taken away, the rest of the total is less than p x the
   * largest, so the second largest contributor could estimate the largest too closely.
   */
  static boolean pRatioFails(FilePolicy.Dominance rules, double total, double x1, double x2) {
    return x1 > 0 && !Double.isNaN(x2) && (total - x1 - x2) / x1 < rules.p();
  }

  /**
   * The NK rule: the n largest make more than k of the total; the largest alone over k fails it
   * whatever the second is.
   */
  static boolean nkFails(FilePolicy.Dominance rules, double total, double x1, double x2) {
    double top = rules.n() == 1 ? x1 : rules.n() == 2 && !Double.isNaN(x2) ? x1 + x2 : Double.NaN;
    return Double.isNaN(top) ? x1 > rules.k() * total : top > rules.k() * total;
  }

  /**
   * The finding for one dominated cell; {@code source} names the supporting file the contributions
   * came from, empty when the table gave them.
   */
  static Finding finding(
      FilePolicy.Dominance rules,
      String location,
      String cellRef,
      boolean pRatio,
      boolean nk,
      String source) {
    String rule = pRatio && nk ? "p-ratio, nk-rule" : pRatio ? "p-ratio" : "nk-rule";
    return new Finding(
        "DOMINANCE",
        Severity.BLOCKER,
        location,
        "One or two contributors dominate this cell ("
            + rule
            + ": p "
            + percent(rules.p())
            + ", n "
            + rules.n()
            + ", k "
            + percent(rules.k())
            + "), so their values can be estimated closely"
            + (source.isEmpty()
                ? ""
                : " (largest contributions " + SupportedDominance.SOURCE_MARK + " " + source + ")")
            + ". Suppress the cell or combine categories.",
        cellRef + " " + rule);
  }

  static String percent(double f) {
    return Math.round(f * 100) + "%";
  }

  List<Failure> failures() {
    return failures;
  }

  long failed() {
    return failed;
  }
}
