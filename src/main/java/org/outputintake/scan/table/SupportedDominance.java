package org.outputintake.scan.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;

/**
 * Dominance from a supporting file: a magnitude table without its largest contributions
 * (DOMINANCE_UNCHECKED) is joined, by its row labels and columns, with another sheet or file of the
 * same request that gives them ({@link SupportSheet} lists the layouts). The p% and NK rules then
 * judge the table's cells with the table's totals; DOMINANCE findings (and LOW_COUNT, when the
 * supporting file gives fewer contributors than the threshold) go on the table's cells, and
 * DOMINANCE_UNCHECKED stays only for what could not be matched, naming it. The supporting file is
 * marked SUPPORTING_MATERIAL (largest contributions are single contributors' values, not for
 * release) and the table rules that make no sense for it (a {@code max} column is its point) are
 * taken off it.
 */
public final class SupportedDominance {
  public static final String SUPPORTING = "SUPPORTING_MATERIAL";
  static final String UNCHECKED = "DOMINANCE_UNCHECKED";

  /** Table rules that do not apply to supporting material; their cells are judged on the table. */
  private static final Set<String> TABLE_RULES =
      Set.of(
          "EXTREME_VALUE",
          "DOMINANCE",
          UNCHECKED,
          "UNDERLYING_COUNTS_MISSING",
          "TABLE_UNRECOGNISED",
          "LOW_COUNT",
          "ZERO_COUNT",
          "UNROUNDED_COUNT",
          "SECONDARY_DISCLOSURE");

  private static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final int MAX_ROWS = 50_000;

  private SupportedDominance() {}

  /**
   * The reports with dominance judged from supporting files where a request has them.
   *
   * @param files the files of the reports, same order (archive entries included)
   * @param limit how many located cells of a kind each table keeps (the rest are summed up)
   */
  public static List<FileReport> apply(
      List<FileReport> reports, List<ScanFile> files, ScanContext ctx, int limit) {
    if (reports.size() != files.size()) return reports;
    List<Integer> targets = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      if (readable(files.get(i))
          && reports.get(i).findings().stream().anyMatch(f -> f.code().equals(UNCHECKED)))
        targets.add(i);
    }
    if (targets.isEmpty() || !supportPossible(files, targets)) return reports;
    Request request = new Request(files);
    List<List<Finding>> findings = new ArrayList<>();
    for (FileReport r : reports) findings.add(new ArrayList<>(r.findings()));
    List<Join> joins = new ArrayList<>();
    for (int i : targets) {
      for (Finding f : reports.get(i).findings()) {
        if (!f.code().equals(UNCHECKED)) continue;
        TableGrid.Sheet sheet = request.sheet(i, sheetName(f.location()));
        if (sheet == null) continue;
        Join join = Join.of(request, i, sheet, f.location(), ctx, limit);
        if (join != null) joins.add(join);
      }
    }
    Set<String> supports = new java.util.HashSet<>();
    for (Join j : joins) j.used.forEach(u -> supports.add(u.file() + "\u001f" + u.sheet()));
    Map<Integer, Integer> marked = new HashMap<>();
    for (Join j : joins) {
      // a sheet used as supporting material is not itself a table to release
      if (supports.contains(j.file + "\u001f" + j.sheetName)) continue;
      List<Finding> mine = findings.get(j.file);
      mine.removeIf(f -> f.code().equals(UNCHECKED) && f.location().equals(j.where));
      // the number of contributors per cell is the count an officer asks for under magnitudes
      if (j.counted)
        mine.removeIf(
            f ->
                f.code().equals("UNDERLYING_COUNTS_MISSING")
                    && onSheet(f, j.sheetName, j.sheetName.isEmpty()));
      mine.addAll(j.findings);
      for (Join.Used u : j.used) {
        List<Finding> theirs = findings.get(u.file());
        theirs.removeIf(f -> TABLE_RULES.contains(f.code()) && onSheet(f, u.sheet(), u.csv()));
        theirs.add(marked.merge(u.file(), 1, Integer::sum) - 1, u.finding());
      }
    }
    List<FileReport> out = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      FileReport r = reports.get(i);
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), findings.get(i)));
    }
    return out;
  }

  /**
   * Every located cell the supporting files give for {@code table} (for ACRO's results, which list
   * them all): its DOMINANCE and LOW_COUNT findings from the join, or none.
   */
  public static List<Finding> cells(
      ScanFile table, List<Finding> scanned, List<ScanFile> others, ScanContext ctx, int limit) {
    List<ScanFile> files = new ArrayList<>();
    files.add(table);
    files.addAll(others);
    List<FileReport> reports = new ArrayList<>();
    reports.add(new FileReport(table.displayName(), table.mediaType(), "", 0, scanned));
    for (ScanFile f : others)
      reports.add(new FileReport(f.displayName(), f.mediaType(), "", 0, List.of()));
    List<Finding> out = new ArrayList<>();
    for (Finding f : apply(reports, files, ctx, limit).get(0).findings()) {
      if ((f.code().equals("DOMINANCE") || f.code().equals("LOW_COUNT"))
          && f.message().contains(SOURCE_MARK)) out.add(f);
    }
    return out;
  }

  /** Words every finding made from a supporting file carries (ACRO's results find them by it). */
  public static final String SOURCE_MARK = "from the supporting material";

  /**
   * Whether anything could support the tables: another table file, or another sheet of a workbook
   * (a lone CSV of magnitudes, the common case, is not read again).
   */
  private static boolean supportPossible(List<ScanFile> files, List<Integer> targets) {
    for (int i : targets) {
      if (FileKinds.table(files.get(i)) == FileKinds.TableFormat.XLSX) return true;
    }
    long tables = files.stream().filter(SupportedDominance::readable).count();
    return tables > 1;
  }

  private static boolean readable(ScanFile f) {
    FileKinds.TableFormat format = FileKinds.table(f);
    return (format == FileKinds.TableFormat.CSV || format == FileKinds.TableFormat.XLSX)
        && f.size() <= MAX_BYTES;
  }

  /** {@code sheet 'Turnover'} gives "Turnover"; a CSV table's empty place gives "". */
  static String sheetName(String location) {
    if (!location.startsWith("sheet '")) return "";
    int end = location.indexOf("', ", 7);
    if (end < 0) end = location.endsWith("'") ? location.length() - 1 : -1;
    return end < 0 ? "" : location.substring(7, end);
  }

  private static boolean onSheet(Finding f, String sheet, boolean csv) {
    if (csv) return true;
    String at = "sheet '" + sheet + "'";
    return f.location().startsWith(at) || f.location().isEmpty() && f.message().contains(at);
  }

  /** The request's table files, each read once and only when needed. */
  static final class Request {
    final List<ScanFile> files;
    private final Map<Integer, List<TableGrid.Sheet>> sheets = new HashMap<>();

    Request(List<ScanFile> files) {
      this.files = files;
    }

    List<TableGrid.Sheet> sheets(int i) {
      return sheets.computeIfAbsent(
          i,
          k -> {
            if (!readable(files.get(k))) return List.of();
            try {
              return TableGrid.read(files.get(k), MAX_ROWS);
            } catch (IOException | RuntimeException e) {
              return List.of();
            }
          });
    }

    TableGrid.Sheet sheet(int i, String name) {
      for (TableGrid.Sheet s : sheets(i)) {
        if (s.name().equals(name)) return s;
      }
      return null;
    }

    /**
     * The name a same-grid sheet is recognised by: the sheet's, or the CSV file's without its
     * extension.
     */
    String nameOf(int i, TableGrid.Sheet s) {
      if (!s.name().isEmpty()) return s.name();
      String n = files.get(i).displayName().replace('\\', '/');
      n = n.substring(n.lastIndexOf('/') + 1);
      int dot = n.lastIndexOf('.');
      return dot > 0 ? n.substring(0, dot) : n;
    }

    String fileName(int i) {
      String n = files.get(i).displayName().replace('\\', '/');
      int archive = n.lastIndexOf("!/");
      return archive >= 0 ? n.substring(archive + 2) : n.substring(n.lastIndexOf('/') + 1);
    }

    Map<Integer, List<TableGrid.Sheet>> candidates(int target, String targetSheet) {
      Map<Integer, List<TableGrid.Sheet>> out = new LinkedHashMap<>();
      for (int i = 0; i < files.size(); i++) {
        if (!readable(files.get(i))) continue;
        List<TableGrid.Sheet> list = new ArrayList<>();
        for (TableGrid.Sheet s : sheets(i)) {
          if (i == target && s.name().equals(targetSheet)) continue;
          list.add(s);
        }
        if (!list.isEmpty()) out.put(i, list);
      }
      return out;
    }
  }
}
