package org.outputintake.scan.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.scan.identifier.IdentifierKind;
import org.outputintake.scan.identifier.Mask;
import org.outputintake.scan.table.TableGrid;

/**
 * A table as the checker sees it, in the HTML report: the first rows and the rows around every
 * flagged cell, flagged cells coloured by rule with the finding on hover, identifier values masked.
 * Plain HTML and CSS.
 */
final class HtmlTable {
  static final int FIRST_ROWS = 200;
  private static final int AROUND = 2;
  private static final int MAX_READ = 20_000;
  private static final Pattern CELL = Pattern.compile("^([A-Z]{1,3})(\\d{1,9})\\b");
  private static final Pattern COLUMN = Pattern.compile("column '([^']*)'");
  private static final Set<String> IDENTIFIERS = new HashSet<>();

  static {
    for (IdentifierKind k : IdentifierKind.values()) IDENTIFIERS.add(k.name());
  }

  /** CSS class of each rule's cells; the legend lists them. */
  static final Map<String, String> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put("LOW_COUNT", "c-low");
    CLASSES.put("ZERO_COUNT", "c-zero");
    CLASSES.put("DOMINANCE", "c-dom");
    CLASSES.put("SECONDARY_DISCLOSURE", "c-sec");
    CLASSES.put("UNROUNDED_COUNT", "c-round");
    CLASSES.put("IDENTIFIER", "c-id");
  }

  static final String CSS =
      ".grid{width:auto;font-size:90%}.grid td,.grid th{padding:2px 6px;text-align:right}"
          + ".grid td.l{text-align:left}.grid th.n{color:#777;font-weight:normal}.gap td{text-align:center;color:#777;"
          + "font-style:italic}.c-low{background:#f6b3b3}.c-zero{background:#fde39a}.c-dom{background:#d4bdf5}"
          + ".c-sec{background:#b9d3f3}.c-round{background:#c2e8c2}.c-id{background:#ddd;color:#555}"
          + ".legend span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #bbb}";

  private HtmlTable() {}

  /** Appends the tables of one file; nothing when the file is not a table or cannot be read. */
  static void append(StringBuilder b, FileReport file, Path source) {
    if (source == null) return;
    ScanFile scanFile = new ScanFile(source, file.file(), file.type(), file.size(), 0);
    if (FileKinds.table(scanFile) == null) return;
    Map<String, Map<String, Finding>> flagged =
        new LinkedHashMap<>(); // sheet -> "row,col" -> finding
    Map<String, Set<String>> idColumns = new LinkedHashMap<>();
    long lastRow = 0;
    for (Finding f : file.findings()) {
      String sheet = AcroOutput.sheetOf(f.location());
      if (IDENTIFIERS.contains(f.code())) {
        Matcher c = COLUMN.matcher(f.location());
        if (c.find()) idColumns.computeIfAbsent(sheet, k -> new HashSet<>()).add(c.group(1));
        continue;
      }
      if (!CLASSES.containsKey(f.code())) continue;
      Matcher m = CELL.matcher(f.evidence());
      if (!m.find()) continue;
      long row = Long.parseLong(m.group(2));
      lastRow = Math.max(lastRow, row);
      flagged
          .computeIfAbsent(sheet, k -> new LinkedHashMap<>())
          .putIfAbsent(row + "," + column(m.group(1)), f);
    }
    List<TableGrid.Sheet> sheets;
    try {
      sheets =
          TableGrid.read(
              scanFile, (int) Math.min(MAX_READ, Math.max(FIRST_ROWS, lastRow + AROUND)));
    } catch (IOException | RuntimeException e) {
      b.append("<p>The table could not be shown.</p>\n");
      return;
    }
    for (TableGrid.Sheet sheet : sheets) {
      sheet(
          b,
          sheet,
          flagged.getOrDefault(sheet.name(), Map.of()),
          idColumns.getOrDefault(sheet.name(), Set.of()));
    }
  }

  private static void sheet(
      StringBuilder b, TableGrid.Sheet sheet, Map<String, Finding> flagged, Set<String> ids) {
    List<String[]> rows = sheet.rows();
    if (rows.isEmpty()) return;
    TreeSet<Integer> shown = new TreeSet<>();
    for (int r = 1; r <= Math.min(FIRST_ROWS, rows.size()); r++) shown.add(r);
    for (String key : flagged.keySet()) {
      int row = Integer.parseInt(key.substring(0, key.indexOf(',')));
      for (int r = Math.max(1, row - AROUND); r <= Math.min(rows.size(), row + AROUND); r++)
        shown.add(r);
    }
    int width = 0;
    for (int r : shown) width = Math.max(width, rows.get(r - 1).length);
    Set<Integer> maskedColumns = new HashSet<>();
    if (sheet.headerRow() > 0) {
      String[] header = rows.get(sheet.headerRow() - 1);
      for (int c = 0; c < header.length; c++) {
        if (header[c] != null && ids.contains(header[c].strip())) maskedColumns.add(c);
      }
    }
    b.append("<h3>")
        .append(sheet.name().isEmpty() ? "Table" : "Sheet " + HtmlReport.esc(sheet.name()))
        .append("</h3>\n<table class=\"grid\"><tr><th class=\"n\"></th>");
    for (int c = 0; c < width; c++) b.append("<th class=\"n\">").append(letters(c)).append("</th>");
    b.append("</tr>\n");
    IdentifierFinder finder = new IdentifierFinder();
    int previous = 0;
    for (int r : shown) {
      if (r > previous + 1) gap(b, r - previous - 1, width);
      previous = r;
      String[] cells = rows.get(r - 1);
      boolean header = r <= sheet.headerRow();
      b.append("<tr><th class=\"n\">").append(r).append("</th>");
      for (int c = 0; c < width; c++) {
        String v = c < cells.length && cells[c] != null ? cells[c] : "";
        Finding f = flagged.get(r + "," + c);
        boolean masked = !header && (maskedColumns.contains(c) || identifier(finder, v));
        String cls = f != null ? CLASSES.get(f.code()) : masked ? CLASSES.get("IDENTIFIER") : null;
        b.append(header ? "<th" : "<td");
        if (cls != null || c == 0)
          b.append(" class=\"").append(cls == null ? "l" : cls + (c == 0 ? " l" : "")).append('"');
        if (f != null)
          b.append(" title=\"").append(HtmlReport.esc(f.code() + ": " + f.message())).append('"');
        else if (masked) b.append(" title=\"identifier (masked)\"");
        b.append('>')
            .append(HtmlReport.esc(masked ? Mask.generic(v) : v))
            .append(header ? "</th>" : "</td>");
      }
      b.append("</tr>\n");
    }
    long omitted = sheet.totalRows() - previous;
    if (omitted > 0) {
      b.append("<tr class=\"gap\"><td colspan=\"")
          .append(width + 1)
          .append("\">")
          .append(omitted)
          .append(" more row")
          .append(omitted == 1 ? "" : "s")
          .append(" not shown</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static boolean identifier(IdentifierFinder finder, String v) {
    if (v.isEmpty()) return false;
    boolean[] hit = new boolean[1];
    finder.scanLine(v, null, (k, m) -> hit[0] = true);
    return hit[0];
  }

  private static void gap(StringBuilder b, int n, int width) {
    b.append("<tr class=\"gap\"><td colspan=\"")
        .append(width + 1)
        .append("\">")
        .append(n)
        .append(" row")
        .append(n == 1 ? "" : "s")
        .append(" omitted</td></tr>\n");
  }

  /** The legend: each rule's colour and how many of its cells the file has. */
  static void legend(StringBuilder b, FileReport file) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Finding f : file.findings()) {
      if (CLASSES.containsKey(f.code()) && CELL.matcher(f.evidence()).find())
        counts.merge(f.code(), 1, Integer::sum);
      if (IDENTIFIERS.contains(f.code())) counts.merge("IDENTIFIER", 1, Integer::sum);
    }
    if (counts.isEmpty()) return;
    b.append("<p class=\"legend\">");
    counts.forEach(
        (code, n) ->
            b.append("<span class=\"")
                .append(CLASSES.get(code))
                .append("\">")
                .append(code.equals("IDENTIFIER") ? "identifier (masked)" : code)
                .append("</span>"));
    b.append("</p>\n");
  }

  private static int column(String letters) {
    int n = 0;
    for (int i = 0; i < letters.length(); i++) n = n * 26 + (letters.charAt(i) - 'A' + 1);
    return n - 1;
  }

  private static String letters(int c) {
    StringBuilder s = new StringBuilder();
    for (int n = c + 1; n > 0; n = (n - 1) / 26) s.insert(0, (char) ('A' + (n - 1) % 26));
    return s.toString();
  }
}
