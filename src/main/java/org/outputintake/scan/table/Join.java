package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.IdentifierFinder;

/**
 * One magnitude table joined with the supporting sheets that give its largest contributions: the
 * findings for the table's cells, what could not be matched, and the sheets used.
 */
final class Join {
  /** A sheet used as supporting material, and the finding that marks it so. */
  record Used(int file, String sheet, boolean csv, Finding finding) {}

  private static final int SHOWN = 3;
  private static final double TOLERANCE = 1.001;

  final int file;
  final String sheetName;
  final String where;
  final List<Finding> findings = new ArrayList<>();
  final List<Used> used = new ArrayList<>();

  /** Whether the supporting material gave the number of contributors behind every cell. */
  boolean counted;

  private Join(int file, String sheetName, String where) {
    this.file = file;
    this.sheetName = sheetName;
    this.where = where;
  }

  /**
   * The join for one table, or null when the request holds nothing that gives contributions (the
   * table's DOMINANCE_UNCHECKED stays as it is).
   */
  static Join of(
      SupportedDominance.Request request,
      int file,
      TableGrid.Sheet sheet,
      String where,
      ScanContext ctx,
      int limit) {
    TargetSheet t = new TargetSheet(where, sheet, ctx.declaredCountColumns());
    if (t.judged.isEmpty() || t.rows.isEmpty()) return null;
    Map<String, double[]> merged = new HashMap<>();
    List<String> sources = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    List<int[]> usedSheets = new ArrayList<>();
    List<TableGrid.Sheet> usedGrids = new ArrayList<>();
    Set<String> stray = new LinkedHashSet<>();
    long strayCount = 0;
    boolean any = false;
    for (var e : request.candidates(file, sheet.name()).entrySet()) {
      for (TableGrid.Sheet s : e.getValue()) {
        SupportSheet support = SupportSheet.read(t, s, request.nameOf(e.getKey(), s));
        if (!support.recognised) continue;
        any = true;
        String name = describe(request, e.getKey(), s);
        if (!support.contributes()) {
          unmatched.add(
              name
                  + (!support.layoutProblem.isEmpty()
                      ? ": " + support.layoutProblem
                      : support.matchedRows > 0
                          ? ": its rows for this table's cells give no numbers as contributions"
                          : ": none of its rows has this table's row labels"
                              + examples(support.strayRows)));
          continue;
        }
        sources.add(name);
        usedSheets.add(new int[] {e.getKey()});
        usedGrids.add(s);
        strayCount += support.strayRowCount;
        stray.addAll(support.strayRows);
        support.cells.forEach(
            (k, v) ->
                merged.merge(
                    k,
                    v,
                    (a, b) -> {
                      for (int i = 0; i < a.length; i++) if (Double.isNaN(a[i])) a[i] = b[i];
                      return a;
                    }));
      }
    }
    if (!any) return null;
    Join join = new Join(file, sheet.name(), where);
    if (sources.isEmpty()) {
      join.findings.add(
          Finding.warning(
              SupportedDominance.UNCHECKED,
              where,
              "This table holds sums, means or other magnitudes, and the request gives largest "
                  + "contributions, but they could not be matched to the table's cells ("
                  + safe(String.join("; ", unmatched))
                  + "), so dominance (p% and NK rules) was not checked. Give them with the table's own "
                  + "row labels and column names."));
      return join;
    }
    Outcome outcome = judge(t, merged, ctx, limit, String.join(", ", sources));
    join.findings.addAll(outcome.out.findings());
    join.counted = outcome.counted;
    List<String> problems = new ArrayList<>(outcome.problems);
    if (!outcome.problems.isEmpty() && strayCount > 0) {
      problems.add(
          strayCount
              + " row"
              + (strayCount == 1 ? "" : "s")
              + " of the supporting material "
              + (strayCount == 1 ? "matches" : "match")
              + " no row of this table"
              + examples(stray));
    }
    if (!unmatched.isEmpty() && !outcome.problems.isEmpty()) problems.addAll(unmatched);
    if (!problems.isEmpty()) {
      join.findings.add(
          Finding.warning(
              SupportedDominance.UNCHECKED,
              where,
              "Dominance (p% and NK rules) was checked with the largest contributions from "
                  + String.join(", ", sources)
                  + ", but not for every cell: "
                  + safe(String.join("; ", problems))
                  + ". Give the two largest contributions for every cell, with the table's row labels "
                  + "and column names."));
    }
    for (int i = 0; i < usedSheets.size(); i++) {
      int f = usedSheets.get(i)[0];
      TableGrid.Sheet s = usedGrids.get(i);
      String at = s.name().isEmpty() ? "" : "sheet '" + s.name() + "'";
      // a sheet of the workbook being released would go out with it
      boolean sameWorkbook = f == file;
      join.used.add(
          new Used(
              f,
              s.name(),
              s.name().isEmpty(),
              new Finding(
                  SupportedDominance.SUPPORTING,
                  sameWorkbook ? Severity.BLOCKER : Severity.WARNING,
                  at,
                  "Supporting material, not for release: "
                      + (s.name().isEmpty() ? "this file" : "this sheet")
                      + " gives the largest contributions per cell of "
                      + describe(request, file, sheet)
                      + ", used for its dominance check ("
                      + outcome.checked
                      + " cell"
                      + (outcome.checked == 1 ? "" : "s")
                      + " checked, "
                      + outcome.failed
                      + " dominated). Largest contributions are single contributors' values: "
                      + (sameWorkbook
                          ? "this sheet would be released with the table; move it to a separate "
                              + "file marked Supporting on the form."
                          : "keep it in the secure environment (mark it Supporting on the form).")
                      + " The table rules are applied to the table, not to it.",
                  "")));
    }
    return join;
  }

  /**
   * @param counted whether the supporting material gave the number of contributors of every cell
   */
  private record Outcome(
      FindingCollector out, List<String> problems, long checked, long failed, boolean counted) {}

  private static Outcome judge(
      TargetSheet t, Map<String, double[]> merged, ScanContext ctx, int limit, String source) {
    FilePolicy.Dominance rules = ctx.policy().dominance();
    FindingCollector out = new FindingCollector(limit);
    Problems missing = new Problems("without a largest contribution");
    Problems noSecond = new Problems("without a second largest contribution");
    Problems noTotal =
        new Problems(
            "of means or medians without the number of contributors or the total behind them");
    Problems inconsistent =
        new Problems(
            "whose largest contributions add up to more than the cell (a table of means?)");
    long checked = 0;
    long failed = 0;
    boolean counted = true;
    for (int r = 0; r < t.rows.size(); r++) {
      String[] cells = t.rows.get(r);
      long row = t.rowNumbers.get(r);
      for (int j = 0; j < t.judged.size(); j++) {
        int c = t.judged.get(j);
        double v = TargetSheet.number(cells, c);
        if (Double.isNaN(v) || v <= 0) continue; // suppressed, blank or nothing to dominate
        String name = "'" + t.rowLabel(r) + "' x '" + t.header(c) + "'";
        double[] a = merged.get(t.rowKey(r) + '\u001f' + t.norms[c]);
        if (a == null || Double.isNaN(a[SupportSheet.X1])) {
          counted = false;
          missing.add(name);
          continue;
        }
        double n = a[SupportSheet.N];
        if (Double.isNaN(n)) counted = false;
        if (Double.isNaN(n) && t.countColumn >= 0) n = TargetSheet.number(cells, t.countColumn);
        String location = t.location(row, c);
        String ref = TableJudge.cellRef(row, c);
        if (n > 0 && n < ctx.threshold()) {
          out.add(
              new Finding(
                  "LOW_COUNT",
                  Severity.BLOCKER,
                  location,
                  "This cell has fewer contributors than the threshold of "
                      + ctx.threshold()
                      + " ("
                      + ctx.policy().name()
                      + "; the number of contributors "
                      + SupportedDominance.SOURCE_MARK
                      + " "
                      + source
                      + "). Suppress it or combine categories.",
                  ref + " = " + (long) n));
        }
        double total =
            switch (t.kinds.get(j)) {
              case TOTAL -> v;
              case MEAN -> n > 0 ? v * n : a[SupportSheet.TOTAL];
              case MEDIAN -> a[SupportSheet.TOTAL];
            };
        if (Double.isNaN(total) || total <= 0) {
          noTotal.add(name);
          continue;
        }
        double x1 = a[SupportSheet.X1];
        double x2 = a[SupportSheet.X2];
        if (!Double.isNaN(x2) && x2 > x1) {
          double s = x1;
          x1 = x2;
          x2 = s;
        }
        if (x1 + (Double.isNaN(x2) ? 0 : x2) > total * TOLERANCE) {
          inconsistent.add(name);
          continue;
        }
        boolean pRatio = DominanceCheck.pRatioFails(rules, total, x1, x2);
        boolean nk = DominanceCheck.nkFails(rules, total, x1, x2);
        if (Double.isNaN(x2) && !nk) {
          noSecond.add(name);
          continue;
        }
        checked++;
        if (pRatio || nk) {
          failed++;
          out.add(DominanceCheck.finding(rules, location, ref, pRatio, nk, source));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (Problems p : List.of(missing, noSecond, noTotal, inconsistent)) {
      if (p.count > 0) problems.add(p.toString());
    }
    return new Outcome(out, problems, checked, failed, counted);
  }

  /** Cells that could not be judged for one reason, a few of them named. */
  private static final class Problems {
    private final String why;
    private final List<String> names = new ArrayList<>();
    long count;

    Problems(String why) {
      this.why = why;
    }

    void add(String name) {
      count++;
      if (names.size() < SHOWN) names.add(name);
    }

    @Override
    public String toString() {
      return count
          + " cell"
          + (count == 1 ? " " : "s ")
          + why
          + " ("
          + String.join(", ", names)
          + (count > names.size() ? ", ..." : "")
          + ")";
    }
  }

  private static String describe(SupportedDominance.Request request, int file, TableGrid.Sheet s) {
    String f = "'" + request.fileName(file) + "'";
    return s.name().isEmpty() ? f : "sheet '" + s.name() + "' of " + f;
  }

  private static String examples(Set<String> labels) {
    if (labels.isEmpty()) return "";
    List<String> quoted = new ArrayList<>();
    for (String l : labels) quoted.add("'" + l + "'");
    return " (for example " + String.join(", ", quoted) + ")";
  }

  /**
   * Row labels are the researcher's words and reach emails: a text holding what looks like an
   * identifier is not repeated.
   */
  private static String safe(String text) {
    String t = text.length() > 600 ? text.substring(0, 600) + "..." : text;
    return new IdentifierFinder().scanText(t, "").isEmpty()
        ? t
        : "the labels are not repeated here because one looks like an identifier";
  }
}
