package org.outputintake.scan.table;

import java.util.EnumMap;
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
        "| kind | tables | ACRO-failed cells | agree | agree, as a warning | flagged, other rule | table-level review | missed "
            + "| ACRO-ok cells | over-flagged (blocker) | over-reviewed (warning) |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String kind : List.of("table", "suppressed-output", "model", "all")) {
      List<Result> rs =
          results.stream().filter(r -> kind.equals("all") || r.c().kind().equals(kind)).toList();
      int failed = 0;
      Map<Outcome, Integer> o = new EnumMap<>(Outcome.class);
      int ok = 0;
      int over = 0;
      int review = 0;
      for (Result r : rs) {
        for (Outcome x : Outcome.values()) {
          o.merge(x, r.count(x), Integer::sum);
          failed += r.count(x);
        }
        ok += r.okCells();
        over += r.overFlagged();
        review += r.overReviewed();
      }
      b.append(
          String.format(
              "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |%n",
              kind,
              rs.size(),
              failed,
              o.getOrDefault(Outcome.AGREE, 0),
              o.getOrDefault(Outcome.AGREE_AS_WARNING, 0),
              o.getOrDefault(Outcome.OTHER_RULE, 0),
              o.getOrDefault(Outcome.TABLE_REVIEW, 0),
              o.getOrDefault(Outcome.MISSED, 0),
              ok,
              over,
              review));
    }
    int fails = 0;
    int blocked = 0;
    int reviewOnly = 0;
    int silent = 0;
    int passes = 0;
    int clean = 0;
    int warned = 0;
    int overBlocked = 0;
    int released = 0;
    int releasedClean = 0;
    int releasedWarned = 0;
    int releasedBlocked = 0;
    for (Result r : results) {
      if (r.c().kind().equals("suppressed-output")) {
        released++;
        if (r.codes().isEmpty()) releasedClean++;
        else if (r.anyBlocker()) releasedBlocked++;
        else releasedWarned++;
      } else if (r.c().acroFails()) {
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
                + "**no finding %d**. Tables ACRO passes: %d; here clean %d, warnings only %d, blocked %d. "
                + "ACRO's released (suppressed) files: %d; here clean %d, warnings only %d, blocked %d.%n%n",
            fails,
            blocked,
            reviewOnly,
            silent,
            passes,
            clean,
            warned,
            overBlocked,
            released,
            releasedClean,
            releasedWarned,
            releasedBlocked));
    Map<String, Map<Outcome, Integer>> byRule = new TreeMap<>();
    for (Result r : results) {
      r.byRule()
          .forEach(
              (rule, m) -> {
                Map<Outcome, Integer> v =
                    byRule.computeIfAbsent(rule, k -> new EnumMap<>(Outcome.class));
                m.forEach((x, n) -> v.merge(x, n, Integer::sum));
              });
    }
    b.append(
        "| ACRO rule | failed cells | agree | agree, as a warning | flagged, other rule | table-level review | missed |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    byRule.forEach(
        (rule, v) ->
            b.append(
                String.format(
                    "| %s | %d | %d | %d | %d | %d | %d |%n",
                    rule,
                    v.values().stream().mapToInt(Integer::intValue).sum(),
                    v.getOrDefault(Outcome.AGREE, 0),
                    v.getOrDefault(Outcome.AGREE_AS_WARNING, 0),
                    v.getOrDefault(Outcome.OTHER_RULE, 0),
                    v.getOrDefault(Outcome.TABLE_REVIEW, 0),
                    v.getOrDefault(Outcome.MISSED, 0))));
    b.append(
        "\n| case | ACRO | our codes | failed cells agree (blocker + warning) / other rule / table review / missed | ok cells over-flagged |\n");
    b.append("|---|---|---|---|---|\n");
    for (Result r : results) {
      b.append(
          String.format(
              "| %s | %s | %s | %d / %d / %d / %d | %d of %d |%n",
              r.c().id(),
              r.c().status(),
              r.codes().isEmpty() ? "-" : String.join(" ", new TreeSet<>(r.codes())),
              r.count(Outcome.AGREE) + r.count(Outcome.AGREE_AS_WARNING),
              r.count(Outcome.OTHER_RULE),
              r.count(Outcome.TABLE_REVIEW),
              r.count(Outcome.MISSED),
              r.overFlagged(),
              r.okCells()));
    }
    return b.append('\n').toString();
  }
}
