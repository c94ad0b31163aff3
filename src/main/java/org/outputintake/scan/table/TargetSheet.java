package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * A magnitude table as read for the dominance check against a supporting file: its key columns (row
 * labels), the value columns whose cells the rules judge, and how to get each cell's total (a sum
 * is the total; a mean needs the number of contributors).
 */
final class TargetSheet {
  enum Kind {
    TOTAL,
    MEAN,
    MEDIAN
  }

  final String where;
  final String[] headers;
  final String[] norms;
  final int keys;
  final List<Integer> judged = new ArrayList<>();
  final List<Kind> kinds = new ArrayList<>();

  /** A count column beside means (long format: one count per row), or -1. */
  final int countColumn;

  /** Data rows and their 1-based sheet row numbers. */
  final List<String[]> rows = new ArrayList<>();

  final List<Long> rowNumbers = new ArrayList<>();

  /**
   * @param where the table's place as findings give it ({@code sheet 'T1'}, or empty for a CSV)
   */
  TargetSheet(String where, TableGrid.Sheet sheet, Set<String> declaredCounts) {
    this.where = where;
    this.headers = header(sheet);
    this.norms = new String[headers.length];
    for (int c = 0; c < headers.length; c++) norms[c] = ColumnNames.normalize(headers[c]);
    for (int r = sheet.dataStart() - 1; r < sheet.rows().size(); r++) {
      String[] cells = sheet.rows().get(r);
      if (r < 0 || blank(cells)) continue;
      rows.add(cells);
      rowNumbers.add(r + 1L);
    }
    int k = 0;
    for (; k < headers.length; k++) {
      ColumnRole role = ColumnRole.of(norms[k], declaredCounts, headers[k]);
      if (!(k == 0 || role == ColumnRole.NOT_COUNT || hasText(rows, k))) break;
    }
    this.keys = Math.max(k, 1);
    int count = -1;
    List<Integer> totals = new ArrayList<>();
    for (int c = keys; c < headers.length; c++) {
      // the table's own contribution columns are not cells to judge
      if (!hasNumber(rows, c)
          || DominanceCheck.isLargest(norms[c])
          || DominanceCheck.isSecond(norms[c])) continue;
      ColumnRole role = ColumnRole.of(norms[c], declaredCounts, headers[c]);
      switch (role) {
        case COUNT -> {
          if (ColumnRole.isTotalLabel(norms[c])) totals.add(c);
          else if (count < 0) count = c;
        }
        case MAGNITUDE -> {
          if (ColumnRole.dominanceApplies(norms[c])) add(c);
        }
        case OTHER -> add(c);
        default -> {}
      }
    }
    // a "Total" column beside amounts is the margin of a magnitude table, itself a cell
    if (!judged.isEmpty()) totals.forEach(this::add);
    this.countColumn = count;
  }

  private void add(int c) {
    judged.add(c);
    String n = norms[c];
    kinds.add(
        ColumnNames.hasWord(n, "mean")
                || ColumnNames.hasWord(n, "average")
                || ColumnNames.hasWord(n, "avg")
            ? Kind.MEAN
            : ColumnNames.hasWord(n, "median") ? Kind.MEDIAN : Kind.TOTAL);
  }

  /** The column a judged cell is named by in findings. */
  String header(int c) {
    return headers[c].isEmpty() ? "column " + TableAnalyzer.letters(c) : headers[c];
  }

  /** Where a cell is, as the table scanner says it: {@code sheet 'T1', row 4, column 'Retail'}. */
  String location(long row, int c) {
    return (where.isEmpty() ? "" : where + ", ") + "row " + row + ", column '" + header(c) + "'";
  }

  /** The key of row {@code r}: its label cells, normalized, joined. */
  String rowKey(int r) {
    StringBuilder b = new StringBuilder();
    String[] cells = rows.get(r);
    for (int c = 0; c < keys; c++) {
      if (c > 0) b.append('\u001f');
      b.append(label(c < cells.length ? cells[c] : null));
    }
    return b.toString();
  }

  /** The row's labels as shown to people. */
  String rowLabel(int r) {
    StringBuilder b = new StringBuilder();
    String[] cells = rows.get(r);
    for (int c = 0; c < keys; c++) {
      String v = c < cells.length && cells[c] != null ? cells[c].strip() : "";
      if (b.length() > 0) b.append(" / ");
      b.append(v);
    }
    return b.toString();
  }

  /**
   * A label cell compared across files: case, spacing and "2019.0" against "2019" do not matter.
   */
  static String label(String v) {
    if (v == null) return "";
    String s = v.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    long n = Cells.parse(s);
    if (n != Cells.NOT_INTEGER && n != Cells.DECIMAL) return Long.toString(n);
    return s;
  }

  /** A number in a cell (thousands separators, currency signs), or NaN. */
  static double number(String[] cells, int c) {
    if (c < 0 || c >= cells.length || cells[c] == null) return Double.NaN;
    String v = cells[c].strip().replace(",", "").replace("£", "").replace("$", "").replace("€", "");
    if (v.isEmpty()) return Double.NaN;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The header row; pandas' index-name row fills an empty corner. */
  static String[] header(TableGrid.Sheet sheet) {
    if (sheet.headerRow() == 0) return new String[0];
    String[] h = sheet.rows().get(sheet.headerRow() - 1).clone();
    for (int i = 0; i < h.length; i++) h[i] = h[i] == null ? "" : h[i].strip();
    if (h.length > 0 && h[0].isEmpty() && sheet.dataStart() > sheet.headerRow() + 1) {
      String[] names = sheet.rows().get(sheet.headerRow());
      if (names.length > 0 && names[0] != null) h[0] = names[0].strip();
    }
    return h;
  }

  static boolean hasText(List<String[]> rows, int c) {
    for (String[] cells : rows) {
      String v = c < cells.length && cells[c] != null ? cells[c].strip() : "";
      if (!v.isEmpty()
          && Cells.parse(v) == Cells.NOT_INTEGER
          && !Cells.suppressed(v)
          && !Cells.money(v)) return true;
    }
    return false;
  }

  static boolean hasNumber(List<String[]> rows, int c) {
    for (String[] cells : rows) {
      if (!Double.isNaN(number(cells, c))) return true;
    }
    return false;
  }

  static boolean blank(String[] cells) {
    for (String v : cells) {
      if (v != null && !v.isBlank()) return false;
    }
    return true;
  }
}
