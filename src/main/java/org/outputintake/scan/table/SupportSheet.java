package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * A sheet (or CSV file) that may give the largest contributions per cell of a magnitude table, read
 * in the layouts researchers send them in:
 *
 * <ul>
 *   <li>long: the table's row labels (and, for a cross-tabulation, a column naming the table's
 *       column) then {@code top1}/{@code largest}/{@code max} and {@code top2}/{@code
 *       second_largest}, optionally {@code n} (contributors) and the total;
 *   <li>wide: the table's row labels, then per column of the table {@code <column>_top1} and {@code
 *       <column>_top2} (or {@code largest_<column>}...);
 *   <li>the same grid as the table, once for the largest and once for the second largest, in sheets
 *       or files named so ({@code top1}, {@code largest}, {@code second_largest}).
 * </ul>
 */
final class SupportSheet {
  static final int X1 = 0;
  static final int X2 = 1;
  static final int N = 2;
  static final int TOTAL = 3;

  /** Whether the sheet gives contributions at all (else it is not supporting material). */
  final boolean recognised;

  /** Per cell key ({@code rowKey␟column}), {x1, x2, n, total}; NaN where not given. */
  final Map<String, double[]> cells = new HashMap<>();

  /** Row labels of this sheet that no row of the table has (as shown), at most a few. */
  final Set<String> strayRows = new LinkedHashSet<>();

  long strayRowCount;

  /** Rows whose labels are the table's. */
  long matchedRows;

  /** Why nothing could be matched, when that is known (layout, not values). */
  String layoutProblem = "";

  /** Whether a largest or second largest contribution of one of the table's cells was found. */
  boolean contributes() {
    for (double[] a : cells.values()) {
      if (!Double.isNaN(a[X1]) || !Double.isNaN(a[X2])) return true;
    }
    return false;
  }

  private SupportSheet(boolean recognised) {
    this.recognised = recognised;
  }

  /**
   * The sheet read against {@code target}.
   *
   * @param name the sheet's name, or the file's name for a CSV file: a grid named {@code top1} or
   *     {@code second_largest} gives that contribution for every cell
   */
  static SupportSheet read(TargetSheet target, TableGrid.Sheet sheet, String name) {
    String[] headers = TargetSheet.header(sheet);
    if (headers.length < 2) return new SupportSheet(false);
    String[] norms = new String[headers.length];
    for (int c = 0; c < headers.length; c++) norms[c] = ColumnNames.normalize(headers[c]);
    int[] kind = new int[headers.length];
    String[] base = new String[headers.length];
    int first = -1;
    for (int c = 0; c < headers.length; c++) {
      kind[c] = classify(norms[c]);
      base[c] = kind[c] == X1 || kind[c] == X2 ? base(norms[c]) : "";
      if (kind[c] >= 0 && first < 0) first = c;
    }
    List<String[]> rows = new ArrayList<>();
    for (int r = sheet.dataStart() - 1; r < sheet.rows().size(); r++) {
      if (r >= 0 && !TargetSheet.blank(sheet.rows().get(r))) rows.add(sheet.rows().get(r));
    }
    boolean contributions = false;
    for (int k : kind) contributions |= k == X1 || k == X2;
    SupportSheet s;
    if (contributions) {
      List<Integer> labels = labelColumns(kind, first);
      // row labels are never amounts: a decimal among them is a table of its own that gives its
      // own largest contributions, not supporting material for another
      if (amountsIn(labels, rows)) return new SupportSheet(false);
      s = new SupportSheet(true);
      s.columns(target, headers, norms, kind, base, labels, rows);
    } else {
      int whole = nameKind(ColumnNames.normalize(name));
      if (whole < 0) return new SupportSheet(false);
      s = new SupportSheet(true);
      s.grid(target, norms, whole, rows);
    }
    return s;
  }

  /** X1, X2, N, TOTAL for a contribution, contributor count or total column; -1 otherwise. */
  private static int classify(String n) {
    if (DominanceCheck.isSecond(n)) return X2;
    if (DominanceCheck.isLargest(n)
        || n.equals("top_contribution")
        || n.equals("largest_contribution")) return X1;
    if (ColumnWords.CONTRIBUTOR_COUNTS.contains(n)) return N;
    if (n.equals("total") || n.equals("sum") || ColumnNames.hasWord(n, "sum")) return TOTAL;
    ColumnRole role = ColumnRole.of(n, Set.of(), n);
    if (role == ColumnRole.COUNT && !ColumnRole.isTotalLabel(n)) return N;
    return -1;
  }

  /**
   * The row-label columns: those before the first contribution, count or total; when the sheet
   * starts with its contributions ({@code top1, top2, Region}), the columns after them that are
   * none of these.
   */
  private static List<Integer> labelColumns(int[] kind, int first) {
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < first; c++) labels.add(c);
    if (!labels.isEmpty()) return labels;
    for (int c = first; c < kind.length; c++) {
      if (kind[c] < 0) labels.add(c);
    }
    return labels;
  }

  private static boolean amountsIn(List<Integer> labels, List<String[]> rows) {
    for (String[] cells : rows) {
      for (int c : labels) {
        String v = c < cells.length && cells[c] != null ? cells[c].strip() : "";
        if (!v.isEmpty() && (Cells.parse(v) == Cells.DECIMAL || Cells.money(v))) return true;
      }
    }
    return false;
  }

  /** What a same-grid sheet named so holds for every cell, or -1. */
  private static int nameKind(String n) {
    if (DominanceCheck.isSecond(n)
        || ColumnNames.hasWordStart(n, "second")
        || ColumnNames.hasWordStart(n, "top2")
        || ColumnNames.hasWord(n, "2nd")) return X2;
    if (ColumnNames.hasWordStart(n, "largest")
        || ColumnNames.hasWordStart(n, "top1")
        || ColumnNames.hasWord(n, "max")
        || ColumnNames.hasWord(n, "maximum")
        || DominanceCheck.isLargest(n)) return X1;
    // a grid of contributor counts named "n" is the table's underlying counts, an output itself
    return -1;
  }

  /** The table column a contribution column is about: {@code retail_top1} is about "retail". */
  static String base(String n) {
    StringBuilder b = new StringBuilder();
    for (String w : n.split("_")) {
      if (ColumnWords.CONTRIBUTION_GENERIC.contains(w)) continue;
      if (b.length() > 0) b.append('_');
      b.append(w);
    }
    return b.toString();
  }

  /** Long and wide layouts: row labels, then contribution columns. */
  private void columns(
      TargetSheet t,
      String[] headers,
      String[] norms,
      int[] kind,
      String[] base,
      List<Integer> labels,
      List<String[]> rows) {
    Set<String> judged = judgedNames(t);
    List<Integer> keys = new ArrayList<>(labels);
    // a key column whose values name the table's columns: a cross-tabulation sent in long format
    int columnKey = -1;
    // with one judged column, only a key column more than the table has can name it
    if (t.judged.size() > 1 || t.judged.size() == 1 && keys.size() > t.keys) {
      double best = t.judged.size() > 1 ? 0.5 : 1.0;
      for (int c : keys) {
        Set<String> values = new HashSet<>();
        int hits = 0;
        for (String[] cells : rows) {
          String v = ColumnNames.normalize(c < cells.length ? cells[c] : null);
          if (values.add(v) && judged.contains(v)) hits++;
        }
        double share = values.isEmpty() ? 0 : (double) hits / values.size();
        if (share >= best) {
          best = share;
          columnKey = c;
        }
      }
    }
    final int colKey = columnKey;
    keys.removeIf(c -> c == colKey);
    int[] order = keyOrder(t, norms, keys);
    if (order == null) {
      layoutProblem =
          "its row labels are in "
              + keys.size()
              + " column"
              + (keys.size() == 1 ? "" : "s")
              + ", the table's in "
              + t.keys;
      return;
    }
    String single = defaultColumn(t);
    boolean generic = false;
    for (int c = 0; c < headers.length; c++)
      generic |= (kind[c] == X1 || kind[c] == X2) && base[c].isEmpty();
    if (generic && colKey < 0 && single == null) {
      layoutProblem = "it does not say which of the table's columns each row is about";
      return;
    }
    forMatchedRows(
        t,
        rows,
        order,
        colKey,
        (rowKey, cells) -> {
          String rowColumn = colKey >= 0 ? aboutColumn(cells, colKey) : single;
          for (int c = 0; c < headers.length; c++) {
            if (kind[c] < 0) continue;
            double v = TargetSheet.number(cells, c);
            if (Double.isNaN(v)) continue;
            if ((kind[c] == X1 || kind[c] == X2) && !base[c].isEmpty()) {
              if (judged.contains(base[c])) put(rowKey, base[c], kind[c], v);
            } else if (rowColumn != null && judged.contains(rowColumn)) {
              put(rowKey, rowColumn, kind[c], v);
            }
          }
        });
  }

  /**
   * Each row whose labels are one of the table's rows and, in a long cross-tabulation, whose column
   * key names none but the table's judged columns; the others are noted as strays (a row about a
   * column the table lacks is as unmatched as one about a row it lacks, and must not make the sheet
   * look as if it gave this table's contributions).
   */
  private void forMatchedRows(
      TargetSheet t,
      List<String[]> rows,
      int[] order,
      int columnKey,
      java.util.function.BiConsumer<String, String[]> each) {
    Set<String> rowKeys = rowKeys(t);
    Set<String> judged = judgedNames(t);
    for (String[] cells : rows) {
      String rowKey = key(cells, order);
      boolean tableRow = rowKeys.contains(rowKey);
      if (!tableRow || columnKey >= 0 && aboutOther(cells, columnKey, judged)) {
        // a table row about another column is told by that column; other strays by their labels
        stray(cells, order, tableRow ? columnKey : -1);
        continue;
      }
      matchedRows++;
      each.accept(rowKey, cells);
    }
  }

  /** The same grid as the table, holding one kind of value in every cell. */
  private void grid(TargetSheet t, String[] norms, int whole, List<String[]> rows) {
    Set<String> judged = judgedNames(t);
    List<Integer> keys = new ArrayList<>();
    for (int c = 0; c < Math.min(t.keys, norms.length); c++) keys.add(c);
    int[] order = keyOrder(t, norms, keys);
    int matching = 0;
    for (String n : norms) if (judged.contains(n)) matching++;
    if (order == null || matching == 0) {
      layoutProblem = "its columns are not the table's";
      return;
    }
    forMatchedRows(
        t,
        rows,
        order,
        -1,
        (rowKey, cells) -> {
          for (int c = t.keys; c < norms.length; c++) {
            double v = TargetSheet.number(cells, c);
            if (!Double.isNaN(v) && judged.contains(norms[c])) put(rowKey, norms[c], whole, v);
          }
        });
  }

  /**
   * For each of the table's key columns, the column of this sheet that holds it: by header, then in
   * order; null when the counts differ.
   */
  private static int[] keyOrder(TargetSheet t, String[] norms, List<Integer> keys) {
    if (keys.size() != t.keys) return null;
    int[] order = new int[t.keys];
    List<Integer> left = new ArrayList<>(keys);
    boolean[] done = new boolean[t.keys];
    for (int k = 0; k < t.keys; k++) {
      for (int c : left) {
        if (!t.norms[k].isEmpty() && t.norms[k].equals(norms[c])) {
          order[k] = c;
          done[k] = true;
          left.remove(Integer.valueOf(c));
          break;
        }
      }
    }
    for (int k = 0; k < t.keys; k++) {
      if (!done[k]) order[k] = left.remove(0);
    }
    return order;
  }

  private static String key(String[] cells, int[] order) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < order.length; k++) {
      if (k > 0) b.append('\u001f');
      b.append(TargetSheet.label(order[k] < cells.length ? cells[order[k]] : null));
    }
    return b.toString();
  }

  private static String aboutColumn(String[] cells, int columnKey) {
    return ColumnNames.normalize(columnKey < cells.length ? cells[columnKey] : null);
  }

  /** Whether a long row names a column the table does not judge (a row cut short names none). */
  private static boolean aboutOther(String[] cells, int columnKey, Set<String> judged) {
    String about = aboutColumn(cells, columnKey);
    return !about.isEmpty() && !judged.contains(about);
  }

  /**
   * @param columnKey the column naming the table's column the row is about, shown after the row's
   *     labels; -1 when it is not what is wrong
   */
  private void stray(String[] cells, int[] order, int columnKey) {
    strayRowCount++;
    if (strayRows.size() >= 3) return;
    StringBuilder b = new StringBuilder();
    for (int c : order) {
      if (b.length() > 0) b.append(" / ");
      b.append(c < cells.length && cells[c] != null ? cells[c].strip() : "");
    }
    if (columnKey >= 0)
      b.append(" / ")
          .append(
              columnKey < cells.length && cells[columnKey] != null ? cells[columnKey].strip() : "");
    strayRows.add(b.toString());
  }

  private void put(String rowKey, String column, int what, double v) {
    double[] a =
        cells.computeIfAbsent(
            rowKey + '\u001f' + column,
            k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    a[what] = v;
  }

  static Set<String> judgedNames(TargetSheet t) {
    Set<String> out = new HashSet<>();
    for (int c : t.judged) out.add(t.norms[c]);
    return out;
  }

  private static Set<String> rowKeys(TargetSheet t) {
    Set<String> out = new HashSet<>();
    for (int r = 0; r < t.rows.size(); r++) out.add(t.rowKey(r));
    return out;
  }

  /**
   * The column a long file's rows are about when nothing names it: the table's only judged column,
   * or its only total.
   */
  static String defaultColumn(TargetSheet t) {
    if (t.judged.size() == 1) return t.norms[t.judged.get(0)];
    String only = null;
    for (int i = 0; i < t.judged.size(); i++) {
      if (t.kinds.get(i) != TargetSheet.Kind.TOTAL) continue;
      if (only != null) return null;
      only = t.norms[t.judged.get(i)];
    }
    return only;
  }
}
