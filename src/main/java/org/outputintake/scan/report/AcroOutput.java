package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.ColumnNames;
import org.outputintake.scan.table.ModelSummary;
import org.outputintake.scan.table.TableGrid;

/**
 * The SDC part of one ACRO output: the flagged cells of a table sorted into ACRO's categories, the
 * summary in ACRO's words, and the outcome grid. ACRO counts a zero as below the threshold when
 * zeros are disclosive, so ZERO_COUNT cells are threshold cells; DOMINANCE cells are p-ratio and
 * nk-rule cells as their evidence says.
 */
final class AcroOutput {
  static final String[] CATEGORIES = {
    "negative", "missing", "threshold", "p-ratio", "nk-rule", "all-values-are-same"
  };
  private static final Pattern CELL = Pattern.compile("^([A-Z]{1,3})(\\d{1,9})\\b(.*)$");
  private static final int MAX_OUTCOME_CELLS = 50_000;
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?%?");
  private static final Pattern STATED_DF = Pattern.compile("df (\\d{1,18})\\b");

  /** Cells per category and sheet ("" for a CSV): ACRO positions {row, column}. */
  final Map<String, Map<String, List<int[]>>> cells = new LinkedHashMap<>();

  /** Findings that are not cells of a category. */
  final List<Finding> others = new ArrayList<>();

  /**
   * @param findings the file's findings (every located cell where the caller could find them all)
   * @param sheets the table's sheets as read, to place cells below the header and right of the
   *     label column
   */
  AcroOutput(List<Finding> findings, List<TableGrid.Sheet> sheets) {
    for (Finding f : findings) {
      List<String> categories = categories(f);
      int[] cell = categories.isEmpty() ? null : position(f, sheets);
      if (cell == null) {
        others.add(f);
        continue;
      }
      String sheet = sheetOf(f.location());
      for (String category : categories) {
        cells
            .computeIfAbsent(sheet, k -> new LinkedHashMap<>())
            .computeIfAbsent(category, k -> new ArrayList<>())
            .add(cell);
      }
    }
  }

  private static List<String> categories(Finding f) {
    return switch (f.code()) {
      case "LOW_COUNT", "ZERO_COUNT" -> List.of("threshold");
      case "DOMINANCE" -> {
        List<String> out = new ArrayList<>();
        if (f.evidence().contains("p-ratio")) out.add("p-ratio");
        if (f.evidence().contains("nk-rule")) out.add("nk-rule");
        yield out;
      }
      default -> List.of();
    };
  }

  /**
   * The {@code [x, y]} SACRO-Viewer highlights the finding's cell at. The viewer shows the file's
   * first row as the header and the rest as the body, and puts a cell {@code [x, y]} on body row x
   * and the column right of y ({@code sacro/models.py} builds {@code cell_index} from the cells,
   * {@code _table-builder.js} highlights {@code tr:nth-child(x + 1) > td:nth-child(y + 2)}): so the
   * position is counted from the file's second row and second column, whatever title rows, header
   * rows and label columns the table has. ACRO's own positions coincide with it for the one header
   * row and one label column its tables have. Null for a cell in the first row or column.
   */
  private static int[] position(Finding f, List<TableGrid.Sheet> sheets) {
    Matcher m = CELL.matcher(f.evidence());
    if (!m.find()) return null;
    return viewerCell(Long.parseLong(m.group(2)), columnIndex(m.group(1)));
  }

  /** See {@link #position}: {@code sheetRow} 1-based, {@code column} 0-based. */
  static int[] viewerCell(long sheetRow, int column) {
    long x = sheetRow - 2;
    int y = column - 1;
    return x >= 0 && y >= 0 && x < Integer.MAX_VALUE ? new int[] {(int) x, y} : null;
  }

  /** {@code sheet 'Table 1', row 4, ...} gives "Table 1"; a CSV location gives "". */
  static String sheetOf(String location) {
    if (!location.startsWith("sheet '")) return "";
    int end = location.indexOf("', ", 7);
    if (end < 0) end = location.endsWith("'") ? location.length() - 1 : -1;
    return end < 0 ? "" : location.substring(7, end);
  }

  private static int columnIndex(String letters) {
    int n = 0;
    for (int i = 0; i < letters.length(); i++) n = n * 26 + (letters.charAt(i) - 'A' + 1);
    return n - 1;
  }

  int count(String category) {
    Set<String> distinct = new HashSet<>();
    for (Map<String, List<int[]>> bySheet : cells.values()) {
      for (int[] c : bySheet.getOrDefault(category, List.of())) distinct.add(c[0] + "," + c[1]);
    }
    return distinct.size();
  }

  /** {@code sdc} of one file entry: ACRO's summary counts and cell lists for the given sheet. */
  ObjectNode sdc(String sheet, boolean suppressed) {
    ObjectNode sdc = JsonNodeFactory.instance.objectNode();
    ObjectNode summary = sdc.putObject("summary");
    summary.put("suppressed", suppressed);
    ObjectNode cellsNode = sdc.putObject("cells");
    Map<String, List<int[]>> bySheet =
        sheet == null ? Map.of() : cells.getOrDefault(sheet, Map.of());
    for (String category : CATEGORIES) {
      ArrayNode list = cellsNode.putArray(category);
      for (int[] c : bySheet.getOrDefault(category, List.of())) list.addArray().add(c[0]).add(c[1]);
      summary.put(category, sheet == null ? 0 : bySheet.getOrDefault(category, List.of()).size());
    }
    return sdc;
  }

  /**
   * ACRO's summary: {@code fail; threshold: 3 cells may need suppressing; p-ratio: 1 cells may need
   * suppressing; }.
   */
  String summary(String status) {
    StringBuilder b = new StringBuilder();
    for (String category :
        new String[] {"threshold", "p-ratio", "nk-rule", "all-values-are-same"}) {
      int n = count(category);
      if (n > 0) b.append(category).append(": ").append(n).append(" cells may need suppressing; ");
    }
    return b.length() == 0 ? status : status + "; " + b;
  }

  /**
   * The outcome as ACRO writes it (a DataFrame's JSON by column): every data cell right of the
   * label columns, {@code "ok"} or its categories ({@code "threshold; "}), by column name and row
   * label; a row with several label columns is keyed as pandas writes a MultiIndex label, {@code
   * ('North', 'Female')}. Data rows start below the header rows, titles above them are not rows.
   */
  ObjectNode outcome(TableGrid.Sheet sheet, String sheetName) {
    ObjectNode outcome = JsonNodeFactory.instance.objectNode();
    if (sheet == null || sheet.headerRow() == 0) return outcome;
    String[] header = sheet.rows().get(sheet.headerRow() - 1);
    Map<String, String> flags = new LinkedHashMap<>();
    cells
        .getOrDefault(sheetName, Map.of())
        .forEach(
            (category, list) -> {
              for (int[] c : list) flags.merge(c[0] + "," + c[1], category + "; ", String::concat);
            });
    int rows = sheet.rows().size() - sheet.dataStart() + 1;
    int labels = labelColumns(sheet, header.length);
    if (rows <= 0 || (long) rows * Math.max(1, header.length - labels) > MAX_OUTCOME_CELLS)
      return outcome;
    List<String> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < rows; r++) {
      String[] cells = sheet.rows().get(sheet.dataStart() - 1 + r);
      String label = rowLabel(cells, labels);
      if (label.isEmpty()) label = Integer.toString(r);
      if (!seen.add(label)) label = label + " (" + r + ")";
      keys.add(label);
    }
    Set<String> names = new HashSet<>();
    for (int c = labels; c < header.length; c++) {
      String name = header[c] == null || header[c].isBlank() ? "column " + c : header[c].strip();
      if (!names.add(name)) name = name + " (" + c + ")";
      ObjectNode column = outcome.putObject(name);
      for (int r = 0; r < keys.size(); r++) {
        int[] at = viewerCell(sheet.dataStart() + r, c);
        String flag = at == null ? null : flags.get(at[0] + "," + at[1]);
        column.put(keys.get(r), flag == null ? "ok" : flag);
      }
    }
    return outcome;
  }

  /**
   * How many leading columns label the rows (at least one): those whose data cells hold no number,
   * as a crosstab of two variables has its region and sex before its counts.
   */
  private static int labelColumns(TableGrid.Sheet sheet, int width) {
    int labels = 1;
    for (; labels < width - 1; labels++) {
      for (int r = sheet.dataStart() - 1; r < sheet.rows().size(); r++) {
        String[] row = sheet.rows().get(r);
        String v = labels < row.length && row[labels] != null ? row[labels].strip() : "";
        if (!v.isEmpty() && NUMBER.matcher(v).matches()) return labels;
      }
    }
    return labels;
  }

  private static String rowLabel(String[] cells, int labels) {
    if (labels == 1) return cells.length > 0 && cells[0] != null ? cells[0].strip() : "";
    StringBuilder b = new StringBuilder("(");
    for (int c = 0; c < labels; c++) {
      String v = c < cells.length && cells[c] != null ? cells[c].strip() : "";
      b.append(c == 0 ? "" : ", ").append('\'').append(v).append('\'');
    }
    return b.append(')').toString();
  }

  /** The residual degrees of freedom a coefficient table states, or -1. */
  static long degreesOfFreedom(List<Finding> findings, List<TableGrid.Sheet> sheets) {
    for (Finding f : findings) {
      // "df 6", or "df 6 in 'ols_summary.csv'" when the df came from the model's summary
      Matcher m = STATED_DF.matcher(f.evidence());
      if (f.code().equals("LOW_DEGREES_OF_FREEDOM") && m.lookingAt()) {
        return Long.parseLong(m.group(1));
      }
    }
    for (TableGrid.Sheet sheet : sheets) {
      int dfColumn = -1;
      if (sheet.headerRow() > 0) {
        String[] header = sheet.rows().get(sheet.headerRow() - 1);
        for (int c = 0; c < header.length; c++) {
          String n = ColumnNames.normalize(header[c]);
          if (n.equals("df")
              || n.startsWith("df_resid")
              || n.equals("dof")
              || n.equals("residual_df")) dfColumn = c;
        }
      }
      long column = -1;
      long columnMax = -1;
      for (String[] row : sheet.rows()) {
        String label = row.length > 0 ? ColumnNames.normalize(row[0]) : "";
        boolean dfRow =
            label.startsWith("df_resid")
                || label.equals("residual_df")
                || label.equals("df_residuals");
        for (int c = 1; dfRow && c < row.length; c++) {
          long v = wholeNumber(row[c]);
          if (v >= 0) return v;
        }
        if (dfColumn < 0 || dfColumn >= row.length) continue;
        long v = wholeNumber(row[dfColumn]);
        if (v < 0) continue;
        String raw = row.length > 0 && row[0] != null ? row[0] : "";
        // the rule of the table scan: an analysis of variance's residual row, not its model or
        // total rows; a df of 1 per term (SAS' Parameter Estimates) is no model's
        if (ModelSummary.residualSource(raw)) return v;
        if (ModelSummary.otherSource(raw)) continue;
        if (column < 0) column = v;
        columnMax = Math.max(columnMax, v);
      }
      if (columnMax > 1) return column;
    }
    return -1;
  }

  private static long wholeNumber(String v) {
    if (v == null) return -1;
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
