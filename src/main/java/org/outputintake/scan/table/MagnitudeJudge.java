package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/**
 * What a table of sums, means or other magnitudes is asked for: the counts behind it, and the
 * largest contributions that the p% and NK rules need (judged here when the table gives them).
 */
final class MagnitudeJudge {
  private final TableAnalyzer t;

  MagnitudeJudge(TableAnalyzer table) {
    this.t = table;
  }

  void underlyingCounts(List<ColumnStats> magnitudes) {
    ColumnStats at = magnitudes.isEmpty() ? null : magnitudes.get(0);
    for (ColumnStats col : t.columns) {
      if (at == null && col.numeric() && ColumnRole.isRateLike(col.normalized)) at = col;
    }
    if (at == null) return;
    t.out.add(
        new Finding(
            "UNDERLYING_COUNTS_MISSING",
            Severity.WARNING,
            t.location(0, t.index(at)),
            "Column '"
                + at.header
                + "' holds rates, percentages, means or other magnitudes but the table shows no "
                + "counts. Add the unweighted counts (numerator and denominator, or the number of contributors per "
                + "cell) behind them.",
            ""));
  }

  void dominance(List<ColumnStats> magnitudes) {
    boolean applies = false;
    for (ColumnStats col : magnitudes) {
      if (col.role != ColumnRole.MAGNITUDE || ColumnRole.dominanceApplies(col.normalized))
        applies = true;
    }
    if (!applies) return;
    DominanceCheck d = t.dominance;
    FilePolicy.Dominance rules = t.ctx.policy().dominance();
    if (d != null) {
      contributionsInTheOutput(d);
      for (DominanceCheck.Failure f : d.failures()) {
        t.out.add(
            DominanceCheck.finding(
                rules,
                t.location(f.row(), f.column()),
                TableJudge.cellRef(f.row(), f.column()),
                f.pRatio(),
                f.nk(),
                ""));
      }
      if (d.failed() > d.failures().size()) {
        t.out.addMore(
            new Finding("DOMINANCE", Severity.BLOCKER, "", "dominance", ""),
            d.failed() - d.failures().size());
      }
      if (d.complete()) return;
    }
    t.out.add(
        Finding.warning(
            "DOMINANCE_UNCHECKED",
            t.where,
            "This table holds sums, means or other magnitudes, "
                + "so one or two large contributors may dominate a cell (p% and NK rules). Give the two largest "
                + "contributions per cell as supporting material: columns 'largest' and 'second_largest' in the "
                + "table, or a file with the table's row labels and columns 'top1' and 'top2'."));
  }

  /**
   * Largest contributions are single contributors' values: they let the checker apply the rules,
   * but in the table they would be released with it. A min/max column is EXTREME_VALUE already.
   */
  private void contributionsInTheOutput(DominanceCheck d) {
    List<String> names = new ArrayList<>();
    int first = -1;
    for (int c : d.contributionColumns()) {
      if (t.columns[c].role == ColumnRole.EXTREME) continue;
      names.add("'" + t.columns[c].header + "'");
      if (first < 0) first = c;
    }
    if (names.isEmpty()) return;
    t.out.add(
        new Finding(
            "SUPPORTING_MATERIAL",
            Severity.BLOCKER,
            t.location(0, first),
            "Column"
                + (names.size() == 1 ? " " : "s ")
                + String.join(" and ", names)
                + " give"
                + (names.size() == 1 ? "s" : "")
                + " the largest contributions per cell, which are single contributors' values. They "
                + "were used for the dominance check, but in this table they would be released "
                + "with it: remove them from the output and send them as a separate file marked "
                + "Supporting on the form.",
            ""));
  }
}
