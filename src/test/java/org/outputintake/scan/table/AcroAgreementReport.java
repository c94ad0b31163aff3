package org.outputintake.scan.table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.outputintake.scan.table.AcroAgreement.Outcome;
import org.outputintake.scan.table.AcroAgreement.Result;

/** The figures of the ACRO agreement corpus as Markdown: totals, by rule, by case. */
final class AcroAgreementReport {
  private AcroAgreementReport() {}

  static String render(String policy, List<Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("## Policy: ").append(policy).append("\n\n");
    b.append(
        "| kind | tables | ACRO-failed cells | agree | flagged, other rule | table-level review | missed "
            + "| ACRO-ok cells | over-flagged (blocker) | over-reviewed (warning) |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String kind : List.of("table", "suppressed-output", "model", "all")) {
      List<Result> rs =
          results.stream().filter(r -> kind.equals("all") || r.c().kind().equals(kind)).toList();
      int failed = 0;
      int[] o = new int[Outcome.values().length];
      int ok = 0;
      int over = 0;
      int review = 0;
      for (Result r : rs) {
        for (Outcome x : Outcome.values()) {
          o[x.ordinal()] += r.count(x);
          failed += r.count(x);
        }
        ok += r.okCells();
        over += r.overFlagged();
        review += r.overReviewed();
      }
      b.append(
          String.format(
              "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
              kind, rs.size(), failed, o[0], o[1], o[2], o[3], ok, over, review));
    }
    int fails = 0;
    int blocked = 0;
    int reviewOnly = 0;
    int silent = 0;
    int passes = 0;
    int clean = 0;
    int warned = 0;
    int overBlocked = 0;
    for (Result r : results) {
      if (r.c().acroFails()) {
        fails++;
        if (r.silentPass()) silent++;
        else if (r.anyBlocker()) blocked++;
        else reviewOnly++;
      } else {
        passes++;
        if (r.codes().isEmpty()) clean++;
        else if (r.anyBlocker()) overBlocked++;
        else warned++;
      }
    }
    b.append(
        String.format(
            "%nTables ACRO fails or sends to review: %d; here blocked %d, warnings only %d, "
                + "**no finding %d**. Tables ACRO passes: %d; here clean %d, warnings only %d, blocked %d.%n%n",
            fails, blocked, reviewOnly, silent, passes, clean, warned, overBlocked));
    Map<String, int[]> byRule = new TreeMap<>();
    for (Result r : results) {
      r.byRule()
          .forEach(
              (rule, m) -> {
                int[] v = byRule.computeIfAbsent(rule, k -> new int[Outcome.values().length]);
                m.forEach((x, n) -> v[x.ordinal()] += n);
              });
    }
    b.append(
        "| ACRO rule | failed cells | agree | flagged, other rule | table-level review | missed |\n");
    b.append("|---|---|---|---|---|---|\n");
    byRule.forEach(
        (rule, v) ->
            b.append(
                String.format(
                    "| %s | %d | %d | %d | %d | %d |%n",
                    rule, v[0] + v[1] + v[2] + v[3], v[0], v[1], v[2], v[3])));
    b.append(
        "\n| case | ACRO | our codes | failed cells agree / other / review / missed | ok cells over-flagged |\n");
    b.append("|---|---|---|---|---|\n");
    for (Result r : results) {
      b.append(
          String.format(
              "| %s | %s | %s | %d / %d / %d / %d | %d of %d |%n",
              r.c().id(),
              r.c().status(),
              r.codes().isEmpty() ? "-" : String.join(" ", new TreeSet<>(r.codes())),
              r.count(Outcome.AGREE),
              r.count(Outcome.OTHER_RULE),
              r.count(Outcome.TABLE_REVIEW),
              r.count(Outcome.MISSED),
              r.overFlagged(),
              r.okCells()));
    }
    return b.append('\n').toString();
  }
}
