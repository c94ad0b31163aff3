package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms laid out differently from the shipped ones: the reader goes by labels, not positions. */
class FormLayoutTest {
  private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  @TempDir Path dir;
  private final FormReader reader = new FormReader();

  private RequestForm read(Path file) {
    FormReadResult result = reader.read(file, null);
    assertTrue(result.isForm(), result.reason());
    return result.form().orElseThrow();
  }

  private static void row(Sheet sheet, int r, Object... cells) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < cells.length; c++) {
      if (cells[c] instanceof Boolean b) row.createCell(c).setCellValue(b);
      else if (cells[c] != null) row.createCell(c).setCellValue(cells[c].toString());
    }
  }

  @Test
  void xlsxWithLabelsSideBySideValuesBelowAndHiddenContentReadsOnlyWhatIsVisible()
      throws IOException {
    Path file = dir.resolve("own-layout.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet decoy = wb.createSheet("Old");
      row(decoy, 0, "Project number", "9999999");
      row(decoy, 1, "Folder name", "Old_Model_v1");
      wb.setSheetHidden(0, true);
      Sheet s = wb.createSheet("Request");
      row(s, 0, "OUTPUT REQUEST");
      row(
          s,
          1,
          "Project ID",
          "Output folder",
          "Researcher name",
          "Email",
          "Date of request",
          "Project name");
      row(
          s,
          2,
          "1234567",
          "2024_01_16_EnergyUseModel_v1",
          "Ada Researcher",
          "ada@example.ac.uk",
          null,
          "Energy");
      var date = s.getRow(2).createCell(4);
      date.setCellValue(java.time.LocalDate.of(2024, 1, 16));
      var style = wb.createCellStyle();
      style.setDataFormat((short) 14);
      date.setCellStyle(style);
      row(s, 4, "Revision of earlier request", "STATS999");
      s.getRow(4).setZeroHeight(true);
      row(
          s,
          6,
          "Filename",
          "Description",
          "Counts included",
          "Controls applied",
          "Purpose",
          "Count columns");
      row(s, 7, "table1.csv", "Energy by region", true, "Rounded to 5", "Output", "n; households");
      row(s, 8, "notes.docx", "Method notes", "n/a", "None needed", "Supporting material");
      row(s, 11, "X", "All underlying unweighted counts are provided with the outputs.");
      row(s, 12, true, "There are no hidden rows, columns, sheets or other hidden content.");
      row(s, 13, "No", "The outputs contain no direct identifiers.");
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
    RequestForm form = read(file);
    assertEquals("1234567", form.projectNumber());
    assertEquals("2024_01_16_EnergyUseModel_v1", form.folderName());
    assertEquals("Energy", form.projectTitle());
    assertEquals("16/01/2024", form.requestDate(), "a date cell reads as a UK date");
    assertEquals("", form.revisionOf(), "a hidden row is not read");
    assertEquals(
        List.of("table1.csv", "notes.docx"),
        form.files().stream().map(FileEntry::fileName).toList());
    assertEquals(Answer.YES, form.files().get(0).countsIncluded());
    assertEquals(Answer.NOT_APPLICABLE, form.files().get(1).countsIncluded());
    assertTrue(form.isSupporting("notes.docx"));
    assertEquals(java.util.Set.of("n", "households"), form.declaredCountColumns());
    assertTrue(form.declared(Declaration.UNDERLYING_COUNTS));
    assertTrue(form.declared(Declaration.NO_HIDDEN_CONTENT));
    assertFalse(form.declared(Declaration.NO_DIRECT_IDENTIFIERS));
    assertFalse(form.declared(Declaration.IN_SCOPE), "absent declarations are unticked");
  }

  @Test
  void wordContentControlCheckBoxesAreReadFromTheirStateNotTheirGlyph() throws IOException {
    Path file = dir.resolve("checkboxes.docx");
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Project number: 1234567");
      doc.createParagraph().createRun().setText("Folder name: 2024_01_16_EnergyUseModel_v1");
      checkboxParagraph(doc, true, "☐", Declaration.IN_SCOPE.text());
      checkboxParagraph(doc, false, "☒", Declaration.NO_AI_ML.text());
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    RequestForm form = read(file);
    assertTrue(form.declared(Declaration.IN_SCOPE));
    assertFalse(form.declared(Declaration.NO_AI_ML));
  }

  private static void checkboxParagraph(
      XWPFDocument doc, boolean checked, String glyph, String text) {
    XWPFParagraph p = doc.createParagraph();
    var sdt = p.getCTP().addNewSdt();
    var pr = sdt.addNewSdtPr();
    try (XmlCursor c = pr.newCursor()) {
      c.toEndToken();
      c.beginElement(new QName(W14, "checkbox", "w14"));
      c.beginElement(new QName(W14, "checked", "w14"));
      c.insertAttributeWithValue(new QName(W14, "val", "w14"), checked ? "1" : "0");
    }
    sdt.addNewSdtContent().addNewR().addNewT().setStringValue(glyph);
    p.createRun().setText(" " + text);
  }

  @Test
  void declarationWordsInADescriptionDoNotEndTheFileTable() {
    Path file =
        FormFixtures.form()
            .files("table1.csv")
            .file(
                new FileEntry(
                    "figure1.png",
                    "Shows that no hidden rows or direct identifiers remain in the code",
                    Answer.YES,
                    "Rounded",
                    "",
                    FileUse.OUTPUT,
                    List.of()))
            .file(FileEntry.output("table2.csv", "Second table"))
            .writeDocx(dir.resolve("form.docx"));
    assertEquals(3, read(file).files().size());
  }

  @Test
  void pdfFieldsWithOpaqueNamesAreMatchedByTheirTooltips() throws IOException {
    Path file = dir.resolve("tooltips.pdf");
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      var page = new org.apache.pdfbox.pdmodel.PDPage();
      doc.addPage(page);
      var acro = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
      doc.getDocumentCatalog().setAcroForm(acro);
      var resources = new org.apache.pdfbox.pdmodel.PDResources();
      resources.put(
          org.apache.pdfbox.cos.COSName.getPDFName("Helv"),
          new org.apache.pdfbox.pdmodel.font.PDType1Font(
              org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA));
      acro.setDefaultResources(resources);
      acro.setDefaultAppearance("/Helv 8 Tf 0 g");
      float[] y = {700};
      PdfFormFixture.text(acro, page, "Text1", "Project no.", "1234567", y);
      PdfFormFixture.text(acro, page, "Text2", "Name of folder", "2024_01_16_EnergyUseModel_v1", y);
      PdfFormFixture.text(acro, page, "Text3", "Something else", "ignored", y);
      doc.save(file.toFile());
    }
    RequestForm form = read(file);
    assertEquals("1234567", form.projectNumber());
    assertEquals("2024_01_16_EnergyUseModel_v1", form.folderName());
  }
}
