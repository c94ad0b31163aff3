package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormReaderTest {
  @TempDir Path dir;
  private final FormReader reader = new FormReader();

  private RequestForm readForm(Path file) {
    FormReadResult result = reader.read(file, null);
    assertEquals(FormReadResult.Status.FORM, result.status(), result.reason());
    return result.form().orElseThrow();
  }

  private static FormFixtures.FormSpec richSpec() {
    return FormFixtures.form()
        .revisionOf("STATS12345")
        .supporting("table1_unrounded.csv")
        .countColumns("n", "Unweighted count");
  }

  @ParameterizedTest(name = "a complete {0} form reads back field for field")
  @ValueSource(strings = {"docx", "xlsx", "pdf"})
  void completeFormReadsBackExactly(String format) {
    FormFixtures.FormSpec spec = richSpec();
    Path file = dir.resolve("output-request-form." + format);
    switch (format) {
      case "docx" -> spec.writeDocx(file);
      case "xlsx" -> spec.writeXlsx(file);
      default -> spec.writePdf(file);
    }
    RequestForm form = readForm(file);
    assertEquals(spec.toForm(), form);
    assertEquals(Set.of("n", "unweighted count"), form.declaredCountColumns());
    assertTrue(form.isSupporting("Table1_Unrounded.CSV"));
    assertFalse(form.isSupporting("table1.csv"));
    assertEquals("STATS12345", form.revisionStatsId().orElseThrow());
  }

  @Test
  void docxWithAnExtraRowAndTheFileTableMovedAboveTheFieldsStillReads() throws IOException {
    Path original = FormFixtures.form().writeDocx(dir.resolve("form.docx"));
    Path moved = dir.resolve("moved.docx");
    try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(original))) {
      XWPFTable fields = doc.getTables().get(0);
      XWPFTable files = doc.getTables().get(1);
      var extra = fields.insertNewTableRow(0);
      extra.addNewTableCell().setText("Department");
      extra.addNewTableCell().setText("Economics");
      var fileRow = files.insertNewTableRow(1);
      for (int c = 0; c < FormColumn.values().length; c++) fileRow.addNewTableCell().setText("");
      var body = doc.getDocument().getBody().getDomNode();
      body.insertBefore(files.getCTTbl().getDomNode(), fields.getCTTbl().getDomNode());
      try (OutputStream out = Files.newOutputStream(moved)) {
        doc.write(out);
      }
    }
    assertEquals(FormFixtures.form().toForm(), readForm(moved));
  }

  @Test
  void docxWrittenAsLabelColonValueParagraphsInAnyOrderReads() throws IOException {
    Path file = dir.resolve("handmade.docx");
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Output request");
      doc.createParagraph().createRun().setText("Folder: 2024_01_16_EnergyUseModel_v1");
      doc.createParagraph()
          .createRun()
          .setText("Some notes for the checkers, written as free text.");
      doc.createParagraph().createRun().setText("Project No.: 1234567");
      doc.createParagraph()
          .createRun()
          .setText("Title of project: Household energy use and income");
      doc.createParagraph().createRun().setText("Researcher: Ada Researcher");
      doc.createParagraph().createRun().setText("E-mail: ada.researcher@example.ac.uk");
      doc.createParagraph().createRun().setText("Date of request: 16/01/2024");
      XWPFTable t = doc.createTable(2, 5);
      String[] header = {
        "Filename", "Description", "Counts included", "SDC applied", "Output or supporting"
      };
      String[] row = {"table1.csv", "Energy by region", "yes", "Rounded to 5", "output"};
      for (int c = 0; c < 5; c++) {
        t.getRow(0).getCell(c).setText(header[c]);
        t.getRow(1).getCell(c).setText(row[c]);
      }
      for (Declaration d : Declaration.values()) {
        doc.createParagraph().createRun().setText("[X] " + d.text());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    RequestForm form = readForm(file);
    assertEquals("1234567", form.projectNumber());
    assertEquals("2024_01_16_EnergyUseModel_v1", form.folderName());
    assertEquals("16/01/2024", form.requestDate());
    assertEquals(List.of("table1.csv"), form.files().stream().map(FileEntry::fileName).toList());
    assertEquals(Answer.YES, form.files().get(0).countsIncluded());
    assertTrue(form.declarations().values().stream().allMatch(Boolean::booleanValue));
  }

  @Test
  void hiddenAndDeletedTextInADocxIsNotReadAsAValue() throws IOException {
    Path file = dir.resolve("hidden.docx");
    try (XWPFDocument doc = new XWPFDocument()) {
      XWPFTable t = doc.createTable(3, 2);
      t.getRow(0).getCell(0).setText("Project number");
      var p = t.getRow(0).getCell(1).getParagraphs().get(0);
      var hidden = p.createRun();
      hidden.setText("7654321");
      hidden.setVanish(true);
      p.createRun().setText("1234567");
      p.getCTP().addNewDel().addNewR().addNewDelText().setStringValue("999");
      t.getRow(1).getCell(0).setText("Folder name");
      var onlyHidden = t.getRow(1).getCell(1).getParagraphs().get(0).createRun();
      onlyHidden.setText("2024_01_16_Secret_v1");
      onlyHidden.setVanish(true);
      t.getRow(2).getCell(0).setText("Project title");
      t.getRow(2).getCell(1).setText("Energy");
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    RequestForm form = readForm(file);
    assertEquals("1234567", form.projectNumber());
    assertEquals("", form.folderName());
  }

  @Test
  void ordinaryWordDocumentIsNotAForm() throws IOException {
    Path file = dir.resolve("paper.docx");
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("Energy use in UK households: results");
      doc.createParagraph().createRun().setText("Date: 16/01/2024");
      doc.createParagraph()
          .createRun()
          .setText(
              "We estimate mean energy use by region. The project scope "
                  + "covers 2019 to 2022 and no hidden adjustments are made.");
      XWPFTable t = doc.createTable(2, 2);
      t.getRow(0).getCell(0).setText("Region");
      t.getRow(0).getCell(1).setText("Mean kWh");
      t.getRow(1).getCell(0).setText("North East");
      t.getRow(1).getCell(1).setText("3100");
      try (OutputStream out = Files.newOutputStream(file)) {
        doc.write(out);
      }
    }
    assertEquals(FormReadResult.Status.NOT_A_FORM, reader.read(file, FormReader.DOCX).status());
  }

  @Test
  void garbageWithAnOfficeMediaTypeIsUnreadableNotAnException() throws IOException {
    Path file = dir.resolve("broken.docx");
    Files.write(
        file,
        "PK\u0003\u0004 this is not really a zip"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(FormReadResult.Status.UNREADABLE, reader.read(file, FormReader.DOCX).status());
    assertEquals(FormReadResult.Status.UNREADABLE, reader.read(file, FormReader.XLSX).status());
    assertEquals(FormReadResult.Status.UNREADABLE, reader.read(file, FormReader.PDF).status());
  }

  @Test
  void givenADocxWhoseXmlDeclaresAnExternalEntity_thenItIsUnreadableAndTheEntityIsNeverResolved()
      throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-VALUE");
    Path good = FormFixtures.form().writeDocx(dir.resolve("good.docx"));
    Path evil = dir.resolve("evil.docx");
    try (var in = new java.util.zip.ZipFile(good.toFile());
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(evil))) {
      for (var e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          int root = xml.indexOf("<w:document");
          xml =
              xml.substring(0, root)
                  + "<!DOCTYPE w:document [<!ENTITY x SYSTEM \""
                  + secret.toUri()
                  + "\">]>"
                  + xml.substring(root).replaceFirst("<w:t>", "<w:t>&x;");
          bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.write(bytes);
        out.closeEntry();
      }
    }
    FormReadResult result = reader.read(evil, FormReader.DOCX);
    assertEquals(FormReadResult.Status.UNREADABLE, result.status());
    assertFalse(String.valueOf(result.reason()).contains("SECRET"));
  }

  @Test
  void csvIsNotAForm() throws IOException {
    Path file = dir.resolve("table.csv");
    Files.writeString(file, "Project number,Folder name\n1234567,x_v1\n");
    assertEquals(FormReadResult.Status.NOT_A_FORM, reader.read(file, "text/csv").status());
  }

  @Test
  void pdfWithoutFormFieldsIsNotAForm() throws IOException {
    Path file = dir.resolve("plain.pdf");
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      doc.save(file.toFile());
    }
    assertEquals(FormReadResult.Status.NOT_A_FORM, reader.read(file, null).status());
  }

  @Test
  void oversizedFileIsUnreadable() {
    Path file = FormFixtures.form().writeDocx(dir.resolve("form.docx"));
    FormReadResult result = new FormReader(100, 1 << 20).read(file, null);
    assertEquals(FormReadResult.Status.UNREADABLE, result.status());
    assertTrue(result.reason().contains("too large"), result.reason());
  }

  @ParameterizedTest(name = "the shipped blank {0} is a form with every field empty")
  @ValueSource(
      strings = {
        "templates/forms/output-request-form.docx",
        "templates/forms/output-request-form.xlsx"
      })
  void shippedBlankFormsReadAsBlank(String path) {
    RequestForm form = readForm(Path.of(path));
    assertTrue(form.isBlank(), form.toString());
  }

  @Test
  void freshlyGeneratedBlankFormsReadAsBlank() throws IOException {
    BlankForms.writeDocx(dir.resolve("b.docx"));
    BlankForms.writeXlsx(dir.resolve("b.xlsx"));
    assertTrue(readForm(dir.resolve("b.docx")).isBlank());
    assertTrue(readForm(dir.resolve("b.xlsx")).isBlank());
  }
}
