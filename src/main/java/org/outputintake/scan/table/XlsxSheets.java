package org.outputintake.scan.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The visible sheets of an XLSX workbook, row by row, read with a SAX handler over each sheet's
 * XML: no workbook object and no row objects, so memory stays flat whatever the size and the cost
 * is that of parsing the XML. A cell reads as the researcher sees it: whole numbers without ".0",
 * dates as ISO dates, booleans as TRUE/FALSE, errors as nothing. Hidden sheets are skipped; the
 * hidden-content scanner reports them.
 */
final class XlsxSheets {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** Receives one sheet's rows. */
  interface SheetReader {
    /**
     * @return the consumer of this sheet's rows, finished after its last row
     */
    RowSink sheet(String name);
  }

  /**
   * One sheet's rows: {@code row} is the 1-based row number, {@code cells} holds nulls for empty
   * cells.
   */
  interface RowSink {
    void row(long row, String[] cells, int width);

    void finish();
  }

  private XlsxSheets() {}

  static void read(Path file, SheetReader reader) throws IOException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader xssf = new XSSFReader(pkg, true);
      SharedStrings strings = xssf.getSharedStringsTable();
      DateStyles dates = new DateStyles(xssf.getStylesTable());
      for (SheetRef sheet : sheets(xssf)) {
        if (!sheet.visible()) continue;
        RowSink sink = reader.sheet(sheet.name());
        try (InputStream in = xssf.getSheet(sheet.relationId())) {
          parse(in, new SheetHandler(strings, dates, sink));
        }
        sink.finish();
      }
    } catch (OpenXML4JException | SAXException | RuntimeException e) {
      throw new IOException(
          "not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private record SheetRef(String name, String relationId, boolean visible) {}

  /** The sheets in workbook order, from workbook.xml. */
  private static List<SheetRef> sheets(XSSFReader xssf)
      throws IOException, OpenXML4JException, SAXException {
    List<SheetRef> sheets = new ArrayList<>();
    try (InputStream in = xssf.getWorkbookData()) {
      parse(
          in,
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
              if (MAIN.equals(uri) && "sheet".equals(local)) {
                String state = atts.getValue("state");
                sheets.add(
                    new SheetRef(
                        String.valueOf(atts.getValue("name")),
                        atts.getValue(RELS, "id"),
                        state == null || "visible".equals(state)));
              }
            }
          });
    }
    return sheets;
  }

  private static void parse(InputStream in, DefaultHandler handler)
      throws IOException, SAXException {
    try {
      XMLReader xml =
          XMLHelper.newXMLReader(); // POI's hardened reader: no DTDs, no external entities
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IOException("the XML parser cannot be configured safely", e);
    }
  }

  /** Whether a cell style shows numbers as dates, decided once per style. */
  private static final class DateStyles {
    private final StylesTable styles;
    private final Map<Integer, Boolean> byStyle = new HashMap<>();

    DateStyles(StylesTable styles) {
      this.styles = styles;
    }

    boolean isDate(int style) {
      if (styles == null || style < 0 || style >= styles.getNumCellStyles()) return false;
      return byStyle.computeIfAbsent(
          style,
          s -> {
            var st = styles.getStyleAt(s);
            return st != null
                && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
          });
    }
  }

  /** One sheet's XML, turned into rows of cell texts. */
  private static final class SheetHandler extends DefaultHandler {
    private final SharedStrings strings;
    private final DateStyles dates;
    private final RowSink sink;
    private String[] cells = new String[64];
    private int width;
    private long row;
    private int column;
    private String type;
    private int style;
    private final StringBuilder text = new StringBuilder();
    private boolean collecting;
    private boolean inPhonetic;

    SheetHandler(SharedStrings strings, DateStyles dates, RowSink sink) {
      this.strings = strings;
      this.dates = dates;
      this.sink = sink;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
      if (!MAIN.equals(uri)) return;
      switch (local) {
        case "row" -> {
          String r = atts.getValue("r");
          row = r == null ? row + 1 : Long.parseLong(r);
          Arrays.fill(cells, 0, width, null);
          width = 0;
          column = -1;
        }
        case "c" -> {
          String ref = atts.getValue("r");
          column = ref == null ? column + 1 : columnOf(ref);
          type = atts.getValue("t");
          String s = atts.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s);
          text.setLength(0);
        }
        case "v" -> collecting = true;
        case "t" -> collecting = !inPhonetic; // inline string text, but not its phonetic guide
        case "rPh" -> inPhonetic = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      if (!MAIN.equals(uri)) return;
      switch (local) {
        case "v", "t" -> collecting = false;
        case "rPh" -> inPhonetic = false;
        case "c" -> cell();
        case "row" -> sink.row(row, cells, width);
        default -> {}
      }
    }

    private void cell() {
      if (column < 0 || column >= TableScanner.MAX_COLUMNS) return;
      String value = value();
      if (value == null) return;
      if (column >= cells.length)
        cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
      cells[column] = value;
      width = Math.max(width, column + 1);
    }

    private String value() {
      String raw = text.toString();
      if (type == null || type.equals("n")) return number(raw);
      return switch (type) {
        case "s" -> sharedString(raw);
        case "inlineStr", "str" -> raw;
        case "b" ->
            raw.isEmpty()
                ? null
                : raw.equals("1") || raw.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
        case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
        default -> null; // "e": an error such as #DIV/0! shows no value
      };
    }

    private String sharedString(String index) {
      try {
        return strings == null
            ? null
            : strings.getItemAt(Integer.parseInt(index.strip())).getString();
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        return null;
      }
    }

    private String number(String raw) {
      if (raw.isEmpty()) return null;
      double d;
      try {
        d = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        return raw;
      }
      if (dates.isDate(style) && DateUtil.isValidExcelDate(d)) {
        var date = DateUtil.getLocalDateTime(d);
        return date == null ? "" : date.toLocalDate().toString();
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
      return Double.toString(d);
    }

    /** The 0-based column of a reference such as {@code AB12}. */
    private static int columnOf(String ref) {
      int c = 0;
      for (int i = 0; i < ref.length(); i++) {
        char ch = ref.charAt(i);
        if (ch >= 'A' && ch <= 'Z') c = c * 26 + (ch - 'A' + 1);
        else if (ch >= 'a' && ch <= 'z') c = c * 26 + (ch - 'a' + 1);
        else break;
        if (c > TableScanner.MAX_COLUMNS) return TableScanner.MAX_COLUMNS;
      }
      return c - 1;
    }
  }
}
