package org.outputintake.scan.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.scan.Finding;

class DocumentHiddenTest {
  @TempDir Path dir;
  final HiddenContentScanner scanner = new HiddenContentScanner();

  List<Finding> scan(Path file) throws IOException {
    return SpreadsheetHiddenTest.scan(scanner, file);
  }

  static List<String> codes(List<Finding> f) {
    return SpreadsheetHiddenTest.codes(f);
  }

  Path docx(String name, Consumer<XWPFDocument> edit) throws IOException {
    Path file = dir.resolve(name);
    try (XWPFDocument doc = new XWPFDocument();
        OutputStream out = Files.newOutputStream(file)) {
      doc.createParagraph().createRun().setText("Table 1 shows counts by region.");
      doc.createParagraph().createRun().setText("All counts are rounded to the nearest 5.");
      edit.accept(doc);
      doc.write(out);
    }
    return file;
  }

  @Test
  void aCleanDocumentHasNoFinding() throws IOException {
    assertEquals(List.of(), scan(docx("clean.docx", d -> {})));
  }

  @Test
  void trackedInsertionsAndDeletionsAreBlockersWithMaskedEvidence() throws IOException {
    Path file =
        docx(
            "tracked.docx",
            d -> {
              XWPFParagraph p = d.createParagraph();
              p.getCTP().addNewIns().addNewR().addNewT().setStringValue("added words");
              p.getCTP()
                  .addNewDel()
                  .addNewR()
                  .addNewDelText()
                  .setStringValue("patient Smith aged 97");
            });
    List<Finding> findings = scan(file);
    assertEquals(List.of("TRACKED_CHANGE"), codes(findings));
    Finding f = findings.get(0);
    assertEquals("document body, paragraph 3", f.location());
    assertTrue(f.message().contains("1 insertion(s), 1 deletion(s)"), f.message());
    assertFalse(f.evidence().contains("Smith"), f.evidence());
    assertTrue(f.evidence().contains("pa***7"), f.evidence());
  }

  @Test
  void hiddenRunsAreBlockersButAHiddenParagraphMarkIsNot() throws IOException {
    Path hidden =
        docx(
            "hidden.docx",
            d -> {
              var run = d.createParagraph().createRun();
              run.setText("secret count 3");
              run.setVanish(true);
            });
    List<Finding> findings = scan(hidden);
    assertEquals(List.of("HIDDEN_TEXT"), codes(findings));
    assertEquals("document body, paragraph 3", findings.get(0).location());
    assertFalse(findings.get(0).evidence().contains("secret"));

    Path mark =
        docx(
            "mark.docx",
            d -> d.getParagraphs().get(0).getCTP().addNewPPr().addNewRPr().addNewVanish());
    assertEquals(List.of(), scan(mark));
    Path off = docx("off.docx", d -> d.getParagraphs().get(0).getRuns().get(0).setVanish(false));
    assertEquals(List.of(), scan(off));
  }

  @Test
  void wordCommentsAreWarnings() throws IOException {
    Path file =
        docx(
            "comments.docx",
            d -> {
              var comment = d.createComments().createComment(BigInteger.ONE);
              comment.setAuthor("Reviewer");
              comment.createParagraph().createRun().setText("check this count");
            });
    List<Finding> findings = scan(file);
    assertEquals(List.of("COMMENT"), codes(findings));
    assertFalse(findings.get(0).isBlocker());
  }

  @Test
  void aMacroEnabledDocumentIsActiveContent() throws Exception {
    Path file = docx("macro.docm", d -> {});
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ_WRITE)) {
      SpreadsheetHiddenTest.addPart(
          pkg, "/word/vbaProject.bin", "application/vnd.ms-office.vbaProject", new byte[] {1});
    }
    assertEquals(List.of("ACTIVE_CONTENT"), codes(scan(file)));
  }

  @Test
  void hiddenSlidesAndCleanPresentations() throws IOException {
    Path clean = dir.resolve("clean.pptx");
    Path hidden = dir.resolve("hidden.pptx");
    try (XMLSlideShow show = new XMLSlideShow()) {
      show.createSlide();
      show.createSlide();
      show.write(Files.newOutputStream(clean));
      show.getSlides().get(1).setHidden(true);
      show.write(Files.newOutputStream(hidden));
    }
    assertEquals(List.of(), scan(clean));
    List<Finding> findings = scan(hidden);
    assertEquals(List.of("HIDDEN_SHEET"), codes(findings));
    assertEquals("slide 2", findings.get(0).location());
  }

  @Test
  void aLegacyWordFileWithAVbaProjectIsActiveContentEvenIfTheRestIsUnreadable() throws IOException {
    Path file = dir.resolve("macro.doc");
    try (POIFSFileSystem fs = new POIFSFileSystem();
        OutputStream out = Files.newOutputStream(file)) {
      fs.createDocument(new ByteArrayInputStream(new byte[512]), "WordDocument");
      fs.getRoot()
          .createDirectory("Macros")
          .createDocument("PROJECT", new ByteArrayInputStream(new byte[64]));
      fs.writeFilesystem(out);
    }
    List<String> codes = codes(scan(file));
    assertEquals("ACTIVE_CONTENT", codes.get(0));
    assertTrue(
        codes.stream()
            .allMatch(c -> c.equals("ACTIVE_CONTENT") || c.equals("HIDDEN_CONTENT_UNCHECKED")));
  }
}
