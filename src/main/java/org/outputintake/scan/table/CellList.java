package org.outputintake.scan.table;

import java.util.Arrays;

/**
 * The first {@code limit} cells of one kind in a column (row and value), and how many there were in
 * all. The human report needs {@link #KEEP}; an ACRO results file needs every cell, so it asks for
 * more.
 */
final class CellList {
  static final int KEEP = 20;

  private final int limit;
  long[] rows;
  long[] values;
  int kept;
  long count;

  CellList(int limit) {
    this.limit = limit;
    int initial = Math.min(limit, KEEP);
    rows = new long[initial];
    values = new long[initial];
  }

  void add(long row, long value) {
    if (kept < limit) {
      if (kept == rows.length) {
        rows = Arrays.copyOf(rows, Math.min(limit, rows.length * 2));
        values = Arrays.copyOf(values, rows.length);
      }
      rows[kept] = row;
      values[kept++] = value;
    }
    count++;
  }
}
