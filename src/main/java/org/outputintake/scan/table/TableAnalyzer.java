package org.outputintake.scan.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.Severity;
import org.outputintake.scan.identifier.ColumnNames;
import org.outputintake.scan.identifier.ColumnProfile;
import org.outputintake.scan.identifier.IdentifierFinder;

/**
 * Statistical disclosure checks on one table, fed row by row so that a table of any length needs
 * memory for its columns only. The header is the first row with two or more filled cells, extended
 * by the further header rows pandas writes (a level of a multi-level header, the index-name row);
 * rows above it (titles, notes) are scanned for identifiers only. {@link TableJudge} decides at the
 * end what kind of table it was.
 */
final class TableAnalyzer {
  private static final int MAX_HEADER_ROWS = 4;
  final int cellLimit;
  final String where;
  final ScanContext ctx;
  final FindingCollector out;
  private final IdentifierFinder finder;
  private final boolean identifiers;
  ColumnStats[] columns;
  private HeaderRows header;
  long dataRows;
  private long lastRow;
  boolean totalRowSeen;

  /**
   * Rows with one hidden cell beside a total: {row, column, 1 when the total differs from the
   * visible sum}.
   */
  final List<long[]> rowSecondary = new ArrayList<>();

  final List<Finding> rowFindings = new ArrayList<>();
  private final RowLabel.Memo labels = new RowLabel.Memo();
  final ObservationRows observations = new ObservationRows(this);
  DominanceCheck dominance;
  boolean degreesOfFreedomSeen;

  boolean coefficientRows;

  /** Whether the table is a model's summary (its words), fed the first rows. */
  final ModelSummary modelSummary = new ModelSummary();

  /** Suppressed counts printed with their percentage ({@code <5 (1.2%)}): {row, column}. */
  final List<long[]> hiddenShares = new ArrayList<>();

  /** Suppressed cells in a row that shows a percentage or rate: {row, column}. */
  final List<long[]> besideShare = new ArrayList<>();

  private boolean percentSection;
  private CoordinatePairs coordinates = CoordinatePairs.NONE;

  /**
   * @param where the table's place, e.g. {@code sheet 'Table 1'}, or empty for a CSV file
   */
  TableAnalyzer(String where, ScanContext ctx, FindingCollector out, IdentifierFinder finder) {
    this(where, ctx, out, finder, CellList.KEEP);
  }

  /**
   * @param cellLimit how many flagged cells of one kind and column are kept with their place
   */
  TableAnalyzer(
      String where, ScanContext ctx, FindingCollector out, IdentifierFinder finder, int cellLimit) {
    this(where, ctx, out, finder, cellLimit, true);
  }

  /**
   * @param identifiers whether identifiers are reported here (a Word table's are reported by the
   *     document scanner, which reads the whole text)
   */
  TableAnalyzer(
      String where,
      ScanContext ctx,
      FindingCollector out,
      IdentifierFinder finder,
      int cellLimit,
      boolean identifiers) {
    this.identifiers = identifiers;
    this.cellLimit = cellLimit;
    this.where = where;
    this.ctx = ctx;
    this.out = out;
    this.finder = finder;
  }

  /**
   * One row; {@code row} is the 1-based row number a spreadsheet program shows, {@code cells} may
   * hold nulls.
   */
  void row(long row, String[] cells, int width) {
    lastRow = row;
    modelSummary.row(cells, width);
    if (columns == null) {
      if (filled(cells, width) < 2 && !HeaderRows.blankCorner(cells, width)) {
        for (int i = 0; i < width; i++) {
          if (cells[i] == null) continue;
          if (ColumnRole.isDegreesOfFreedomText(cells[i])) degreesOfFreedomSeen = true;
          if (!identifiers) continue;
          finder.scanLine(
              cells[i], null, (k, m) -> out.add(IdentifierFinder.finding(k, location(row, -1), m)));
        }
        return;
      }
      header(cells, width);
      return;
    }
    if (dataRows == 0) {
      if (filled(cells, width) == 0) return;
      if (header.rows() < MAX_HEADER_ROWS && extendsHeader(cells, width)) return;
      if (dominance == null)
        dominance = DominanceCheck.of(columns, ctx.policy().dominance(), cellLimit);
      coordinates = CoordinatePairs.of(columns);
    }
    dataRows++;
    if (width > columns.length) widen(width);
    String label = width > 0 && cells[0] != null ? cells[0].strip() : "";
    boolean totalRow = false;
    RowLabel rowLabel = RowLabel.NONE;
    if (RowLabel.mayMatter(label)) {
      rowLabel = labels.of(label);
      totalRow = rowLabel.total();
    } else if (!coefficientRows && RowLabel.isModelTerm(label)) {
      coefficientRows = true;
    }
    String labelNorm = rowLabel.norm();
    observations.label(label);
    if (totalRow) totalRowSeen = true;
    int totalCol = -1;
    long totalValue = 0;
    long visibleSum = 0;
    int hiddenInRow = 0;
    int hiddenCol = -1;
    int numbersInRow = 0;
    long firstNumber = Cells.NOT_INTEGER;
    int markerCol = -1;
    boolean shareInRow = false;
    String rawLabel = width > 0 && cells[0] != null ? cells[0] : "";
    // tableone indents the levels under a label such as "region (%)"
    if (!rawLabel.isBlank() && !Character.isWhitespace(rawLabel.charAt(0)))
      percentSection = rawLabel.indexOf('%') >= 0;
    for (int c = 0; c < width; c++) {
      ColumnStats col = columns[c];
      String raw = cells[c];
      String v = raw == null ? "" : raw.strip();
      boolean cellArea = c > 0 && (col.role == ColumnRole.COUNT || col.role == ColumnRole.OTHER);
      if (v.isEmpty()) {
        col.blanks++;
        if (col.firstBlankRow == 0) col.firstBlankRow = row;
        if (!totalRow) col.blanksOutsideTotal++;
        if (cellArea && !col.totalColumn) {
          hiddenInRow++;
          hiddenCol = c;
        }
        continue;
      }
      if (c + 1 < width && ObservationRows.degreesOfFreedomLabel(v))
        observations.degreesOfFreedomPair(row, c + 1, cells[c + 1]);
      long n = Cells.parse(v);
      if (n == Cells.NOT_INTEGER) col.identifiers.accept(v, row);
      else col.identifiers.acceptNumber(v, row);
      if (c == 0 && !labelNorm.isEmpty()) continue;
      if (col.revealsCounts && n != Cells.NOT_INTEGER) shareInRow = true;
      if (n == Cells.DECIMAL) {
        col.decimals++;
        numbersInRow++;
        if (col.role == ColumnRole.DEGREES_OF_FREEDOM)
          observations.columnDegreesOfFreedom(row, c, ObservationRows.parseDouble(v));
        if (firstNumber == Cells.NOT_INTEGER) firstNumber = Cells.DECIMAL;
      } else if (n != Cells.NOT_INTEGER) {
        integer(col, row, c, n, totalRow);
        numbersInRow++;
        if (firstNumber == Cells.NOT_INTEGER) firstNumber = n;
        if (col.totalColumn) {
          totalCol = c;
          totalValue = n;
        } else if (cellArea) {
          visibleSum += n;
        }
      } else if (Cells.suppressed(v)) {
        if (cellArea && markerCol < 0) markerCol = c;
        col.suppressed(row, totalRow);
        // a row labelled "X", "N" or "S" reads like a marker, but a label hides nothing
        if (cellArea && !col.totalColumn) {
          hiddenInRow++;
          hiddenCol = c;
        }
      } else if (Cells.money(v)) {
        col.magnitudes++;
        numbersInRow++;
      } else {
        long share = ShareCell.count(v, percentSection);
        if (share == Cells.NOT_INTEGER) {
          col.text++;
        } else if (share == ShareCell.HIDDEN) {
          hiddenShare(col, row, c, totalRow);
          if (cellArea && !col.totalColumn) {
            hiddenInRow++;
            hiddenCol = c;
          }
        } else {
          col.shareCounts++;
          integer(col, row, c, share, totalRow);
          numbersInRow++;
          if (col.totalColumn) {
            totalCol = c;
            totalValue = share;
          } else if (cellArea) {
            visibleSum += share;
          }
        }
      }
    }
    if (shareInRow && markerCol >= 0 && besideShare.size() < cellLimit)
      besideShare.add(new long[] {row, markerCol});
    if (totalCol >= 0 && numbersInRow >= 2) aboveRowTotal(cells, width, totalValue);
    if (totalCol >= 0 && hiddenInRow == 1 && numbersInRow >= 2) {
      // ACRO and careful researchers recompute margins from the visible cells: then nothing can be
      // recovered
      rowSecondary.add(new long[] {row, hiddenCol, totalValue != visibleSum ? 1 : 0});
    }
    if (!labelNorm.isEmpty()) rowLabel(row, rowLabel, label, numbersInRow, firstNumber);
    if (!label.isEmpty() && !rowNumber(label)) {
      observations.row(row, rowLabel, cells, width, 1);
    } else if (width > 1 && cells[1] != null && rowNumber(label)) {
      // R's write.csv and pandas' to_csv put row numbers first: the label is the next column
      String next = cells[1].strip();
      RowLabel named = RowLabel.mayMatter(next) ? labels.of(next) : RowLabel.NONE;
      if (named.extreme()) rowLabel(row, named, next, numbersInRow - 1, Cells.NOT_INTEGER);
      observations.row(row, named, cells, width, 2);
    }
    if (dominance != null) dominance.row(row, cells, width);
    coordinates.row(row, cells, width);
  }

  /**
   * Marks the cells larger than their row's total (beyond rounding): such values do not add up, so
   * they are not counts (a table of modes, medians or means with a margin). Only rows with a total
   * column pay for this second look.
   */
  private void aboveRowTotal(String[] cells, int width, long total) {
    long limit = total + ctx.policy().roundingBase();
    for (int c = 1; c < width; c++) {
      ColumnStats col = columns[c];
      if (col.totalColumn || cells[c] == null) continue;
      if (col.role != ColumnRole.COUNT && col.role != ColumnRole.OTHER) continue;
      long n = Cells.parse(cells[c].strip());
      if (n != Cells.NOT_INTEGER && n != Cells.DECIMAL && n > limit) col.aboveTotal = true;
    }
  }

  /**
   * A suppressed count printed with its percentage ({@code <5 (1.2%)}): the percentage and the
   * column's total give it back.
   */
  private void hiddenShare(ColumnStats col, long row, int c, boolean totalRow) {
    if (hiddenShares.size() < cellLimit) hiddenShares.add(new long[] {row, c});
    col.suppressed(row, totalRow);
  }

  /**
   * Whether the first cell is a row number under a blank header, as R's write.csv (1, 2, ...) and
   * pandas' to_csv (0, 1, ...) write them.
   */
  private boolean rowNumber(String first) {
    if (!columns[0].normalized.isEmpty() || first.isEmpty()) return false;
    long n = Cells.parse(first);
    return n == dataRows || n == dataRows - 1;
  }

  private void integer(ColumnStats col, long row, int c, long n, boolean totalRow) {
    col.whole(row, n, totalRow, ctx);
    if (col.role == ColumnRole.DEGREES_OF_FREEDOM)
      observations.columnDegreesOfFreedom(row, c, (double) n);
  }

  private void rowLabel(long row, RowLabel kind, String label, int numbers, long firstNumber) {
    if (numbers > 0 && kind.extreme()) {
      rowFindings.add(
          new Finding(
              "EXTREME_VALUE",
              Severity.BLOCKER,
              location(row, -1),
              "Row '"
                  + label
                  + "' shows a minimum, maximum or range, which is one person's or business's value. "
                  + "Remove it or replace it with a percentile band.",
              ""));
    }
    if (kind.degreesOfFreedom()
        && firstNumber != Cells.NOT_INTEGER
        && firstNumber != Cells.DECIMAL) {
      observations.degreesOfFreedom(row, -1, (double) firstNumber);
    }
  }

  /** Emits the table's findings; call once after the last row. */
  void finish() {
    if (columns == null) return;
    new TableJudge(this).judge();
    if (!identifiers) return;
    for (ColumnStats col : columns) {
      col.identifiers.report(where, out::add);
    }
  }

  private void header(String[] cells, int width) {
    header = HeaderRows.first(cells, width);
    columns = new ColumnStats[width];
    for (int c = 0; c < width; c++) columns[c] = column(header.names()[c], c);
  }

  /** Another header row (pandas' levels and index names): the columns are named afresh. */
  private boolean extendsHeader(String[] cells, int width) {
    if (!header.extend(cells, width)) return false;
    String[] headers = header.names();
    if (headers.length > columns.length) columns = Arrays.copyOf(columns, headers.length);
    for (int c = 0; c < headers.length; c++)
      columns[c] = column(headers[c] == null ? "" : headers[c], c);
    return true;
  }

  private ColumnStats column(String header, int c) {
    String h = header.isEmpty() ? "column " + letters(c) : header;
    String norm = ColumnNames.normalize(header);
    ColumnRole role = ColumnRole.of(norm, ctx.declaredCountColumns(), header);
    boolean quantities = role != ColumnRole.OTHER && role != ColumnRole.NOT_COUNT;
    return new ColumnStats(h, norm, role, new ColumnProfile(h, finder, quantities), cellLimit);
  }

  private void widen(int width) {
    int old = columns.length;
    columns = Arrays.copyOf(columns, width);
    for (int c = old; c < width; c++) columns[c] = column("", c);
  }

  /** See {@link HeaderRows#valueVariable}. */
  String valueVariable(List<ColumnStats> cols) {
    return header == null
        ? null
        : header.valueVariable(cols.stream().mapToInt(this::index).toArray());
  }

  int index(ColumnStats col) {
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
