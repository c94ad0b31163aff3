package org.outputintake.scan.table;

import org.outputintake.scan.ScanContext;
import org.outputintake.scan.identifier.ColumnProfile;

/**
 * What one column of a table has shown so far; plain counters so that a cell costs no allocation.
 */
final class ColumnStats {
  static final int KEEP = CellList.KEEP;

  /** Larger than the population of the UK: no count of people or businesses can be this large. */
  static final long IMPLAUSIBLE_COUNT = 100_000_000L;

  final String header;
  final String normalized;
  final ColumnRole role;
  final ColumnProfile identifiers;

  /** Headed as a total ("total", "all persons"): a row's total, for secondary disclosure. */
  final boolean totalColumn;

  /** Whether the header names a percentage or rate, which with its total gives a count back. */
  final boolean revealsCounts;

  /** Counts written with their share in one cell ({@code 12 (3.4%)}). */
  long shareCounts;

  long integers;
  long decimals;
  long negatives;
  long text;
  long suppressed;
  long blanks;

  /**
   * Amounts of money ({@code £1,200}) or whole numbers too large to be counts: a magnitude column.
   */
  long magnitudes;

  long firstSuppressedRow;
  long firstBlankRow;
  long numericOutsideTotal;

  /**
   * Sum of the whole numbers outside the total row: a total equal to it reveals no suppressed cell.
   */
  long sumOutsideTotal;

  /** The largest whole number outside the total row: a total below it is not a sum of counts. */
  long maxOutsideTotal = Long.MIN_VALUE;

  /** Whether a cell of this column is larger than its row's total: then it holds no counts. */
  boolean aboveTotal;

  /** The value in the total row, or null when no total row has a number here. */
  Long totalRowValue;

  long suppressedOutsideTotal;
  long blanksOutsideTotal;
  final CellList low;
  final CellList unrounded;
  final CellList zeros;
  long extremeNumbers;
  long firstNumericRow;

  /**
   * Whole numbers that continue a key pattern: the previous value plus one, the previous value
   * again, or the first value again (a new block of the grid). A column made only of such steps is
   * a key (week 1..120, unit 1..50 repeated), not counts.
   */
  private long keySteps;

  private long rises;
  private long restarts;
  private long previous = Long.MIN_VALUE;
  private long first = Long.MIN_VALUE;

  ColumnStats(
      String header, String normalized, ColumnRole role, ColumnProfile identifiers, int cellLimit) {
    this.low = new CellList(cellLimit);
    this.unrounded = new CellList(cellLimit);
    this.zeros = new CellList(cellLimit);
    this.header = header;
    this.normalized = normalized;
    this.role = role;
    this.identifiers = identifiers;
    this.totalColumn = ColumnRole.isTotalLabel(normalized);
    this.revealsCounts = ColumnRole.revealsCounts(normalized);
  }

  /**
   * A whole number in this column (a count printed with its share included): its place among the
   * column's counters and the cell lists the count rules read.
   */
  void whole(long row, long n, boolean totalRow, ScanContext ctx) {
    integers++;
    integer(n);
    if (n < 0) negatives++;
    if (firstNumericRow == 0) firstNumericRow = row;
    if (totalRow) {
      totalRowValue = n;
    } else {
      numericOutsideTotal++;
      sumOutsideTotal += n;
      maxOutsideTotal = Math.max(maxOutsideTotal, n);
    }
    if (n > 0 && n < ctx.threshold()) low.add(row, n);
    if (n == 0) zeros.add(row, n);
    int base = ctx.policy().roundingBase();
    if (ctx.policy().requiresRounding() && n > 0 && n % base != 0) unrounded.add(row, n);
    if (role == ColumnRole.EXTREME) extremeNumbers++;
  }

  /** A suppressed cell (a marker, or a hidden count printed with its share). */
  void suppressed(long row, boolean totalRow) {
    suppressed++;
    if (!totalRow) {
      suppressedOutsideTotal++;
      if (firstSuppressedRow == 0) firstSuppressedRow = row;
    }
  }

  private void integer(long n) {
    if (first == Long.MIN_VALUE) {
      first = n;
    } else if (n == previous + 1 || n == previous || n == first) {
      keySteps++;
      if (n == previous + 1) rises++;
      else if (n == first && previous != first) restarts++;
    }
    previous = n;
    if (n >= IMPLAUSIBLE_COUNT || n <= -IMPLAUSIBLE_COUNT) magnitudes++;
  }

  /**
   * Only non-negative whole numbers (and suppression markers) so far: a cross-tabulation cell
   * column.
   */
  boolean countLike() {
    return integers > 0 && decimals == 0 && negatives == 0 && text == 0 && magnitudes == 0;
  }

  /**
   * Whole numbers in a run (at least four, rising at least twice), a key of the table's grid. A run
   * beside a text label column must also start again at its first value (repeat across the other
   * keys), so that a count column that happens to rise by one is not mistaken for a key.
   */
  boolean sequentialKey(boolean afterLabels) {
    return integers >= 4
        && decimals == 0
        && text == 0
        && suppressed == 0
        && keySteps == integers - 1
        && first >= 0
        && rises >= 2
        && (!afterLabels || restarts >= 1);
  }

  /** Text only (besides blanks and numbers in a label column): a label column. */
  boolean labels() {
    return text > 0 && text >= integers + decimals;
  }

  boolean numeric() {
    return integers + decimals + magnitudes > 0;
  }

  /**
   * Holds amounts rather than counts, judged from the values: non-integers, money, or very large
   * numbers.
   */
  boolean magnitudeValues() {
    return decimals > 0 || magnitudes > 0;
  }
}
