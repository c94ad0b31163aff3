package org.outputintake.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Word form as shipped is valid OOXML that other tools can edit (every table has its column
 * grid, which python-docx and LibreOffice need) and ticks with real check-box controls. Opening it
 * in python-docx and LibreOffice was checked by hand (see README); this test checks the structure
 * they rely on.
 */
class BlankDocxFormTest {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

  @TempDir Path dir;

  private static Document mainPart(Path docx) throws Exception {
    try (ZipFile zip = new ZipFile(docx.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("word/document.xml"))) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(in);
    }
  }

  private static Element child(Element e, String name) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && W.equals(c.getNamespaceURI()) && name.equals(c.getLocalName()))
        return c;
    }
    return null;
  }

  @Test
  void everyTableOfTheShippedFormHasAGridMatchingItsRows_inSchemaOrder() throws Exception {
    Document doc = mainPart(Path.of("templates", "forms", BlankForms.DOCX_NAME));
    NodeList tables = doc.getElementsByTagNameNS(W, "tbl");
    assertEquals(3, tables.getLength());
    for (int i = 0; i < tables.getLength(); i++) {
      Element tbl = (Element) tables.item(i);
      Element grid = child(tbl, "tblGrid");
      assertTrue(grid != null, "table " + i + " has no w:tblGrid");
      Element first = (Element) tbl.getFirstChild();
      assertEquals("tblPr", first.getLocalName(), "tblPr comes first");
      assertEquals(
          "tblGrid",
          ((Element) first.getNextSibling()).getLocalName(),
          "then tblGrid, then the rows");
      int columns = grid.getElementsByTagNameNS(W, "gridCol").getLength();
      Element row = child(tbl, "tr");
      int cells = 0;
      for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
        if ("tc".equals(n.getLocalName())) cells++;
      }
      assertEquals(cells, columns, "table " + i);
    }
  }

  @Test
  void declarationsAreWordCheckBoxControls_notTypedBoxCharacters() throws Exception {
    Document doc = mainPart(Path.of("templates", "forms", BlankForms.DOCX_NAME));
    NodeList boxes = doc.getElementsByTagNameNS(W14, "checkbox");
    assertEquals(Declaration.values().length, boxes.getLength());
    for (int i = 0; i < boxes.getLength(); i++) {
      Element checked =
          (Element) ((Element) boxes.item(i)).getElementsByTagNameNS(W14, "checked").item(0);
      assertEquals("0", checked.getAttributeNS(W14, "val"), "the blank form starts unticked");
    }
  }

  @Test
  void aFormWrittenWithTickedControls_readsBackTicked_andUntickedOnesDoNot() throws Exception {
    Path docx =
        FormFixtures.completeDocx(
            dir.resolve("filled.docx"), f -> f.files("table1.csv").untick(Declaration.IN_SCOPE));

    RequestForm form = new FormReader().read(docx, null).form().orElseThrow();

    assertFalse(form.declared(Declaration.IN_SCOPE));
    for (Declaration d : Declaration.values()) {
      if (d != Declaration.IN_SCOPE) assertTrue(form.declared(d), d.name());
    }
    assertEquals(
        Declaration.values().length,
        mainPart(docx).getElementsByTagNameNS(W14, "checkbox").getLength());
  }

  @Test
  void theShippedBlankFormIsUpToDateWithItsGenerator() throws Exception {
    Path fresh = dir.resolve(BlankForms.DOCX_NAME);
    BlankForms.writeDocx(fresh);

    assertEquals(
        mainPart(fresh).getElementsByTagNameNS(W14, "checkbox").getLength(),
        mainPart(Path.of("templates", "forms", BlankForms.DOCX_NAME))
            .getElementsByTagNameNS(W14, "checkbox")
            .getLength());
  }
}
