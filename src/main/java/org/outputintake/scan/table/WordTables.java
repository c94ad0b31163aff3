package org.outputintake.scan.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.outputintake.scan.ContentScanner;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.identifier.IdentifierFinder;

/**
 * The tables of a Word report (.docx, .docm) get the same disclosure checks as a CSV table: a
 * report's "Table 2" with a count of 4 is as disclosive as the CSV it came from. Identifiers in
 * them are left to the document scanner, which reads the whole text, tables included.
 */
public final class WordTables implements ContentScanner {
  /** More tables than any report has: a file with more is checked up to here, and says so. */
  static final int MAX_TABLES = 500;

  private static final int MAX_ROWS = 100_000;

  @Override
  public boolean appliesTo(ScanFile file) {
    String type = file.mediaType() == null ? "" : file.mediaType().toLowerCase(Locale.ROOT);
    return type.contains("wordprocessingml") || type.contains("ms-word.document.macroenabled");
  }

  @Override
  public List<Finding> scan(ScanFile file, ScanContext ctx) throws IOException {
    FindingCollector out = new FindingCollector();
    IdentifierFinder finder = new IdentifierFinder();
    try (InputStream in = Files.newInputStream(file.path());
        XWPFDocument doc = new XWPFDocument(in)) {
      List<XWPFTable> tables = doc.getTables();
      for (int i = 0; i < Math.min(tables.size(), MAX_TABLES); i++) {
        TableAnalyzer table =
            new TableAnalyzer("table " + (i + 1), ctx, out, finder, CellList.KEEP, false);
        rows(tables.get(i), table);
        table.finish();
      }
      if (tables.size() > MAX_TABLES) {
        out.add(
            Finding.warning(
                "SCAN_ERROR",
                "",
                "Only the first "
                    + MAX_TABLES
                    + " tables of the document were checked; an officer checks the rest by hand."));
      }
    } catch (RuntimeException e) {
      throw new IOException(
          "the document's tables could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    return out.findings();
  }

  /**
   * Feeds the rows, a merged cell spread over the columns it spans (its text in the first, the rest
   * blank) so that the cells below stay under their headers.
   */
  private static void rows(XWPFTable t, TableAnalyzer table) {
    String[] cells = new String[16];
    long r = 0;
    for (XWPFTableRow row : t.getRows()) {
      if (r >= MAX_ROWS) break;
      int width = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        int span = span(cell);
        if (width + span > cells.length)
          cells = java.util.Arrays.copyOf(cells, Math.max(width + span, cells.length * 2));
        cells[width] = cell.getText();
        for (int k = 1; k < span; k++) cells[width + k] = null;
        width = Math.min(width + span, TableScanner.MAX_COLUMNS);
      }
      table.row(++r, cells, width);
    }
  }

  private static int span(XWPFTableCell cell) {
    CTTcPr pr = cell.getCTTc().getTcPr();
    if (pr == null || pr.getGridSpan() == null) return 1;
    Object v = pr.getGridSpan().getVal();
    try {
      int n = Integer.parseInt(String.valueOf(v));
      return Math.max(1, Math.min(n, 1000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
