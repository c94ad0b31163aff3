package org.outputintake.scan.table;

/**
 * A table's latitude and longitude columns, judged as pairs row by row: a point is an identifier
 * only as a pair, each number alone is not.
 */
final class CoordinatePairs {
  static final CoordinatePairs NONE = new CoordinatePairs(null, -1, -1);

  private final ColumnStats[] columns;
  private final int latColumn;
  private final int lonColumn;

  private CoordinatePairs(ColumnStats[] columns, int latColumn, int lonColumn) {
    this.columns = columns;
    this.latColumn = latColumn;
    this.lonColumn = lonColumn;
  }

  /** The first latitude and longitude columns, or NONE unless the table has both. */
  static CoordinatePairs of(ColumnStats[] columns) {
    int lat = -1;
    int lon = -1;
    for (int c = 0; c < columns.length; c++) {
      if (lat < 0 && columns[c].identifiers.latitude()) lat = c;
      if (lon < 0 && columns[c].identifiers.longitude()) lon = c;
    }
    if (lat < 0 || lon < 0) return NONE;
    columns[lat].identifiers.pairCoordinates();
    columns[lon].identifiers.pairCoordinates();
    return new CoordinatePairs(columns, lat, lon);
  }

  void row(long row, String[] cells, int width) {
    if (latColumn >= 0
        && latColumn < width
        && lonColumn < width
        && cells[latColumn] != null
        && cells[lonColumn] != null) {
      columns[latColumn].identifiers.coordinatePair(cells[latColumn], cells[lonColumn], row);
    }
  }
}
