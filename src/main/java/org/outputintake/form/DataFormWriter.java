package org.outputintake.form;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

/**
 * Writes an ingest or transfer form (blank, or filled for tests and the demo) as Word and Excel,
 * laid out as the output form is: the fields beside their labels, the file table, then the
 * declarations with a real check box (Word) or a Yes/No cell (Excel).
 */
public final class DataFormWriter {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  private static final int SPARE_ROWS = 8;

  private DataFormWriter() {}

  /** The blank forms of both kinds, as shipped in {@code templates/forms/}. */
  public static void writeBlanks(Path dir) throws IOException {
    for (DataFormKind k : DataFormKind.values()) {
      writeDocx(DataRequestForm.blank(k), dir.resolve(k.docxName()));
      writeXlsx(DataRequestForm.blank(k), dir.resolve(k.xlsxName()));
    }
  }

  static List<String> instructions(DataFormKind kind) {
    return kind == DataFormKind.INGEST
        ? List.of(
            "Use this form to bring files into your SRS project from outside the SRS. Send it with the"
                + " files to SRS Customer Support.",
            "List every file. For a file that holds data, name the dataset it comes from and every"
                + " variable (column) in it; the dataset must be approved for the project in its"
                + " application or an addendum. If it is not, give the addendum reference, or raise an"
                + " addendum through the project's page on the Researcher Access Service.",
            "Geography lookups: use the SRS Libraries, or name the file on the ONS Open Geography"
                + " Portal in the description for the team to download, rather than attaching it.")
        : List.of(
            "Use this form to copy files from one of your SRS projects to another. Put the files in"
                + " a folder in the source project's Ready for Checking and name the folder below.",
            "You must be named on both projects. For a file that holds data, name the dataset, every"
                + " variable and the approval of that data in the destination project (its"
                + " application or an addendum).");
  }

  static String value(DataRequestForm f, DataFormField field) {
    return switch (field) {
      case PROJECT_NUMBER, SOURCE_PROJECT -> f.project();
      case DESTINATION_PROJECT -> f.destinationProject();
      case RESEARCHER_NAME -> f.researcherName();
      case REQUEST_DATE -> f.requestDate();
      case SOURCE_FOLDER -> f.folder();
    };
  }

  static String cell(DataFileEntry e, DataFormColumn c) {
    return switch (c) {
      case FILE_NAME -> e.fileName();
      case DESCRIPTION -> e.description();
      case HOLDS_DATA -> e.holdsData().formText();
      case DATASET -> e.dataset();
      case VARIABLES -> String.join("; ", e.variables());
      case NEED -> e.need();
      case ADDENDUM -> e.addendum();
      case DESTINATION_APPROVAL -> e.destinationApproval();
    };
  }

  private static List<DataFormField> fields(DataFormKind kind) {
    return java.util.Arrays.stream(DataFormField.values()).filter(f -> f.on(kind)).toList();
  }

  public static void writeDocx(DataRequestForm form, Path out) throws IOException {
    DataFormKind kind = form.kind();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.getProperties().getCoreProperties().setTitle(kind.title());
      paragraph(doc, kind.title(), 18, true);
      for (String s : instructions(kind)) paragraph(doc, s, 10, false);
      List<DataFormField> fields = fields(kind);
      XWPFTable t = table(doc, fields.size(), 2);
      for (int i = 0; i < fields.size(); i++) {
        fill(t.getRow(i).getCell(0), fields.get(i).label(), true);
        fill(t.getRow(i).getCell(1), value(form, fields.get(i)), false);
      }
      paragraph(doc, "Files", 13, true);
      List<DataFormColumn> columns = DataFormColumn.of(kind);
      XWPFTable files = table(doc, form.files().size() + SPARE_ROWS + 1, columns.size());
      for (int c = 0; c < columns.size(); c++) {
        fill(files.getRow(0).getCell(c), columns.get(c).header(), true);
        for (int r = 0; r < form.files().size(); r++) {
          fill(files.getRow(r + 1).getCell(c), cell(form.files().get(r), columns.get(c)), false);
        }
      }
      paragraph(doc, "Declarations", 13, true);
      DataDeclaration[] all = DataDeclaration.values();
      XWPFTable d = table(doc, all.length, 2);
      for (int i = 0; i < all.length; i++) {
        checkBox(d.getRow(i).getCell(0).getParagraphs().get(0), form.declared(all[i]), i + 1);
        fill(d.getRow(i).getCell(1), all[i].text(), false);
      }
      paragraph(doc, "Click a box to tick a statement (or type X in place of the box).", 9, false);
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        doc.write(os);
      }
    }
  }

  public static void writeXlsx(DataRequestForm form, Path out) throws IOException {
    DataFormKind kind = form.kind();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet(kind.title());
      for (int c = 0; c < 8; c++) sheet.setColumnWidth(c, 30 * 256);
      int next = 0;
      sheet.createRow(next++).createCell(0).setCellValue(kind.title());
      for (String s : instructions(kind)) sheet.createRow(next++).createCell(0).setCellValue(s);
      next++;
      for (DataFormField f : fields(kind)) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(f.label());
        row.createCell(1).setCellValue(value(form, f));
      }
      next++;
      List<DataFormColumn> columns = DataFormColumn.of(kind);
      Row header = sheet.createRow(next++);
      for (int c = 0; c < columns.size(); c++)
        header.createCell(c).setCellValue(columns.get(c).header());
      int first = next;
      for (DataFileEntry e : form.files()) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < columns.size(); c++)
          row.createCell(c).setCellValue(cell(e, columns.get(c)));
      }
      next += SPARE_ROWS;
      choices(sheet, first, next - 1, columns.indexOf(DataFormColumn.HOLDS_DATA), "Yes", "No");
      next += 2;
      sheet.createRow(next++).createCell(0).setCellValue("Declarations (put Yes in column A)");
      int firstDeclaration = next;
      for (DataDeclaration d : DataDeclaration.values()) {
        Row row = sheet.createRow(next++);
        row.createCell(0).setCellValue(form.declared(d) ? "Yes" : "");
        row.createCell(1).setCellValue(d.text());
      }
      choices(sheet, firstDeclaration, next - 1, 0, "Yes", "No");
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        wb.write(os);
      }
    }
  }

  private static void choices(Sheet sheet, int first, int last, int col, String... values) {
    var helper = sheet.getDataValidationHelper();
    var v =
        helper.createValidation(
            helper.createExplicitListConstraint(values),
            new CellRangeAddressList(first, last, col, col));
    v.setShowErrorBox(true);
    sheet.addValidationData(v);
  }

  private static void paragraph(XWPFDocument doc, String text, int size, boolean bold) {
    XWPFParagraph p = doc.createParagraph();
    var run = p.createRun();
    run.setFontFamily("Arial");
    run.setFontSize(size);
    run.setBold(bold);
    run.setText(text);
  }

  /**
   * A table with its column grid ({@code w:tblGrid}), which OOXML requires and LibreOffice uses.
   */
  private static XWPFTable table(XWPFDocument doc, int rows, int cols) {
    XWPFTable t = doc.createTable(rows, cols);
    t.setWidthType(TableWidthType.PCT);
    t.setWidth("100%");
    CTTblGrid grid =
        t.getCTTbl().getTblGrid() != null
            ? t.getCTTbl().getTblGrid()
            : t.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (int c = 0; c < cols; c++) grid.addNewGridCol().setW(BigInteger.valueOf(14400 / cols));
    return t;
  }

  private static void fill(XWPFTableCell cell, String text, boolean bold) {
    if (text.isEmpty()) return;
    var run = cell.getParagraphs().get(0).createRun();
    run.setFontFamily("Arial");
    run.setFontSize(10);
    run.setBold(bold);
    run.setText(text);
  }

  /** A Word 2010+ check-box content control, as on the output form, so a click ticks it. */
  private static void checkBox(XWPFParagraph p, boolean ticked, int id) {
    CTSdtRun sdt = p.getCTP().addNewSdt();
    try {
      sdt.setSdtPr(
          CTSdtPr.Factory.parse(
              "<xml-fragment xmlns:w=\""
                  + W
                  + "\" xmlns:w14=\""
                  + W14
                  + "\"><w:id w:val=\""
                  + (2000 + id)
                  + "\"/><w14:checkbox><w14:checked w14:val=\""
                  + (ticked ? 1 : 0)
                  + "\"/><w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/>"
                  + "<w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox>"
                  + "</xml-fragment>"));
    } catch (XmlException e) {
      throw new IllegalStateException("the check-box markup is fixed and must parse", e);
    }
    CTR r = sdt.addNewSdtContent().addNewR();
    r.addNewT().setStringValue(ticked ? Ticks.TICKED : Ticks.UNTICKED);
  }
}
