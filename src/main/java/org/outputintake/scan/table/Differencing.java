package org.outputintake.scan.table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.identifier.ColumnNames;

/**
 * Disclosure by differencing between the count tables of one request: two tables whose grand totals
 * differ by fewer than the threshold (1240 and 1236) usually describe one population with a small
 * group left out of one of them, and subtracting them gives that group. Only a total the table
 * states on a row labelled as one is compared, so nothing is guessed from a table's shape.
 */
public final class Differencing {
  public static final String CODE = "DIFFERENCING";

  /**
   * A table with a stated grand total is a published table, not a long file of records: only such
   * sizes are read a second time, so a request of large files costs no extra parse.
   */
  private static final int MAX_ROWS = 5_000;

  private static final long MAX_BYTES = 1L << 20;
  private static final int MAX_PAIRS = 20;

  private Differencing() {}

  private record Total(int file, String sheet, String shown, long value) {
    String where() {
      return sheet.isEmpty() ? "" : "sheet '" + sheet + "'";
    }
  }

  public static List<FileReport> apply(
      List<FileReport> reports, List<ScanFile> files, ScanContext ctx) {
    if (reports.size() != files.size() || files.size() < 2) return reports;
    List<Total> totals = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (!countTable(files.get(i), reports.get(i))) continue;
      try {
        for (TableGrid.Sheet s : TableGrid.read(files.get(i), MAX_ROWS)) {
          long t = grandTotal(s);
          if (t >= ctx.threshold()) {
            totals.add(new Total(i, s.name(), files.get(i).displayName(), t));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the file's own scan has already said what is wrong with it
      }
    }
    if (totals.size() < 2) return reports;
    List<List<Finding>> findings = new ArrayList<>();
    for (FileReport r : reports) findings.add(new ArrayList<>(r.findings()));
    int pairs = 0;
    for (int a = 0; a < totals.size() && pairs < MAX_PAIRS; a++) {
      for (int b = a + 1; b < totals.size() && pairs < MAX_PAIRS; b++) {
        Total x = totals.get(a);
        Total y = totals.get(b);
        long d = Math.abs(x.value() - y.value());
        if (d == 0 || d >= ctx.threshold()) continue;
        pairs++;
        findings.get(x.file()).add(finding(x, y, d, ctx.threshold()));
        findings.get(y.file()).add(finding(y, x, d, ctx.threshold()));
      }
    }
    if (pairs == 0) return reports;
    List<FileReport> out = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      FileReport r = reports.get(i);
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), findings.get(i)));
    }
    return out;
  }

  private static Finding finding(Total mine, Total other, long d, int threshold) {
    String otherName =
        "'"
            + other.shown()
            + "'"
            + (other.sheet().isEmpty() ? "" : ", sheet '" + other.sheet() + "'");
    return Finding.warning(
        CODE,
        mine.where(),
        "The total of this table ("
            + mine.value()
            + ") and the total of "
            + otherName
            + " ("
            + other.value()
            + ") differ by "
            + d
            + ", fewer than the threshold of "
            + threshold
            + ". If the two tables count the same population with a small group left out of one,"
            + " subtracting one from the other discloses that group. Say how the populations"
            + " differ, or make them the same.");
  }

  /** A CSV or XLSX table that the scan read as counts (not a magnitude or model table). */
  private static boolean countTable(ScanFile f, FileReport r) {
    FileKinds.TableFormat format = FileKinds.table(f);
    if (format != FileKinds.TableFormat.CSV && format != FileKinds.TableFormat.XLSX) return false;
    if (f.size() > MAX_BYTES) return false;
    return r.findings().stream()
        .noneMatch(
            x ->
                x.code().equals("UNDERLYING_COUNTS_MISSING")
                    || x.code().equals("DOMINANCE_UNCHECKED")
                    || x.code().equals("TABLE_UNRECOGNISED"));
  }

  /**
   * The grand total a sheet states: on its last row labelled as a total, the value in the column
   * headed as a total, or the row's only whole number; -1 when there is none or it is ambiguous.
   */
  static long grandTotal(TableGrid.Sheet s) {
    List<String[]> rows = s.rows();
    if (s.headerRow() < 1 || s.headerRow() > rows.size()) return -1;
    String[] header = rows.get(s.headerRow() - 1);
    int totalColumn = -1;
    for (int c = 1; c < header.length; c++) {
      if (header[c] != null && ColumnRole.isTotalLabel(ColumnNames.normalize(header[c]))) {
        totalColumn = c;
      }
    }
    for (int r = rows.size() - 1; r >= Math.max(0, s.dataStart() - 1); r--) {
      String[] row = rows.get(r);
      if (row.length == 0 || row[0] == null) continue;
      if (!ColumnRole.isTotalLabel(ColumnNames.normalize(row[0]))) continue;
      if (totalColumn > 0) return totalColumn < row.length ? count(row[totalColumn]) : -1;
      long only = -1;
      for (int c = 1; c < row.length; c++) {
        long v = count(row[c]);
        if (v < 0) continue;
        if (only >= 0) return -1;
        only = v;
      }
      return only;
    }
    return -1;
  }

  private static long count(String v) {
    return v == null ? -1 : Math.max(-1, Cells.parse(v.strip()));
  }
}
