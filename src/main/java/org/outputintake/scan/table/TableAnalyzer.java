package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.ColumnNames;
import org.outputintake.scan.identifier.ColumnProfile;
import org.outputintake.scan.identifier.IdentifierFinder;

/**
 * Statistical disclosure checks on one table, fed row by row so that a table of any length needs memory for
 * its columns only. The header is the first row with two or more filled cells; rows above it (titles, notes)
 * are scanned for identifiers only.
 */
final class TableAnalyzer {
  private final String where;
  private final ScanContext ctx;
  private final FindingCollector out;
  private final IdentifierFinder finder;
  private ColumnStats[] columns;
  private long dataRows;
  private long lastRow;
  private boolean totalRowSeen;
  private final List<long[]> rowSecondary = new ArrayList<>();
  private final List<Finding> rowFindings = new ArrayList<>();
  private final RowLabel.Memo labels = new RowLabel.Memo();

  /** @param where the table's place, e.g. {@code sheet 'Table 1'}, or empty for a CSV file */
  TableAnalyzer(String where, ScanContext ctx, FindingCollector out, IdentifierFinder finder) {
    this.where = where;
    this.ctx = ctx;
    this.out = out;
    this.finder = finder;
  }

  /** One row; {@code row} is the 1-based row number a spreadsheet program shows, {@code cells} may hold nulls. */
  void row(long row, String[] cells, int width) {
    lastRow = row;
    if (columns == null) {
      if (filled(cells, width) < 2) {
        for (int i = 0; i < width; i++) {
          if (cells[i] != null) finder.scanLine(cells[i], null, (k, m) -> out.add(IdentifierFinder.finding(k,
              location(row, -1), m)));
        }
        return;
      }
      header(cells, width);
      return;
    }
    dataRows++;
    if (width > columns.length) widen(width);
    String label = width > 0 && cells[0] != null ? cells[0].strip() : "";
    boolean totalRow = false;
    RowLabel rowLabel = RowLabel.NONE;
    if (RowLabel.mayMatter(label)) {
      rowLabel = labels.of(label);
      totalRow = rowLabel.total();
    }
    String labelNorm = rowLabel.norm();
    if (totalRow) totalRowSeen = true;
    int totalCol = -1;
    int suppressedInRow = 0;
    int suppressedCol = -1;
    int numbersInRow = 0;
    long firstNumber = Cells.NOT_INTEGER;
    for (int c = 0; c < width; c++) {
      ColumnStats col = columns[c];
      String raw = cells[c];
      String v = raw == null ? "" : raw.strip();
      if (v.isEmpty()) {
        col.blanks++;
        if (col.firstBlankRow == 0) col.firstBlankRow = row;
        if (!totalRow) col.blanksOutsideTotal++;
        continue;
      }
      long n = Cells.parse(v);
      if (n == Cells.NOT_INTEGER) col.identifiers.accept(v, row);
      else col.identifiers.acceptNumber(v, row);
      if (c == 0 && !labelNorm.isEmpty()) continue;
      if (n == Cells.DECIMAL) {
        col.decimals++;
        numbersInRow++;
        if (col.role == ColumnRole.DEGREES_OF_FREEDOM) degreesOfFreedom(row, c, parseDouble(v));
        if (firstNumber == Cells.NOT_INTEGER) firstNumber = Cells.DECIMAL;
      } else if (n != Cells.NOT_INTEGER) {
        integer(col, row, c, n, totalRow);
        numbersInRow++;
        if (firstNumber == Cells.NOT_INTEGER) firstNumber = n;
        if (col.totalColumn) totalCol = c;
      } else if (Cells.suppressed(v)) {
        col.suppressed++;
        if (!totalRow) {
          col.suppressedOutsideTotal++;
          if (col.firstSuppressedRow == 0) col.firstSuppressedRow = row;
        }
        suppressedInRow++;
        suppressedCol = c;
      } else {
        col.text++;
      }
    }
    if (totalCol >= 0 && suppressedInRow == 1 && suppressedCol != totalCol && numbersInRow >= 2) {
      rowSecondary.add(new long[] {row, suppressedCol});
    }
    if (!labelNorm.isEmpty()) rowLabel(row, rowLabel, label, numbersInRow, firstNumber);
  }

  private void integer(ColumnStats col, long row, int c, long n, boolean totalRow) {
    col.integers++;
    if (n < 0) col.negatives++;
    if (col.firstNumericRow == 0) col.firstNumericRow = row;
    if (totalRow) col.totalRowValue = n;
    else col.numericOutsideTotal++;
    if (n > 0 && n < ctx.threshold()) col.low(row, n);
    int base = ctx.policy().roundingBase();
    if (ctx.policy().requiresRounding() && n > 0 && n % base != 0) col.unrounded(row, n);
    if (col.role == ColumnRole.DEGREES_OF_FREEDOM) degreesOfFreedom(row, c, n);
    if (col.role == ColumnRole.EXTREME) col.extremeNumbers++;
  }

  private void rowLabel(long row, RowLabel kind, String label, int numbers, long firstNumber) {
    if (numbers > 0 && kind.extreme()) {
      rowFindings.add(new Finding("EXTREME_VALUE", Severity.BLOCKER, location(row, -1),
          "Row '" + label + "' shows a minimum, maximum or range, which is one person's or business's value. "
              + "Remove it or replace it with a percentile band.", ""));
    }
    if (kind.degreesOfFreedom() && firstNumber != Cells.NOT_INTEGER && firstNumber != Cells.DECIMAL) {
      degreesOfFreedom(row, -1, firstNumber);
    }
  }

  private void degreesOfFreedom(long row, int c, double df) {
    if (df >= 0 && df < 10) {
      rowFindings.add(new Finding("LOW_DEGREES_OF_FREEDOM", Severity.BLOCKER, location(row, c),
          "A model with fewer than 10 residual degrees of freedom can reveal individual values. "
              + "Fit it on more observations or fewer parameters.", "df " + (long) df));
    }
  }

  private static double parseDouble(String v) {
    try {
      return Double.parseDouble(v.replace(",", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Emits the table's findings; call once after the last row. */
  void finish() {
    if (columns == null) return;
    boolean crossTab = crossTabulation();
    List<ColumnStats> counts = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      ColumnStats col = columns[c];
      if (col.role == ColumnRole.COUNT || crossTab && c > 0 && col.role == ColumnRole.OTHER && col.countLike()) {
        counts.add(col);
      }
    }
    cells(counts, "LOW_COUNT");
    if (ctx.policy().requiresRounding()) cells(counts, "UNROUNDED_COUNT");
    secondary(counts);
    rowFindings.forEach(out::add);
    for (ColumnStats col : columns) {
      if (col.role == ColumnRole.EXTREME && col.integers + col.decimals > 0) {
        out.add(new Finding("EXTREME_VALUE", Severity.BLOCKER, location(0, index(col)),
            "Column '" + col.header + "' shows minimums, maximums or ranges, which are single units' values. "
                + "Remove it or replace it with percentiles.", ""));
      }
    }
    underlyingCounts(counts);
    long maxRows = ctx.policy().maxRows();
    if (maxRows > 0 && dataRows > maxRows) {
      out.add(new Finding("TOO_MANY_ROWS", Severity.BLOCKER, where, "The table has " + dataRows
          + " data rows; the policy allows at most " + maxRows + ". Aggregate it or keep only the rows needed.",
          dataRows + " rows"));
    }
    for (ColumnStats col : columns) {
      col.identifiers.report(where, out::add);
    }
  }

  /** A label column and at least two columns of non-negative whole numbers, none named as a statistic. */
  private boolean crossTabulation() {
    int countLike = 0;
    for (int c = 1; c < columns.length; c++) {
      ColumnStats col = columns[c];
      if (col.role == ColumnRole.STATISTIC || col.role == ColumnRole.EXTREME || col.role == ColumnRole.NOT_COUNT
          || col.role == ColumnRole.DEGREES_OF_FREEDOM) {
        return false;
      }
      if (col.integers + col.decimals + col.text == 0) continue;
      if (!col.countLike()) return false;
      countLike++;
    }
    return countLike >= 2;
  }

  private void cells(List<ColumnStats> counts, String code) {
    boolean low = code.equals("LOW_COUNT");
    List<long[]> kept = new ArrayList<>();
    long total = 0;
    for (ColumnStats col : counts) {
      int k = low ? col.lowKept : col.unroundedKept;
      for (int i = 0; i < k; i++) {
        kept.add(new long[] {low ? col.lowRows[i] : col.unroundedRows[i], index(col),
            low ? col.lowValues[i] : col.unroundedValues[i]});
      }
      total += low ? col.lowCount : col.unroundedCount;
    }
    kept.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
    int shown = 0;
    Finding last = null;
    for (long[] cell : kept) {
      if (shown == ColumnStats.KEEP) break;
      last = low ? lowCount(cell) : unrounded(cell);
      out.add(last);
      shown++;
    }
    if (last != null) out.addMore(last, total - shown);
  }

  private Finding lowCount(long[] cell) {
    return new Finding("LOW_COUNT", Severity.BLOCKER, location(cell[0], (int) cell[1]),
        // the message is emailed, so it names the cell, never its value; the value stays in the masked evidence
        "This count is above 0 and below the threshold of " + ctx.threshold() + " (" + ctx.policy().name()
            + "). Suppress it (and enough other cells to stop it being worked out) or combine categories.",
        cellRef(cell) + " = " + cell[2]);
  }

  /** The spreadsheet reference of a cell, {@code C7}: officers find it directly, and ACRO's cell lists use it. */
  private static String cellRef(long[] cell) {
    return letters((int) cell[1]) + cell[0];
  }

  private Finding unrounded(long[] cell) {
    int base = ctx.policy().roundingBase();
    return new Finding("UNROUNDED_COUNT", Severity.BLOCKER, location(cell[0], (int) cell[1]),
        "Counts must be rounded to a multiple of " + base + " (" + ctx.policy().name() + "), and this one is not. "
            + "Round every count, including totals and counts under rates.", cellRef(cell) + " = " + cell[2]);
  }

  /** A suppressed cell is recoverable when it is the only one in a row or column that has a total. */
  private void secondary(List<ColumnStats> counts) {
    if (counts.isEmpty()) return;
    for (ColumnStats col : counts) {
      long hidden = col.suppressedOutsideTotal + (col.numericOutsideTotal >= 2 ? col.blanksOutsideTotal : 0);
      if (totalRowSeen && col.totalRowValue != null && hidden == 1) {
        long row = col.firstSuppressedRow != 0 ? col.firstSuppressedRow : col.firstBlankRow;
        out.add(secondaryFinding(row, index(col), "column"));
      }
    }
    for (long[] cell : rowSecondary) {
      if (counts.contains(columns[(int) cell[1]])) out.add(secondaryFinding(cell[0], (int) cell[1], "row"));
    }
  }

  private Finding secondaryFinding(long row, int c, String line) {
    return new Finding("SECONDARY_DISCLOSURE", Severity.BLOCKER, location(row, c),
        "This suppressed cell is the only one in its " + line + ", so it can be worked out from the total. "
            + "Suppress a second cell in the " + line + " or remove the total.", letters(c) + row + " (suppressed)");
  }

  private void underlyingCounts(List<ColumnStats> counts) {
    if (!counts.isEmpty()) return;
    for (ColumnStats col : columns) {
      if (ColumnRole.isRateLike(col.normalized) && col.integers + col.decimals > 0) {
        out.add(new Finding("UNDERLYING_COUNTS_MISSING", Severity.WARNING, location(0, index(col)),
            "Column '" + col.header + "' holds rates, percentages or means but the table shows no counts. "
                + "Add the unweighted counts (numerator and denominator) behind them.", ""));
        return;
      }
    }
  }

  private void header(String[] cells, int width) {
    columns = new ColumnStats[width];
    for (int c = 0; c < width; c++) {
      columns[c] = column(cells[c] == null ? "" : cells[c].strip(), c);
    }
  }

  private ColumnStats column(String header, int c) {
    String h = header.isEmpty() ? "column " + letters(c) : header;
    String norm = ColumnNames.normalize(header);
    return new ColumnStats(h, norm, ColumnRole.of(norm, ctx.declaredCountColumns(), header),
        new ColumnProfile(h, finder));
  }

  private void widen(int width) {
    int old = columns.length;
    columns = Arrays.copyOf(columns, width);
    for (int c = old; c < width; c++) columns[c] = column("", c);
  }

  private int index(ColumnStats col) {
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] == col) return c;
    }
    return -1;
  }

  String location(long row, int c) {
    StringBuilder b = new StringBuilder(where);
    if (row > 0) b.append(b.length() > 0 ? ", " : "").append("row ").append(row);
    if (c >= 0 && columns != null && c < columns.length) {
      b.append(b.length() > 0 ? ", " : "").append("column '").append(columns[c].header).append("'");
    }
    return b.toString();
  }

  long lastRow() {
    return lastRow;
  }

  private static int filled(String[] cells, int width) {
    int n = 0;
    for (int i = 0; i < width; i++) {
      if (cells[i] != null && !cells[i].isBlank()) n++;
    }
    return n;
  }

  static String letters(int c) {
    StringBuilder b = new StringBuilder();
    for (int n = c + 1; n > 0; n = (n - 1) / 26) b.insert(0, (char) ('A' + (n - 1) % 26));
    return b.toString();
  }
}
