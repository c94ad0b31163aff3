package org.outputintake.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import org.apache.poi.util.XMLHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns a .docx into grids: the body's paragraphs as one grid (one cell per row) and every table as
 * its own. The XML is walked directly rather than through POI's text extractors because those
 * include hidden ({@code w:vanish}) and deleted text, which must never be read as a value.
 * Content-control and legacy check boxes become ☒ / ☐.
 */
final class DocxGrids {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
  private static final int MAX_CELL_CHARS = 10_000;
  private static final int MAX_ROWS = 20_000;

  private final List<List<String>> paragraphs = new ArrayList<>();
  private final List<Grid> tables = new ArrayList<>();
  private int rowBudget = MAX_ROWS;

  private DocxGrids() {}

  /**
   * The caller has bounded the expanded size of the package's XML, so the parts can be parsed
   * whole.
   */
  static List<Grid> read(Path file) throws IOException {
    DocxGrids g = new DocxGrids();
    Element body = body(file);
    if (body != null) g.block(body);
    List<Grid> grids = new ArrayList<>();
    grids.add(new Grid("paragraphs", g.paragraphs, false));
    grids.addAll(g.tables);
    return grids;
  }

  /**
   * The document's {@code w:body}, parsed with a DOM parser. Only the main part's text is needed,
   * and POI's XWPFDocument would also build styles, numbering and every part's object model: most
   * of a request's reading time, for nothing the form reader uses.
   */
  private static Element body(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry part = zip.getEntry(mainPart(zip));
      if (part == null) throw new IOException("the package has no main document part");
      Element document = parse(zip, part).getDocumentElement();
      for (Node n = document.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && isW(e, "body")) return e;
      }
      return null;
    }
  }

  /**
   * POI's hardened parser (no DTDs, so no external entities and no entity expansion bombs), quiet:
   * POI's own error handler would log the researcher's broken XML; here it becomes an IOException.
   */
  private static Document parse(ZipFile zip, ZipEntry part) throws IOException {
    DocumentBuilder builder = XMLHelper.newDocumentBuilder();
    builder.setErrorHandler(new DefaultHandler());
    try (InputStream in = zip.getInputStream(part)) {
      return builder.parse(in);
    } catch (SAXException e) {
      throw new IOException("part " + part.getName() + " is not well-formed XML", e);
    }
  }

  /** The main part named by the package relationships, usually {@code word/document.xml}. */
  private static String mainPart(ZipFile zip) throws IOException {
    ZipEntry rels = zip.getEntry("_rels/.rels");
    if (rels == null) return "word/document.xml";
    Element root = parse(zip, rels).getDocumentElement();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element r && r.getAttribute("Type").endsWith("/officeDocument")) {
        String target = r.getAttribute("Target");
        return target.startsWith("/") ? target.substring(1) : target;
      }
    }
    return "word/document.xml";
  }

  /** Walks block-level content: paragraphs, tables, and the containers that wrap them. */
  private void block(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || --rowBudget < 0) continue;
      if (isW(e, "p")) {
        String text = paragraph(e);
        if (!text.isBlank()) paragraphs.add(List.of(text));
      } else if (isW(e, "tbl")) {
        table(e);
      } else if (!isW(e, "sdtPr") && !isW(e, "del") && !isW(e, "moveFrom")) {
        block(e);
      }
    }
  }

  private void table(Element tbl) {
    List<List<String>> rows = new ArrayList<>();
    for (Element tr : descendantsOutsideTables(tbl, "tr")) {
      List<String> cells = new ArrayList<>();
      for (Element tc : descendantsOutsideTables(tr, "tc")) {
        cells.add(cellText(tc));
      }
      rows.add(cells);
    }
    tables.add(new Grid("table " + (tables.size() + 1), rows, false));
  }

  /** A cell's paragraphs joined by spaces; a table nested in the cell becomes a grid of its own. */
  private String cellText(Element tc) {
    StringBuilder sb = new StringBuilder();
    collectCell(tc, sb);
    return cap(sb.toString().strip());
  }

  private void collectCell(Node parent, StringBuilder sb) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      if (isW(e, "p")) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(paragraph(e));
      } else if (isW(e, "tbl")) {
        table(e);
      } else if (!isW(e, "tcPr") && !isW(e, "sdtPr")) {
        collectCell(e, sb);
      }
    }
  }

  /**
   * Direct rows of a table (or cells of a row), looking through content controls but not into
   * nested tables.
   */
  private static List<Element> descendantsOutsideTables(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      if (isW(e, local)) {
        out.add(e);
      } else if (!isW(e, "tbl") && !isW(e, "del") && !isW(e, "tblPr") && !isW(e, "trPr")) {
        out.addAll(descendantsOutsideTables(e, local));
      }
    }
    return out;
  }

  static String paragraph(Element p) {
    StringBuilder sb = new StringBuilder();
    inline(p, sb);
    return cap(sb.toString().replaceAll("[ \\t\\u00a0]+", " ").strip());
  }

  private static void inline(Node parent, StringBuilder sb) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      if (sb.length() > MAX_CELL_CHARS) return;
      if (isW(e, "r")) {
        if (!isHidden(e)) inline(e, sb);
      } else if (isW(e, "t")) {
        for (Node t = e.getFirstChild(); t != null; t = t.getNextSibling()) {
          if (t.getNodeType() == Node.TEXT_NODE || t.getNodeType() == Node.CDATA_SECTION_NODE) {
            sb.append(t.getNodeValue());
          }
        }
      } else if (isW(e, "tab") || isW(e, "br") || isW(e, "cr")) {
        sb.append(' ');
      } else if (isW(e, "sdt") && checkbox(e) != null) {
        sb.append(checkbox(e) ? Ticks.TICKED : Ticks.UNTICKED).append(' ');
      } else if (isW(e, "checkBox")) {
        sb.append(legacyChecked(e) ? Ticks.TICKED : Ticks.UNTICKED).append(' ');
      } else if (isW(e, "del")
          || isW(e, "moveFrom")
          || isW(e, "rPr")
          || isW(e, "pPr")
          || isW(e, "sdtPr")
          || isW(e, "instrText")
          || isW(e, "delText")
          || (MC.equals(e.getNamespaceURI()) && "Fallback".equals(e.getLocalName()))) {
        // deleted text, formatting and fallbacks are not what the reader sees: skipped
      } else {
        inline(e, sb);
      }
    }
  }

  /** Whether a run is formatted as hidden text. */
  private static boolean isHidden(Element run) {
    for (Node n = run.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element rPr && isW(rPr, "rPr")) {
        for (Node m = rPr.getFirstChild(); m != null; m = m.getNextSibling()) {
          if (m instanceof Element v
              && (isW(v, "vanish") || isW(v, "specVanish") || isW(v, "webHidden"))) {
            return isOn(v.getAttributeNS(W, "val"));
          }
        }
      }
    }
    return false;
  }

  /**
   * A content-control check box's state (Word 2010+), or null when the control is not a check box.
   */
  private static Boolean checkbox(Element sdt) {
    for (Node n = sdt.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element pr && isW(pr, "sdtPr")) {
        for (Node m = pr.getFirstChild(); m != null; m = m.getNextSibling()) {
          if (m instanceof Element box
              && W14.equals(box.getNamespaceURI())
              && "checkbox".equals(box.getLocalName())) {
            for (Node k = box.getFirstChild(); k != null; k = k.getNextSibling()) {
              if (k instanceof Element c && "checked".equals(c.getLocalName())) {
                return isOn(c.getAttributeNS(W14, "val"));
              }
            }
            return false;
          }
        }
      }
    }
    return null;
  }

  /** A legacy form-field check box: {@code w:checked} wins over {@code w:default}. */
  private static boolean legacyChecked(Element checkBox) {
    String def = null;
    for (Node n = checkBox.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (isW(e, "checked")) return isOn(e.getAttributeNS(W, "val"));
        if (isW(e, "default")) def = e.getAttributeNS(W, "val");
      }
    }
    return def != null && isOn(def);
  }

  private static boolean isOn(String val) {
    return val == null
        || val.isEmpty()
        || !(val.equals("0") || val.equalsIgnoreCase("false") || val.equalsIgnoreCase("off"));
  }

  private static boolean isW(Element e, String local) {
    return W.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
  }

  private static String cap(String s) {
    return s.length() > MAX_CELL_CHARS ? s.substring(0, MAX_CELL_CHARS) : s;
  }
}
