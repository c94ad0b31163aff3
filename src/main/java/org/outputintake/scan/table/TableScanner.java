package org.outputintake.scan.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.outputintake.scan.ContentScanner;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.Finding;
import org.outputintake.scan.FindingCollector;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.identifier.IdentifierFinder;

/**
 * Statistical disclosure and identifier checks on tables: CSV streamed with Commons CSV, XLSX
 * streamed sheet by sheet with a SAX handler ({@link XlsxSheets}, never the whole workbook in
 * memory), XLS through HSSF. Every visible sheet is a table; hidden sheets are left to the
 * hidden-content scanner, which reports them as such.
 */
public final class TableScanner implements ContentScanner {
  /**
   * Widest row read; wider rows are cut, since no output table is that wide and a bad file could
   * be.
   */
  static final int MAX_COLUMNS = 16_384;

  private static final long MAX_XLS_BYTES = 64L * 1024 * 1024;
  private final int cellLimit;

  /** The scanner of the scan engine: at most 20 findings of a kind per file, the rest summed up. */
  public TableScanner() {
    this(CellList.KEEP);
  }

  /**
   * A scanner that keeps up to {@code cellLimit} located cells of each kind (an ACRO results file
   * lists every flagged cell, where a human report shows 20).
   */
  public TableScanner(int cellLimit) {
    if (cellLimit < 1) throw new IllegalArgumentException("cellLimit must be >= 1");
    this.cellLimit = cellLimit;
  }

  @Override
  public boolean appliesTo(ScanFile file) {
    return FileKinds.table(file) != null;
  }

  @Override
  public List<Finding> scan(ScanFile file, ScanContext ctx) throws IOException {
    FindingCollector out = new FindingCollector(Math.max(FindingCollector.DEFAULT_CAP, cellLimit));
    IdentifierFinder finder = new IdentifierFinder();
    switch (FileKinds.table(file)) {
      case CSV -> csv(file, ctx, out, finder);
      case XLSX -> xlsx(file, ctx, out, finder);
      case XLS -> xls(file, ctx, out, finder);
    }
    return out.findings();
  }

  private void csv(ScanFile file, ScanContext ctx, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    char delimiter = file.extension().equals("csv") ? sniffDelimiter(file) : '\t';
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    TableAnalyzer table = new TableAnalyzer("", ctx, out, finder, cellLimit);
    String[] cells = new String[64];
    try (Reader reader = reader(file);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> it = parser.iterator();
      while (it.hasNext()) {
        CSVRecord record = it.next();
        int width = Math.min(record.size(), MAX_COLUMNS);
        if (width > cells.length) cells = new String[Math.max(width, cells.length * 2)];
        for (int i = 0; i < width; i++) cells[i] = Cells.excelText(record.get(i));
        table.row(record.getRecordNumber(), cells, width);
      }
    } catch (UncheckedIOException | IllegalStateException e) {
      out.add(
          Finding.warning(
              "SCAN_ERROR",
              "row " + (table.lastRow() + 1),
              "The CSV could not be read past this row (for example an unclosed quote); the rest was not checked. "
                  + "Fix the file and send it again."));
    }
    table.finish();
  }

  static Reader reader(ScanFile file) throws IOException {
    InputStream in = Files.newInputStream(file.path());
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    r.mark(1);
    if (r.read() != '\uFEFF') r.reset();
    return r;
  }

  /** Comma unless the first line has more semicolons or tabs outside quotes. */
  static char sniffDelimiter(ScanFile file) throws IOException {
    try (Reader r = reader(file)) {
      char[] buf = new char[8192];
      int n = r.read(buf);
      int commas = 0;
      int semis = 0;
      int tabs = 0;
      boolean quoted = false;
      for (int i = 0; i < Math.max(n, 0); i++) {
        char c = buf[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') commas++;
        else if (!quoted && c == ';') semis++;
        else if (!quoted && c == '\t') tabs++;
      }
      if (tabs > commas && tabs >= semis) return '\t';
      return semis > commas ? ';' : ',';
    }
  }

  private void xlsx(ScanFile file, ScanContext ctx, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    XlsxSheets.read(
        file.path(),
        name -> {
          TableAnalyzer table =
              new TableAnalyzer("sheet '" + name + "'", ctx, out, finder, cellLimit);
          return new XlsxSheets.RowSink() {
            @Override
            public void row(long row, String[] cells, int width) {
              table.row(row, cells, width);
            }

            @Override
            public void finish() {
              table.finish();
            }
          };
        });
  }

  private void xls(ScanFile file, ScanContext ctx, FindingCollector out, IdentifierFinder finder)
      throws IOException {
    if (Files.size(file.path()) > MAX_XLS_BYTES) {
      out.add(
          Finding.warning(
              "SCAN_ERROR",
              "",
              "The XLS workbook is too large to check automatically "
                  + "(over 64 MB). Save it as XLSX or CSV, or ask an officer to check it by hand."));
      return;
    }
    try (InputStream in = Files.newInputStream(file.path());
        Workbook wb = new HSSFWorkbook(in)) {
      workbook(wb, ctx, out, finder);
    } catch (RuntimeException e) {
      throw new IOException(
          "not a readable XLS workbook (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private void workbook(
      Workbook wb, ScanContext ctx, FindingCollector out, IdentifierFinder finder) {
    String[] cells = new String[64];
    DateFormats dates = new DateFormats();
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      if (wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)) continue;
      Sheet sheet = wb.getSheetAt(s);
      TableAnalyzer table =
          new TableAnalyzer("sheet '" + sheet.getSheetName() + "'", ctx, out, finder, cellLimit);
      for (Row row : sheet) {
        int width = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
        if (width > cells.length) cells = new String[Math.max(width, cells.length * 2)];
        java.util.Arrays.fill(cells, 0, width, null);
        for (Cell cell : row) {
          int c = cell.getColumnIndex();
          if (c >= 0 && c < width) cells[c] = text(cell, dates);
        }
        table.row(row.getRowNum() + 1L, cells, width);
      }
      table.finish();
    }
  }

  /** A cell as the researcher sees it: whole numbers without ".0", dates as ISO dates. */
  static String text(Cell cell, DateFormats dates) {
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) type = cell.getCachedFormulaResultType();
    switch (type) {
      case STRING:
        return cell.getStringCellValue();
      case NUMERIC:
        if (dates.isDate(cell)) {
          var date = cell.getLocalDateTimeCellValue();
          return date == null ? "" : date.toLocalDate().toString();
        }
        double d = cell.getNumericCellValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
      case BOOLEAN:
        return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      default:
        return null;
    }
  }

  /**
   * Whether a numeric cell shows a date, cached per cell style: POI's check runs regular
   * expressions over the format string and would otherwise dominate the time spent on a large
   * workbook.
   */
  static final class DateFormats {
    private final java.util.Map<Integer, Boolean> byStyle = new java.util.HashMap<>();

    boolean isDate(Cell cell) {
      var style = cell.getCellStyle();
      if (style == null) return false;
      return byStyle.computeIfAbsent(
          (int) style.getIndex(),
          k -> DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString()));
    }
  }
}
