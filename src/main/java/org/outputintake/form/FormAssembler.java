package org.outputintake.form;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a form out of grids by its labels, wherever they are. A field's value is the text after a
 * colon in the label's own cell, else the next non-empty cell to the right (up to three cells),
 * else the cell directly below; a cell holding another label is never a value. The file table is
 * found by its header row (a "File name" column and at least one other known column). A declaration
 * is recognised by its words and ticked by a box in its own text or a tick value (☒, X, Yes, TRUE)
 * in another cell of its row.
 */
final class FormAssembler {
  /**
   * Labels of this many distinct key fields (the file table counts as one) make a document a form.
   */
  static final int MIN_KEY_LABELS = 2;

  private static final int MAX_RIGHT = 3;
  private static final int MAX_TABLE_ROWS = 2000;

  private final Map<FormField, String> values = new EnumMap<>(FormField.class);
  private final Set<FormField> seen = EnumSet.noneOf(FormField.class);
  private final Map<Declaration, Boolean> declarations = new EnumMap<>(Declaration.class);
  private final List<FileEntry> files = new ArrayList<>();
  private boolean tableSeen;
  private boolean titleSeen;

  static FormReadResult assemble(List<Grid> grids) {
    FormAssembler a = new FormAssembler();
    grids.forEach(a::read);
    return a.result();
  }

  private void read(Grid grid) {
    for (int r = 0; r < grid.rows().size(); r++) {
      Map<Integer, FormColumn> header = header(grid.rows().get(r));
      if (header != null) {
        tableSeen = true;
        r = readTable(grid, r + 1, header) - 1;
        continue;
      }
      readRow(grid, r);
    }
  }

  private void readRow(Grid grid, int r) {
    List<String> row = grid.rows().get(r);
    for (int c = 0; c < row.size(); c++) {
      String text = row.get(c);
      if (text.isBlank()) continue;
      if (text.length() < 100 && Labels.normalise(text).contains("outputrequestform"))
        titleSeen = true;
      Optional<Declaration> declaration = Declaration.recognise(Ticks.withoutLeadingBox(text));
      if (declaration.isPresent() && Labels.field(text).isEmpty()) {
        boolean ticked = Boolean.TRUE.equals(Ticks.leadingBox(text)) || otherCellTicked(row, c);
        declarations.merge(declaration.get(), ticked, Boolean::logicalOr);
        return;
      }
      Optional<FormField> field = Labels.field(text);
      if (field.isPresent()) {
        found(field.get(), valueNear(grid, r, c));
        continue;
      }
      String[] split = Labels.splitLabelValue(text);
      if (split != null) {
        found(Labels.field(split[0]).orElseThrow(), split[1]);
      }
    }
  }

  private static boolean otherCellTicked(List<String> row, int declarationCell) {
    for (int c = 0; c < row.size(); c++) {
      if (c != declarationCell && Ticks.isTicked(row.get(c))) return true;
    }
    return false;
  }

  private void found(FormField field, String value) {
    seen.add(field);
    if (!value.isBlank()) values.putIfAbsent(field, value.strip());
  }

  private static String valueNear(Grid grid, int r, int c) {
    for (int i = 1; i <= MAX_RIGHT; i++) {
      String right = grid.cell(r, c + i);
      if (right.isBlank()) continue;
      if (!Labels.isLabel(right)) return right;
      break; // labels side by side: the values are in the row below
    }
    String below = grid.cell(r + 1, c);
    return below.isBlank() || Labels.isLabel(below) || Labels.splitLabelValue(below) != null
        ? ""
        : below;
  }

  /** The column positions of a file-table header row, or null when the row is not one. */
  private static Map<Integer, FormColumn> header(List<String> row) {
    Map<Integer, FormColumn> columns = new LinkedHashMap<>();
    for (int c = 0; c < row.size(); c++) {
      int col = c;
      Labels.column(row.get(c))
          .ifPresent(
              k -> {
                if (!columns.containsValue(k)) columns.put(col, k);
              });
    }
    return columns.size() >= 2 && columns.containsValue(FormColumn.FILE_NAME) ? columns : null;
  }

  /**
   * Reads file rows from {@code start}; returns the index of the first row not part of the table.
   */
  private int readTable(Grid grid, int start, Map<Integer, FormColumn> header) {
    int emptyRun = 0;
    int r = start;
    for (; r < grid.rows().size() && r < start + MAX_TABLE_ROWS; r++) {
      List<String> row = grid.rows().get(r);
      if (endsTable(row)) break;
      if (grid.rowIsEmpty(r)) {
        // a worksheet has no table border: two empty rows end the table
        if (grid.sheet() && ++emptyRun >= 2) break;
        continue;
      }
      emptyRun = 0;
      int row0 = r;
      Map<FormColumn, String> cells = new EnumMap<>(FormColumn.class);
      header.forEach((col, kind) -> cells.put(kind, grid.cell(row0, col)));
      files.add(entry(cells));
    }
    return r;
  }

  private static boolean endsTable(List<String> row) {
    // only the first cell: a file's description may well mention hidden content or identifiers
    for (String cell : row) {
      if (cell.isBlank()) continue;
      return Labels.isLabel(cell)
          || Labels.splitLabelValue(cell) != null
          || Labels.normalise(cell).startsWith("declaration");
    }
    return false;
  }

  private static FileEntry entry(Map<FormColumn, String> cells) {
    return new FileEntry(
        cells.getOrDefault(FormColumn.FILE_NAME, ""),
        cells.getOrDefault(FormColumn.DESCRIPTION, ""),
        Answer.parse(cells.get(FormColumn.COUNTS_INCLUDED)),
        cells.getOrDefault(FormColumn.CONTROLS, ""),
        cells.getOrDefault(FormColumn.RELATIONSHIP, ""),
        FileUse.parse(cells.get(FormColumn.USE)),
        FileEntry.splitCountColumns(cells.get(FormColumn.COUNT_COLUMNS)));
  }

  private FormReadResult result() {
    long keys =
        seen.stream().filter(FormField::isKey).count() + (tableSeen ? 1 : 0) + (titleSeen ? 1 : 0);
    if (keys < MIN_KEY_LABELS) {
      return FormReadResult.notAForm(
          "it has none of the output request form's labels "
              + "(project number, folder name, file table)");
    }
    return FormReadResult.form(
        new RequestForm(
            values.getOrDefault(FormField.PROJECT_NUMBER, ""),
            values.getOrDefault(FormField.PROJECT_TITLE, ""),
            values.getOrDefault(FormField.RESEARCHER_NAME, ""),
            values.getOrDefault(FormField.RESEARCHER_EMAIL, ""),
            values.getOrDefault(FormField.REQUEST_DATE, ""),
            values.getOrDefault(FormField.FOLDER_NAME, ""),
            values.getOrDefault(FormField.REVISION_OF, ""),
            files,
            declarations));
  }
}
