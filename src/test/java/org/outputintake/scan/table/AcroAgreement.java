package org.outputintake.scan.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;

/**
 * Compares our findings on one table with ACRO's verdict on the same table, cell for cell. ACRO's
 * cells are {@code [row, column]} below the header rows and right of the label columns; ours are
 * the spreadsheet references in the evidence ({@code C7 = 3}), which are file lines and columns.
 */
final class AcroAgreement {
  private static final Pattern CELL = Pattern.compile("^([A-Z]{1,3})(\\d{1,9})\\b");

  /** The rule families of ACRO, in report order. */
  static final List<String> RULES =
      List.of("threshold", "p-ratio", "nk-rule", "negative", "missing", "all-values-are-same");

  /** Our table-level warnings: an officer looks at the whole table, but no cell is named. */
  private static final Set<String> TABLE_REVIEW =
      Set.of("UNDERLYING_COUNTS_MISSING", "DOMINANCE_UNCHECKED", "TABLE_UNRECOGNISED");

  /** One table of the corpus, as the manifest gives it. */
  record Case(
      String id,
      String file,
      String kind,
      String status,
      int headerRows,
      int labelColumns,
      Map<String, List<int[]>> cells,
      int dof) {
    static Case of(JsonNode n) {
      JsonNode a = n.get("acro");
      Map<String, List<int[]>> cells = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : a.get("cells").properties()) {
        List<int[]> list = new ArrayList<>();
        e.getValue().forEach(p -> list.add(new int[] {p.get(0).asInt(), p.get(1).asInt()}));
        cells.put(e.getKey(), list);
      }
      return new Case(
          n.get("id").asText(),
          n.get("file").asText(),
          n.get("kind").asText(),
          a.get("status").asText(),
          a.get("headerRows").asInt(),
          a.get("labelColumns").asInt(),
          cells,
          a.has("dof") ? a.get("dof").asInt() : -1);
    }

    boolean acroFails() {
      return !status.equals("pass");
    }
  }

  /** What became of one ACRO-failed cell and rule here. */
  enum Outcome {
    AGREE,
    AGREE_AS_WARNING,
    OTHER_RULE,
    TABLE_REVIEW,
    MISSED
  }

  /** The comparison of one case. */
  record Result(
      Case c,
      List<String> codes,
      Map<String, Map<Outcome, Integer>> byRule,
      int okCells,
      int overFlagged,
      int overReviewed,
      int tableBlockers,
      boolean anyBlocker) {
    /**
     * A table ACRO fails or sends to review, passed here without a word (ACRO's released files
     * aside).
     */
    boolean silentPass() {
      return c.acroFails() && !c.kind().equals("suppressed-output") && codes.isEmpty();
    }

    int count(Outcome o) {
      return byRule.values().stream().mapToInt(m -> m.getOrDefault(o, 0)).sum();
    }
  }

  private AcroAgreement() {}

  /**
   * @param rows the file's rows as read (to know the grid: which data cells hold a value)
   */
  static Result compare(Case c, List<Finding> findings, List<String[]> rows) {
    Map<String, Set<String>> ours = new HashMap<>(); // "line,col" -> ACRO families flagged there
    Map<String, Boolean> ourBlocker = new HashMap<>();
    Set<String> tableCodes = new LinkedHashSet<>();
    int tableBlockers = 0;
    boolean anyBlocker = false;
    List<String> codes = new ArrayList<>();
    for (Finding f : findings) {
      codes.add(f.code());
      anyBlocker |= f.isBlocker();
      Matcher m = CELL.matcher(f.evidence());
      if (m.find() && !f.code().equals("SECONDARY_DISCLOSURE")) {
        String key = Long.parseLong(m.group(2)) + "," + column(m.group(1));
        ours.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(families(f));
        ourBlocker.merge(key, f.isBlocker(), Boolean::logicalOr);
      } else {
        tableCodes.add(f.code());
        if (f.isBlocker()) tableBlockers++;
      }
    }
    Map<String, Map<Outcome, Integer>> byRule = new TreeMap<>();
    Set<String> failed = new LinkedHashSet<>();
    int dataStart = dataStart(c, rows);
    if (!c.kind().equals("suppressed-output")) {
      for (Map.Entry<String, List<int[]>> e : c.cells().entrySet()) {
        for (int[] cell : e.getValue()) {
          String key = (dataStart + cell[0]) + "," + (c.labelColumns() + cell[1]);
          failed.add(key);
          Set<String> at = ours.getOrDefault(key, Set.of());
          Outcome o;
          if (at.contains(e.getKey()))
            o = ourBlocker.getOrDefault(key, false) ? Outcome.AGREE : Outcome.AGREE_AS_WARNING;
          else if (!at.isEmpty()) o = Outcome.OTHER_RULE;
          else if (tableCodes.stream().anyMatch(code -> reviews(code, e.getKey())))
            o = Outcome.TABLE_REVIEW;
          else o = Outcome.MISSED;
          byRule.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(o, 1, Integer::sum);
        }
      }
    }
    if (c.kind().equals("model") && c.acroFails()) {
      Outcome o =
          codes.contains("LOW_DEGREES_OF_FREEDOM")
              ? Outcome.AGREE
              : codes.contains("DEGREES_OF_FREEDOM_MISSING")
                  ? Outcome.TABLE_REVIEW
                  : Outcome.MISSED;
      byRule.computeIfAbsent("dof", k -> new TreeMap<>()).merge(o, 1, Integer::sum);
    }
    int okCells = 0;
    int overFlagged = 0;
    int overReviewed = 0;
    if (!c.kind().equals("model")) {
      for (int r = dataStart; r <= rows.size(); r++) {
        String[] row = rows.get(r - 1);
        for (int col = c.labelColumns(); col < row.length; col++) {
          String key = r + "," + col;
          if (row[col].isBlank() || failed.contains(key)) continue;
          okCells++;
          if (ourBlocker.getOrDefault(key, false)) overFlagged++;
          else if (ours.containsKey(key)) overReviewed++;
        }
      }
    }
    if (!c.acroFails() || c.kind().equals("suppressed-output")) {
      // a blocker on a whole table ACRO let through, or on a file ACRO already made safe
      overFlagged += tableBlockers;
    }
    return new Result(
        c, codes, byRule, okCells, overFlagged, overReviewed, tableBlockers, anyBlocker);
  }

  /** The file line of ACRO's row 0: after the header rows, blank lines not counted. */
  private static int dataStart(Case c, List<String[]> rows) {
    int seen = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (seen == c.headerRows()) return i + 1;
      if (!isBlank(rows.get(i))) seen++;
    }
    return rows.size() + 1;
  }

  static boolean isBlank(String[] row) {
    for (String s : row) if (!s.isBlank()) return false;
    return true;
  }

  /** ACRO's rule families of one of our cell findings (DOMINANCE names its rules). */
  static Set<String> families(Finding f) {
    return switch (f.code()) {
      case "LOW_COUNT", "ZERO_COUNT" -> Set.of("threshold");
      case "DOMINANCE" -> {
        Set<String> s = new LinkedHashSet<>();
        if (f.evidence().contains("p-ratio")) s.add("p-ratio");
        if (f.evidence().contains("nk-rule")) s.add("nk-rule");
        yield s;
      }
      default -> Set.of(f.code().toLowerCase(Locale.ROOT));
    };
  }

  /** Whether a table-level warning of ours sends the officer to what ACRO's rule found. */
  private static boolean reviews(String code, String rule) {
    if (!TABLE_REVIEW.contains(code)) return false;
    return switch (rule) {
      case "threshold" -> !code.equals("DOMINANCE_UNCHECKED");
      case "p-ratio", "nk-rule" -> !code.equals("UNDERLYING_COUNTS_MISSING");
      default -> true; // negative, missing, all-values-are-same: the records decide, any review
    };
  }

  static int column(String letters) {
    int n = 0;
    for (char ch : letters.toCharArray()) n = n * 26 + (ch - 'A' + 1);
    return n - 1;
  }
}
