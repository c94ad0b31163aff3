package org.outputintake.scan.table;

import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/**
 * Secondary disclosure: a suppressed cell that can be worked out again. It can only when it is the
 * one hidden cell of a line (row or column) with a total, and that total is not already the sum of
 * the visible cells (as it is when margins were recomputed after suppression, which ACRO does).
 * Every suppression marker and a blank cell count alike.
 */
final class SecondaryDisclosure {
  private final TableAnalyzer t;

  SecondaryDisclosure(TableAnalyzer table) {
    this.t = table;
  }

  void check(List<ColumnStats> counts) {
    for (long[] cell : t.hiddenShares) {
      t.out.add(shown(cell, "its percentage is printed with it"));
    }
    for (long[] cell : t.besideShare) {
      if (counts.contains(t.columns[(int) cell[1]]))
        t.out.add(shown(cell, "its row shows a percentage or rate"));
    }
    if (counts.isEmpty()) return;
    for (ColumnStats col : counts) {
      long hidden =
          col.suppressedOutsideTotal + (col.numericOutsideTotal >= 2 ? col.blanksOutsideTotal : 0);
      if (t.totalRowSeen
          && col.totalRowValue != null
          && hidden == 1
          && col.totalRowValue != col.sumOutsideTotal) {
        long row = col.firstSuppressedRow != 0 ? col.firstSuppressedRow : col.firstBlankRow;
        t.out.add(finding(row, t.index(col), "column"));
      }
    }
    for (long[] cell : t.rowSecondary) {
      if (cell[2] == 1 && counts.contains(t.columns[(int) cell[1]]))
        t.out.add(finding(cell[0], (int) cell[1], "row"));
    }
  }

  /**
   * A suppressed count whose percentage or rate is shown: with the total or the population the
   * table (or its N) gives, the percentage gives the count back.
   */
  private Finding shown(long[] cell, String why) {
    long row = cell[0];
    int c = (int) cell[1];
    return new Finding(
        "SECONDARY_DISCLOSURE",
        Severity.BLOCKER,
        t.location(row, c),
        "This count is suppressed, but "
            + why
            + ": with the total or population it can be worked out again. Suppress the "
            + "percentage or rate as well.",
        TableJudge.cellRef(row, c) + " (suppressed)");
  }

  private Finding finding(long row, int c, String line) {
    return new Finding(
        "SECONDARY_DISCLOSURE",
        Severity.BLOCKER,
        t.location(row, c),
        "This suppressed cell is the only one in its "
            + line
            + ", and the "
            + line
            + "'s total is more than the "
            + "visible cells add up to, so it can be worked out. Suppress a second cell in the "
            + line
            + ", or give the total of the visible cells only.",
        TableJudge.cellRef(row, c) + " (suppressed)");
  }
}
