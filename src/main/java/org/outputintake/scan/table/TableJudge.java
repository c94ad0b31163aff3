package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/**
 * Decides, once a table has been read, what kind of table it was and which of its cells are counts,
 * then emits its findings. A table is split into its key columns (labels, codes, years, ids and
 * numbers that run in sequence across the grid) and its value columns; values are counts (named so,
 * or a cross-tabulation of whole numbers), magnitudes (named so, or non-integers, money,
 * implausibly large numbers), model statistics, or undecided. Undecided numbers are never passed
 * silently: they get TABLE_UNRECOGNISED.
 */
final class TableJudge {
  private final TableAnalyzer t;
  private final ColumnStats[] columns;

  TableJudge(TableAnalyzer table) {
    this.t = table;
    this.columns = table.columns;
  }

  void judge() {
    int keys = keyColumns();
    boolean statisticHeaders = false;
    boolean rateLike = false;
    boolean coefficients = t.coefficientRows;
    for (ColumnStats col : columns) {
      ColumnRole r = col.role;
      if (r == ColumnRole.STATISTIC
          || r == ColumnRole.EXTREME
          || r == ColumnRole.DEGREES_OF_FREEDOM
          || r == ColumnRole.MAGNITUDE) {
        statisticHeaders = true;
      }
      if (col.numeric() && ColumnRole.isRateLike(col.normalized) && r != ColumnRole.MAGNITUDE)
        rateLike = true;
      if (ColumnRole.isCoefficient(col.normalized)) coefficients = true;
    }
    // a survival (life) table has standard errors of its estimates but no model to saturate
    if (coefficients && ColumnRole.lifeTable(columns)) coefficients = false;
    int dominanceColumn = t.dominance == null ? -1 : t.dominance.cellColumn();
    boolean additive = additive(keys);
    List<ColumnStats> counts = new ArrayList<>();
    List<ColumnStats> magnitudes = new ArrayList<>();
    List<ColumnStats> open = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      ColumnStats col = columns[c];
      if (c == dominanceColumn) {
        magnitudes.add(col);
      } else if (c > 0
          && col.shareCounts > 0
          && (col.role == ColumnRole.OTHER || col.role == ColumnRole.COUNT)) {
        counts.add(col); // "Table 1" cells, 12 (3.4%): counts printed with their share
      } else if (col.role == ColumnRole.COUNT && col.totalColumn && !additive) {
        open.add(col); // a margin that is smaller than its cells totals no counts
      } else if (col.role == ColumnRole.COUNT && !(col.decimals + col.magnitudes > col.integers)) {
        counts.add(col);
      } else if (col.role == ColumnRole.COUNT) {
        open.add(col); // a category named N or Total whose cells are amounts: the values decide
      } else if (col.role == ColumnRole.MAGNITUDE && col.numeric()) {
        magnitudes.add(col);
      } else if (col.identifiers.latitude() || col.identifiers.longitude()) {
        continue; // places, judged as identifiers: not amounts with contributors
      } else if (col.role == ColumnRole.OTHER && ColumnRole.isBinEdge(col.normalized)) {
        continue; // a histogram's bin edges: where the counts were taken, not statistics of them
      } else if (c >= keys && col.role == ColumnRole.OTHER && col.numeric()) {
        open.add(col);
      }
    }
    boolean crossTab =
        additive
            && !statisticHeaders
            && !open.isEmpty()
            && open.stream().allMatch(ColumnStats::countLike)
            && open.stream().noneMatch(col -> ColumnRole.isQuantile(col.normalized))
            && (open.size() + counts.size() >= 2 || keys >= 2);
    boolean besideStatistics = additive && !coefficients && statisticsOfRecords();
    List<ColumnStats> undecided = new ArrayList<>();
    // deaths beside a death rate or a maximum age, admissions beside a mean stay: counts; a
    // percentile is one value of the records, not a count of them; a model's own statistics are
    // decided; anything else, beside statistics or not, is never passed silently
    for (ColumnStats col : open) {
      boolean quantile = ColumnRole.isQuantile(col.normalized);
      if (crossTab) counts.add(col);
      else if (besideStatistics && col.countLike() && !quantile) counts.add(col);
      else if (!coefficients
          && col.magnitudeValues()
          && (!statisticHeaders || magnitudes.size() > 0)) magnitudes.add(col);
      else if (!coefficients && !quantile) undecided.add(col);
    }
    // pivot_table(values="income", aggfunc="sum") and aggfunc="count" print the same header
    String variable = crossTab ? t.valueVariable(open) : null;
    if (t.modelSummary.recognised()) {
      // a model's statistics: only its size is checked (the residual df, below)
      counts.clear();
      magnitudes.clear();
      undecided.clear();
      variable = null;
    }
    t.observations.settle(coefficients);
    counts.sort(Comparator.comparingInt(t::index));
    FilePolicy policy = t.ctx.policy();
    cells(counts, "LOW_COUNT");
    observationCounts(counts);
    statisticsOfLowCounts(counts, magnitudes);
    if (policy.requiresRounding()) cells(counts, "UNROUNDED_COUNT");
    if (policy.zeros() != FilePolicy.ZeroRule.IGNORE) cells(counts, "ZERO_COUNT");
    new SecondaryDisclosure(t).check(counts);
    t.rowFindings.forEach(t.out::add);
    for (ColumnStats col : columns) {
      if (col.role == ColumnRole.EXTREME && col.integers + col.decimals > 0) {
        t.out.add(
            new Finding(
                "EXTREME_VALUE",
                Severity.BLOCKER,
                t.location(0, t.index(col)),
                "Column '"
                    + col.header
                    + "' shows minimums, maximums or ranges, which are single units' values. "
                    + "Remove it or replace it with percentiles.",
                ""));
      }
    }
    MagnitudeJudge magnitude = new MagnitudeJudge(t);
    if (counts.isEmpty()
        && !coefficients
        && !t.modelSummary.recognised()
        && (rateLike || !magnitudes.isEmpty())) magnitude.underlyingCounts(magnitudes);
    magnitude.dominance(magnitudes);
    if (coefficients && !t.degreesOfFreedomSeen) {
      t.out.add(
          Finding.warning(
              "DEGREES_OF_FREEDOM_MISSING",
              t.where,
              "This looks like a model's coefficient "
                  + "table, but its residual degrees of freedom are not given. Add them (a 'df_resid' row or column), or "
                  + "send the model summary that states them, so that a checker can see the model is not saturated."));
    }
    if (!undecided.isEmpty())
      unrecognised(undecided, counts.isEmpty() && magnitudes.isEmpty(), additive);
    if (variable != null)
      t.out.add(
          Finding.warning(
              "TABLE_UNRECOGNISED",
              t.where,
              "The cells are values of '"
                  + variable
                  + "', but the table does not say which statistic of it they are (a pivot table"
                  + " names the variable, not count, sum or mean). They were checked as counts."
                  + " If they are sums or other magnitudes, give the number of contributors and the"
                  + " two largest contributions per cell; name the statistic in the header (or"
                  + " declare the count columns on the form)."));
    long maxRows = policy.maxRows();
    if (maxRows > 0 && t.dataRows > maxRows) {
      t.out.add(
          new Finding(
              "TOO_MANY_ROWS",
              Severity.BLOCKER,
              t.where,
              "The table has "
                  + t.dataRows
                  + " data rows; the policy allows at most "
                  + maxRows
                  + ". Aggregate it or keep only the rows needed.",
              t.dataRows + " rows"));
    }
  }

  /**
   * Whether every margin (a total row or column) is at least as large as each of its cells, among
   * the columns that may hold counts (keys such as years are left out).
   */
  private boolean additive(int keys) {
    int base = t.ctx.policy().roundingBase();
    for (int c = keys; c < columns.length; c++) {
      ColumnStats col = columns[c];
      if (col.role != ColumnRole.COUNT && col.role != ColumnRole.OTHER) continue;
      if (col.aboveTotal) return false;
      if (col.totalRowValue != null && col.maxOutsideTotal > col.totalRowValue + base) return false;
    }
    return true;
  }

  /**
   * Whether the table gives statistics of the records behind its cells: rates, percentages, means
   * (named so, or magnitudes), spreads, percentiles, minimums or maximums. Whole numbers beside
   * them, under headers that say nothing (deaths, admissions), are the counts of those records. The
   * statistics' own whole numbers are values, never counts.
   */
  private boolean statisticsOfRecords() {
    for (ColumnStats col : columns) {
      if (!col.numeric()) continue;
      if (col.role == ColumnRole.MAGNITUDE
          || col.role == ColumnRole.EXTREME
          || ColumnRole.isRateLike(col.normalized)
          || ColumnRole.isSpreadOrQuantile(col.normalized)) return true;
    }
    return false;
  }

  /**
   * How many leading columns are keys: the first (label) column, then text labels, columns headed
   * as keys (year, code, week, unit...) and numbers that run in sequence across the grid. A column
   * headed as a count ends the keys.
   */
  private int keyColumns() {
    boolean textBefore = false;
    int c = 0;
    for (; c < columns.length; c++) {
      ColumnStats col = columns[c];
      if (col.role == ColumnRole.COUNT || c > 0 && col.shareCounts > 0) break;
      boolean key =
          c == 0
              || col.role == ColumnRole.NOT_COUNT
              || col.labels()
              || col.role == ColumnRole.OTHER && col.sequentialKey(textBefore);
      if (!key) break;
      if (col.labels()) textBefore = true;
    }
    return Math.max(c, 1);
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
  private void emitCells(
      List<long[]> kept, long total, java.util.function.Function<long[], Finding> finding) {
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
    String evidence = cellRef(cell[0], (int) cell[1]) + " = " + cell[2];
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
      if (!counts.contains(columns[(int) cell[1]])) kept.add(cell);
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
                    + cellRef(cell[0], (int) cell[2])
                    + "), so it describes too few people or businesses. Suppress it with its count, "
                    + "or combine categories.",
                cellRef(cell[0], (int) cell[1])
                    + " from "
                    + cellRef(cell[0], (int) cell[2])
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

  /**
   * The spreadsheet reference of a cell, {@code C7}: officers find it directly, and ACRO's cell
   * lists use it.
   */
  static String cellRef(long row, int c) {
    return TableAnalyzer.letters(c) + row;
  }

  private void unrecognised(List<ColumnStats> undecided, boolean nothingElse, boolean additive) {
    StringBuilder names = new StringBuilder();
    StringBuilder why = new StringBuilder();
    for (ColumnStats col : undecided) {
      if (names.length() > 0) names.append(", ");
      names.append('\'').append(col.header).append('\'');
    }
    ColumnStats first = undecided.get(0);
    if (first.negatives > 0) why.append("they hold negative numbers");
    else if (first.text > 0) why.append("they mix numbers and text");
    else if (!additive)
      why.append(
          "their totals are smaller than some of their cells, so they are not counts (modes, medians or means?)");
    else
      why.append("nothing in the headers or the layout says whether they are counts or magnitudes");
    t.out.add(
        Finding.warning(
            "TABLE_UNRECOGNISED",
            t.where,
            "Could not decide what column"
                + (undecided.size() > 1 ? "s " : " ")
                + names
                + " hold"
                + (undecided.size() > 1 ? "" : "s")
                + ": "
                + why
                + ". "
                + (nothingElse ? "No count in this table was checked. " : "")
                + "Name count columns n or count (or declare them on the form), or an officer checks the table by hand."));
  }
}
