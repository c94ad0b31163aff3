package org.outputintake.scan.hidden;

import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.Finding;

/**
 * Hidden rows or columns as runs ({@code rows 7-9}), so a sheet with thousands of hidden rows gives
 * a handful of findings rather than thousands. Numbers are 1-based, as Excel shows them.
 */
final class Ranges {
  static final int MAX_FINDINGS = 20;
  private final List<long[]> runs = new ArrayList<>();
  private long total;

  void add(long from, long to) {
    total += to - from + 1;
    if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] + 1 >= from) {
      long[] last = runs.get(runs.size() - 1);
      last[1] = Math.max(last[1], to);
      return;
    }
    // Past the cap only the count grows; the runs already kept are the ones reported.
    if (runs.size() <= MAX_FINDINGS) runs.add(new long[] {from, to});
  }

  static List<Finding> findings(
      Ranges ranges, String code, String where, String unit, boolean letters, String advice) {
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_FINDINGS, ranges.runs.size()); i++) {
      long[] run = ranges.runs.get(i);
      String label =
          run[0] == run[1]
              ? unit + " " + name(run[0], letters)
              : unit + "s " + name(run[0], letters) + "-" + name(run[1], letters);
      out.add(
          Finding.blocker(
              code,
              where + ", " + label,
              "The " + (run[0] == run[1] ? unit + " is" : unit + "s are") + " hidden. " + advice));
    }
    if (ranges.runs.size() > MAX_FINDINGS) {
      out.add(
          Finding.blocker(
              code,
              where,
              "The sheet has "
                  + ranges.total
                  + " hidden "
                  + unit
                  + "s in all; only "
                  + "the first are listed. "
                  + advice));
    }
    return out;
  }

  private static String name(long n, boolean letters) {
    return letters ? XlsxHidden.column(n) : Long.toString(n);
  }
}
