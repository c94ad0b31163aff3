package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    new CountFindings(t).report(counts, magnitudes);
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
    long maxRows = t.ctx.policy().maxRows();
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
