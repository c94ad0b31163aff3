package org.outputintake.scan.table;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.ScanFile;

/**
 * A table's cells as text, for reports that show the table itself (the HTML report, ACRO's outcome
 * grid and the CSV copy of an XLSX sheet). Reads at most {@code maxRows} rows of each sheet.
 */
public final class TableGrid {
  /**
   * One sheet, or the CSV file.
   *
   * @param name the sheet's name, empty for a CSV file
   * @param rows the rows read, each as its cells (null for an empty cell), row {@code i} being
   *     spreadsheet row i+1
   * @param truncated whether rows were left unread
   * @param headerRow the 1-based row of the header (first row with two or more filled cells), 0 if
   *     none
   * @param dataStart the 1-based row of the first data row (after pandas' further header rows)
   * @param totalRows how many rows the sheet has, read or not
   */
  public record Sheet(
      String name,
      List<String[]> rows,
      boolean truncated,
      int headerRow,
      int dataStart,
      long totalRows) {
    public Sheet {
      rows = List.copyOf(rows);
    }
  }

  private TableGrid() {}

  /** The sheets of a CSV or XLSX file (XLS: none); empty when the file is no table. */
  public static List<Sheet> read(ScanFile file, int maxRows) throws IOException {
    FileKinds.TableFormat format = FileKinds.table(file);
    if (format == null) return List.of();
    List<Sheet> out = new ArrayList<>();
    switch (format) {
      case CSV -> out.add(csv(file, maxRows));
      case XLSX ->
          XlsxSheets.read(
              file.path(),
              name ->
                  new XlsxSheets.RowSink() {
                    private final List<String[]> rows = new ArrayList<>();
                    private boolean truncated;
                    private long total;

                    @Override
                    public void row(long row, String[] cells, int width) {
                      total = Math.max(total, row);
                      if (row > maxRows) {
                        truncated = true;
                        return;
                      }
                      while (rows.size() < row - 1) rows.add(new String[0]);
                      rows.add(Arrays.copyOf(cells, width));
                    }

                    @Override
                    public void finish() {
                      out.add(sheet(name, rows, truncated, total));
                    }
                  });
      default -> {}
    }
    return out;
  }

  private static Sheet csv(ScanFile file, int maxRows) throws IOException {
    char delimiter = file.extension().equals("csv") ? TableScanner.sniffDelimiter(file) : '\t';
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    List<String[]> rows = new ArrayList<>();
    boolean truncated = false;
    long total = 0;
    try (Reader reader = TableScanner.reader(file);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord record : parser) {
        total++;
        if (rows.size() >= maxRows) {
          truncated = true;
          continue; // counted, not kept
        }
        String[] cells = new String[Math.min(record.size(), TableScanner.MAX_COLUMNS)];
        for (int i = 0; i < cells.length; i++) cells[i] = Cells.excelText(record.get(i));
        rows.add(cells);
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      truncated = true; // a broken CSV is shown as far as it could be read
    }
    return sheet("", rows, truncated, total);
  }

  private static Sheet sheet(String name, List<String[]> rows, boolean truncated, long total) {
    int header = 0;
    for (int r = 0; r < rows.size() && header == 0; r++) {
      String[] cells = rows.get(r);
      if (filled(cells) >= 2 || HeaderRows.blankCorner(cells, cells.length)) header = r + 1;
    }
    int data = header + 1;
    // pandas writes the index name on a row of its own under the header
    while (header > 0 && data <= rows.size() && data - header <= 3 && onlyFirst(rows.get(data - 1)))
      data++;
    return new Sheet(name, rows, truncated, header, data, Math.max(total, rows.size()));
  }

  private static int filled(String[] cells) {
    int n = 0;
    for (String c : cells) {
      if (c != null && !c.isBlank()) n++;
    }
    return n;
  }

  private static boolean onlyFirst(String[] cells) {
    return cells.length > 0 && cells[0] != null && !cells[0].isBlank() && filled(cells) == 1;
  }
}
