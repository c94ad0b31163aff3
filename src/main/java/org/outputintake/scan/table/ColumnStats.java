package org.outputintake.scan.table;

import org.outputintake.scan.identifier.ColumnProfile;

/** What one column of a table has shown so far; plain counters so that a cell costs no allocation. */
final class ColumnStats {
  static final int KEEP = 20;

  final String header;
  final String normalized;
  final ColumnRole role;
  final ColumnProfile identifiers;
  /** Headed as a total ("total", "all persons"): a row's total, for secondary disclosure. */
  final boolean totalColumn;
  long integers;
  long decimals;
  long negatives;
  long text;
  long suppressed;
  long blanks;
  long firstSuppressedRow;
  long firstBlankRow;
  long numericOutsideTotal;
  /** The value in the total row, or null when no total row has a number here. */
  Long totalRowValue;
  long suppressedOutsideTotal;
  long blanksOutsideTotal;
  final long[] lowRows = new long[KEEP];
  final long[] lowValues = new long[KEEP];
  int lowKept;
  long lowCount;
  final long[] unroundedRows = new long[KEEP];
  final long[] unroundedValues = new long[KEEP];
  int unroundedKept;
  long unroundedCount;
  long extremeNumbers;
  long firstNumericRow;

  ColumnStats(String header, String normalized, ColumnRole role, ColumnProfile identifiers) {
    this.header = header;
    this.normalized = normalized;
    this.role = role;
    this.identifiers = identifiers;
    this.totalColumn = ColumnRole.isTotalLabel(normalized);
  }

  void low(long row, long value) {
    if (lowKept < KEEP) {
      lowRows[lowKept] = row;
      lowValues[lowKept++] = value;
    }
    lowCount++;
  }

  void unrounded(long row, long value) {
    if (unroundedKept < KEEP) {
      unroundedRows[unroundedKept] = row;
      unroundedValues[unroundedKept++] = value;
    }
    unroundedCount++;
  }

  /** Only non-negative whole numbers (and suppression markers) so far: a cross-tabulation cell column. */
  boolean countLike() {
    return integers > 0 && decimals == 0 && negatives == 0 && text == 0;
  }
}
