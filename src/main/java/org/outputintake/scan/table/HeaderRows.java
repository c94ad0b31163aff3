package org.outputintake.scan.table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * The header of a table, which may run over several rows as pandas writes them: levels of column
 * names, and the index-name row.
 */
final class HeaderRows {
  private String[] headers;
  private final String[] top;
  private boolean multiLevel;
  private boolean levelAdded;
  private int rows;

  private HeaderRows(String[] headers, boolean multiLevel) {
    this.headers = headers;
    this.top = headers.clone();
    this.multiLevel = multiLevel;
    this.rows = 1;
  }

  /** The first header row: repeated names or an empty corner mean more levels may follow. */
  static HeaderRows first(String[] cells, int width) {
    String[] headers = new String[width];
    Set<String> seen = new HashSet<>();
    boolean multiLevel = false;
    for (int c = 0; c < width; c++) {
      headers[c] = cells[c] == null ? "" : cells[c].strip();
      if (c > 0 && !headers[c].isEmpty() && !seen.add(headers[c])) multiLevel = true;
    }
    if (headers[0].isEmpty()) multiLevel = true;
    return new HeaderRows(headers, multiLevel);
  }

  /** The column names so far, levels joined by a space (entries may be null past the first row). */
  String[] names() {
    return headers;
  }

  int rows() {
    return rows;
  }

  /**
   * A further header row, as pandas writes them: the index-name row (the index columns' names, the
   * rest blank) or, below a header with an empty corner or repeated names, another level of column
   * names (text, no numbers; a category such as {@code C} or {@code x} is a name here, not a
   * suppression marker, as long as the row also has plain names).
   */
  boolean extend(String[] cells, int width) {
    boolean first = width > 0 && cells[0] != null && !cells[0].isBlank();
    int filled = 0;
    int markers = 0;
    int lastFilled = 0;
    for (int c = 1; c < width; c++) {
      String v = cells[c] == null ? "" : cells[c].strip();
      if (v.isEmpty()) continue;
      if (Cells.parse(v) != Cells.NOT_INTEGER || Cells.money(v) || Cells.estimate(v)) return false;
      if (Cells.suppressed(v)) markers++;
      filled++;
      lastFilled = c;
    }
    if (markers > 0 && (!multiLevel || filled - markers < markers)) return false;
    if (first && filled == lastFilled && indexNames(filled, width)) {
      for (int c = 0; c <= filled; c++) headers[c] = cells[c].strip();
    } else if (multiLevel && filled >= Math.max(1, Math.min(headers.length - 2, levelCells()))) {
      if (width > headers.length) headers = Arrays.copyOf(headers, width);
      for (int c = 0; c < width; c++) {
        String v = cells[c] == null ? "" : cells[c].strip();
        if (headers[c] == null || headers[c].isEmpty()) headers[c] = v;
        else if (!v.isEmpty() && c > 0) headers[c] = headers[c] + " " + v;
      }
      levelAdded = true;
    } else {
      return false;
    }
    rows++;
    return true;
  }

  /**
   * The variable named above every given column when pandas' {@code pivot_table(values=...)} writes
   * it as the top level of the header: one name over all of them, which names no statistic, so the
   * table does not say whether its cells are counts, sums or means of it. Null otherwise.
   */
  String valueVariable(int[] columns) {
    if (!levelAdded || columns.length == 0) return null;
    String name = null;
    for (int c : columns) {
      String v = c < top.length && top[c] != null ? top[c] : "";
      if (v.isEmpty() || name != null && !name.equals(v)) return null;
      name = v;
    }
    String norm = ColumnNames.normalize(name);
    boolean statistic =
        ColumnRole.of(norm, Set.of(), name) != ColumnRole.OTHER || ColumnRole.isTotalLabel(norm);
    return statistic ? null : name;
  }

  /**
   * Whether the first {@code 1 + more} cells of a row can be the index names pandas writes below
   * multi-level column names: the header left those columns blank, and most of the row is blank.
   */
  private boolean indexNames(int more, int width) {
    if (more == 0) return true;
    if (!multiLevel || more + 1 > width / 2 || more >= headers.length) return false;
    for (int c = 1; c <= more; c++) {
      if (headers[c] != null && !headers[c].isEmpty()) return false;
    }
    return true;
  }

  /**
   * The cells a further level of column names fills: every column named in the header except a
   * margin ({@code All}, {@code Total}), whose lower levels pandas leaves blank.
   */
  private int levelCells() {
    int n = 0;
    for (int c = 1; c < headers.length; c++) {
      String h = headers[c];
      if (h != null && !h.isEmpty() && !ColumnRole.isTotalLabel(ColumnNames.normalize(h))) n++;
    }
    return n;
  }

  /**
   * A one-column table's header as R's write.csv writes it: a blank corner, then the column's name
   * ({@code "","Overall"}). A title sits in the first column.
   */
  static boolean blankCorner(String[] cells, int width) {
    if (width < 2 || cells[0] != null && !cells[0].isBlank()) return false;
    String name = cells[1];
    return name != null && !name.isBlank() && Cells.parse(name.strip()) == Cells.NOT_INTEGER;
  }
}
