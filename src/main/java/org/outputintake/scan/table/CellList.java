package org.outputintake.scan.table;

/** The first {@link #KEEP} cells of one kind in a column (row and value), and how many there were in all. */
final class CellList {
  static final int KEEP = 20;

  final long[] rows = new long[KEEP];
  final long[] values = new long[KEEP];
  int kept;
  long count;

  void add(long row, long value) {
    if (kept < KEEP) {
      rows[kept] = row;
      values[kept++] = value;
    }
    count++;
  }
}
