package org.outputintake.form;

import java.util.List;

/**
 * Text laid out in rows and cells: a Word table, a run of Word paragraphs (one cell per row), a
 * worksheet, or the fields of a PDF form. Every reader turns its format into grids so that one set
 * of label rules ({@link FormAssembler}) reads them all.
 *
 * @param name where the grid came from, for log messages ("table 2", "sheet 'Form'")
 * @param rows cell texts; rows may differ in length
 * @param sheet whether the grid is a worksheet, whose file table has no natural end
 */
record Grid(String name, List<List<String>> rows, boolean sheet) {
  Grid {
    rows = rows.stream().map(List::copyOf).toList();
  }

  String cell(int row, int col) {
    if (row < 0 || row >= rows.size()) return "";
    List<String> r = rows.get(row);
    return col < 0 || col >= r.size() ? "" : r.get(col);
  }

  boolean rowIsEmpty(int row) {
    return row >= rows.size() || rows.get(row).stream().allMatch(String::isBlank);
  }
}
