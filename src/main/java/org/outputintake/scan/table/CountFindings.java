package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/**
 * The findings on a table's count cells, once {@link TableJudge} has decided which columns are
 * counts: LOW_COUNT (cells, describe()'s observation rows and statistics beside a low count),
 * UNROUNDED_COUNT and ZERO_COUNT as the policy asks, each located by its cell and listed in reading
 * order up to the cell limit.
 */
final class CountFindings {
  private final TableAnalyzer t;

  CountFindings(TableAnalyzer table) {
    this.t = table;
  }

  void report(List<ColumnStats> counts, List<ColumnStats> magnitudes) {
    FilePolicy policy = t.ctx.policy();
    cells(counts, "LOW_COUNT");
    observationCounts(counts);
    statisticsOfLowCounts(counts, magnitudes);
    if (policy.requiresRounding()) cells(counts, "UNROUNDED_COUNT");
    if (policy.zeros() != FilePolicy.ZeroRule.IGNORE) cells(counts, "ZERO_COUNT");
  }

  private void cells(List<ColumnStats> counts, String code) {
    List<long[]> kept = new ArrayList<>();
    long total = 0;
    for (ColumnStats col : counts) {
      CellList list =
          code.equals("LOW_COUNT")
              ? col.low
              : code.equals("ZERO_COUNT") ? col.zeros : col.unrounded;
      for (int i = 0; i < list.kept; i++)
        kept.add(new long[] {list.rows[i], t.index(col), list.values[i]});
      total += list.count;
    }
    emitCells(kept, total, cell -> cellFinding(code, cell));
  }

  /**
   * The located cells in reading order ({row, column, ...}), at most the cell limit of them, the
   * rest summed up in one "and N more" finding.
   */
  private void emitCells(List<long[]> kept, long total, Function<long[], Finding> finding) {
    kept.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    int shown = 0;
    Finding last = null;
    for (long[] cell : kept) {
      if (shown == t.cellLimit) break;
      last = finding.apply(cell);
      t.out.add(last);
      shown++;
    }
    if (last != null) t.out.addMore(last, total - shown);
  }

  private Finding cellFinding(String code, long[] cell) {
    FilePolicy policy = t.ctx.policy();
    String evidence = TableJudge.cellRef(cell[0], (int) cell[1]) + " = " + cell[2];
    String at = t.location(cell[0], (int) cell[1]);
    // messages are emailed, so they name the cell, never its value; the value stays in the masked
    // evidence
    return switch (code) {
      case "LOW_COUNT" ->
          new Finding(
              code,
              Severity.BLOCKER,
              at,
              "This count is above 0 and below the threshold of "
                  + t.ctx.threshold()
                  + " ("
                  + policy.name()
                  + "). Suppress it (and enough other cells to stop it being "
                  + "worked out) or combine categories.",
              evidence);
      case "ZERO_COUNT" ->
          new Finding(
              code,
              policy.zeros() == FilePolicy.ZeroRule.FAIL ? Severity.BLOCKER : Severity.WARNING,
              at,
              "A zero count can show that nobody in a group has a characteristic (or that "
                  + "everybody has). Say why it is safe (an impossible combination), or suppress it or combine categories ("
                  + policy.name()
                  + " zeros: "
                  + policy.zeros().name().toLowerCase(java.util.Locale.ROOT)
                  + ").",
              evidence);
      default ->
          new Finding(
              code,
              Severity.BLOCKER,
              at,
              "Counts must be rounded to a multiple of "
                  + policy.roundingBase()
                  + " ("
                  + policy.name()
                  + "), and this one is not. Round every count, including "
                  + "totals and counts under rates.",
              evidence);
    };
  }

  /**
   * Numbers of observations below the threshold in a row labelled so (pandas' describe() count of a
   * variable), where the column's counts were not checked already.
   */
  private void observationCounts(List<ColumnStats> counts) {
    List<long[]> kept = new ArrayList<>();
    for (long[] cell : t.observations.low) {
      if (!counts.contains(t.columns[(int) cell[1]])) kept.add(cell);
    }
    emitCells(kept, kept.size(), cell -> cellFinding("LOW_COUNT", cell));
  }

  /**
   * ACRO's threshold applies to every statistic of a cell's records: a mean, median or sum beside a
   * low count describes as few contributors, so its cell is flagged too. A statistic pairs with the
   * count of the same category ({@code count C} with {@code mean C}), or with the table's only
   * count column.
   */
  private void statisticsOfLowCounts(List<ColumnStats> counts, List<ColumnStats> magnitudes) {
    List<long[]> kept = new ArrayList<>();
    long total = 0;
    for (ColumnStats m : magnitudes) {
      ColumnStats count = countOf(m, counts);
      if (count == null) continue;
      for (int i = 0; i < count.low.kept; i++)
        kept.add(new long[] {count.low.rows[i], t.index(m), t.index(count), count.low.values[i]});
      total += count.low.count;
    }
    emitCells(
        kept,
        total,
        cell ->
            new Finding(
                "LOW_COUNT",
                Severity.BLOCKER,
                t.location(cell[0], (int) cell[1]),
                "This statistic comes from a count below the threshold of "
                    + t.ctx.threshold()
                    + " (cell "
                    + TableJudge.cellRef(cell[0], (int) cell[2])
                    + "), so it describes too few people or businesses. Suppress it with its count, "
                    + "or combine categories.",
                TableJudge.cellRef(cell[0], (int) cell[1])
                    + " from "
                    + TableJudge.cellRef(cell[0], (int) cell[2])
                    + " = "
                    + cell[3]));
  }

  private static ColumnStats countOf(ColumnStats statistic, List<ColumnStats> counts) {
    String category = category(statistic.normalized);
    if (!category.isEmpty()) {
      for (ColumnStats c : counts) {
        if (category.equals(category(c.normalized))) return c;
      }
    }
    return counts.size() == 1 ? counts.get(0) : null;
  }

  /**
   * What follows the statistic's word: {@code c} of {@code mean_c}, {@code income} of {@code
   * n_income}.
   */
  private static String category(String normalized) {
    int u = normalized.indexOf('_');
    return u < 0 ? "" : normalized.substring(u + 1);
  }
}
