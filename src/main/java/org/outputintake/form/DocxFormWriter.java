package org.outputintake.form;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** Writes a request form (blank or filled) as a landscape A4 Word document. */
final class DocxFormWriter {
  private static final String FONT = "Arial";
  private static final String NAVY = "1F3864";
  private static final String LABEL_FILL = "D9E2F3";
  private static final String HEADER_FILL = "1F3864";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

  /** Landscape A4 less the margins, in twentieths of a point. */
  private static final int BODY_WIDTH = 14400;

  private DocxFormWriter() {}

  static void write(RequestForm form, Path out, int spareRows) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      landscape(doc);
      doc.getProperties().getCoreProperties().setTitle(FormText.TITLE);
      doc.getProperties().getCoreProperties().setCreator("Output Intake");
      text(doc, FormText.TITLE, 20, true, NAVY);
      text(doc, FormText.SUBTITLE, 10, false, "404040");
      heading(doc, "How to complete this form");
      List<String> steps = FormText.INSTRUCTIONS;
      for (int i = 0; i < steps.size(); i++)
        text(doc, (i + 1) + ". " + steps.get(i), 10, false, "000000");

      heading(doc, FormText.SECTION_REQUEST);
      XWPFTable fields = table(doc, FormText.FIELD_ORDER.size(), 4200, 10200);
      for (int i = 0; i < FormText.FIELD_ORDER.size(); i++) {
        FormField f = FormText.FIELD_ORDER.get(i);
        XWPFTableRow row = fields.getRow(i);
        fill(row.getCell(0), FormText.fieldLabel(f), true, LABEL_FILL, "000000");
        fill(row.getCell(1), FormText.value(form, f), false, null, "000000");
        width(row.getCell(0), 4200);
        width(row.getCell(1), 10200);
      }

      heading(doc, FormText.SECTION_FILES);
      FormColumn[] columns = FormColumn.values();
      int rows = form.files().size() + Math.max(0, spareRows);
      int[] equal = new int[columns.length];
      java.util.Arrays.fill(equal, BODY_WIDTH / columns.length);
      XWPFTable files = table(doc, rows + 1, equal);
      for (int c = 0; c < columns.length; c++) {
        fill(files.getRow(0).getCell(c), columns[c].header(), true, HEADER_FILL, "FFFFFF");
      }
      files.getRow(0).setRepeatHeader(true);
      for (int r = 0; r < form.files().size(); r++) {
        for (int c = 0; c < columns.length; c++) {
          fill(
              files.getRow(r + 1).getCell(c),
              FormText.cell(form.files().get(r), columns[c]),
              false,
              null,
              "000000");
        }
      }

      heading(doc, FormText.SECTION_DECLARATIONS);
      Declaration[] all = Declaration.values();
      XWPFTable declarations = table(doc, all.length, 700, 13700);
      for (int i = 0; i < all.length; i++) {
        XWPFTableRow row = declarations.getRow(i);
        checkBox(row.getCell(0).getParagraphs().get(0), form.declared(all[i]), i + 1);
        row.getCell(0).getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
        fill(row.getCell(1), all[i].text(), false, null, "000000");
        width(row.getCell(0), 700);
        width(row.getCell(1), 13700);
      }
      text(
          doc,
          "Click a box to tick a statement (or type X in place of the box). Supporting material stays in the "
              + "Secure Research Service and is not released.",
          9,
          false,
          "595959");

      Files.createDirectories(out.toAbsolutePath().getParent());
      try (OutputStream os = Files.newOutputStream(out)) {
        doc.write(os);
      }
    }
  }

  private static void landscape(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(16838));
    size.setH(BigInteger.valueOf(11906));
    size.setOrient(STPageOrientation.LANDSCAPE);
    CTPageMar margins = sect.addNewPgMar();
    for (var setter :
        List.<java.util.function.Consumer<BigInteger>>of(
            margins::setTop, margins::setBottom, margins::setLeft, margins::setRight)) {
      setter.accept(BigInteger.valueOf(1000));
    }
  }

  private static void text(XWPFDocument doc, String text, int size, boolean bold, String colour) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(80);
    run(p, text, size, bold, colour);
  }

  private static void heading(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    p.setSpacingAfter(80);
    run(p, text, 13, true, NAVY);
  }

  private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, String colour) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(size);
    r.setBold(bold);
    r.setColor(colour);
    r.setText(text);
    return r;
  }

  /**
   * A table with its column grid ({@code w:tblGrid}), which OOXML requires and python-docx and
   * LibreOffice use.
   */
  private static XWPFTable table(XWPFDocument doc, int rows, int... columnTwips) {
    XWPFTable t = doc.createTable(rows, columnTwips.length);
    t.setWidthType(TableWidthType.PCT);
    t.setWidth("100%");
    t.setCellMargins(60, 100, 60, 100);
    CTTblGrid grid =
        t.getCTTbl().getTblGrid() != null
            ? t.getCTTbl().getTblGrid()
            : t.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
    for (int w : columnTwips) grid.addNewGridCol().setW(BigInteger.valueOf(w));
    return t;
  }

  /**
   * A real Word check-box content control (Word 2010+, {@code w14:checkbox}): a click ticks it, and
   * the reader reads its state. The box glyph inside is what older programs show.
   */
  private static void checkBox(XWPFParagraph p, boolean ticked, int id) {
    CTSdtRun sdt = p.getCTP().addNewSdt();
    try {
      sdt.setSdtPr(
          CTSdtPr.Factory.parse(
              "<xml-fragment xmlns:w=\""
                  + W
                  + "\" xmlns:w14=\""
                  + W14
                  + "\">"
                  + "<w:id w:val=\""
                  + (1000 + id)
                  + "\"/>"
                  + "<w14:checkbox><w14:checked w14:val=\""
                  + (ticked ? 1 : 0)
                  + "\"/>"
                  + "<w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/>"
                  + "<w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></xml-fragment>"));
    } catch (XmlException e) {
      throw new IllegalStateException("the check-box markup is fixed and must parse", e);
    }
    CTR r = sdt.addNewSdtContent().addNewR();
    CTRPr rPr = r.addNewRPr();
    CTFonts fonts = rPr.addNewRFonts();
    fonts.setAscii("MS Gothic");
    fonts.setHAnsi("MS Gothic");
    fonts.setEastAsia("MS Gothic");
    rPr.addNewSz().setVal(BigInteger.valueOf(24));
    r.addNewT().setStringValue(ticked ? Ticks.TICKED : Ticks.UNTICKED);
  }

  private static void fill(
      XWPFTableCell cell, String text, boolean bold, String fill, String colour) {
    if (fill != null) cell.setColor(fill);
    XWPFParagraph p = cell.getParagraphs().get(0);
    if (!text.isEmpty()) run(p, text, 10, bold, colour);
  }

  private static void width(XWPFTableCell cell, int twips) {
    cell.setWidthType(TableWidthType.DXA);
    cell.setWidth(String.valueOf(twips));
  }
}
