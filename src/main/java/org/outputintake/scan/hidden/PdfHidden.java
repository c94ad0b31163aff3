package org.outputintake.scan.hidden;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.outputintake.scan.Finding;

/**
 * JavaScript and other actions, comments (annotations) and the author in a PDF. Actions are found
 * by walking every object in the cross-reference table, so JavaScript hidden in a form field or a
 * page action is found as well as a document-level OpenAction.
 */
final class PdfHidden {
  private static final Set<String> ACTIVE =
      Set.of("JavaScript", "Launch", "ImportData", "RichMediaExecute");
  private static final Set<String> COMMENTS =
      Set.of(
          "Text",
          "FreeText",
          "Highlight",
          "Underline",
          "StrikeOut",
          "Squiggly",
          "Ink",
          "Stamp",
          "Caret",
          "FileAttachment",
          "Sound");
  private static final int MAX_OBJECTS = 200_000;
  private static final int MAX_PAGES = 5_000;
  private static final int MAX_NESTING = 6;

  private PdfHidden() {}

  static List<Finding> scan(Path path) throws IOException {
    try (PDDocument doc =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(path.toFile()),
            "",
            null,
            null,
            IOUtils.createTempFileOnlyStreamCache())) {
      List<Finding> findings = new ArrayList<>();
      String active = activeContent(doc);
      if (active != null) {
        findings.add(
            Finding.blocker(
                    HiddenCodes.ACTIVE_CONTENT,
                    active.startsWith("OpenAction") ? "document open" : "",
                    "The PDF contains active content ("
                        + active
                        + "), which can run code when it is opened. "
                        + "Export the PDF again without scripts or form actions (for example 'Print to PDF').")
                .withEvidence(active));
      }
      int comments = 0;
      int firstPage = 0;
      int pageNumber = 0;
      for (PDPage page : doc.getPages()) {
        if (++pageNumber > MAX_PAGES) break;
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (COMMENTS.contains(annotation.getSubtype())) {
            if (comments++ == 0) firstPage = pageNumber;
          }
        }
      }
      if (comments > 0) {
        findings.add(
            Finding.warning(
                HiddenCodes.COMMENT,
                "page " + firstPage,
                "The PDF has "
                    + comments
                    + " comment(s) or markup annotation(s), which travel with the file. Delete "
                    + "them, or export the PDF again without annotations."));
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      findings.addAll(HiddenCodes.authors(info.getAuthor(), null));
      return findings;
    } catch (InvalidPasswordException e) {
      return List.of(); // reported as ENCRYPTED_CONTENT by the file inspector
    }
  }

  /** A description of the first action that runs code, or null. */
  private static String activeContent(PDDocument doc) {
    COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
    String open = actionIn(catalog.getDictionaryObject(COSName.OPEN_ACTION), 0);
    if (open != null) return "OpenAction: " + open;
    int seen = 0;
    for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
      if (++seen > MAX_OBJECTS) break;
      COSObject object = doc.getDocument().getObjectFromPool(key);
      String found = actionIn(object.getObject(), 0);
      if (found != null) return found;
    }
    return null;
  }

  private static String actionIn(COSBase base, int depth) {
    if (depth > MAX_NESTING || base == null) return null;
    if (base instanceof COSObject object)
      return depth == 0 ? actionIn(object.getObject(), depth + 1) : null;
    if (base instanceof COSArray array) {
      for (COSBase item : array) {
        String found = item instanceof COSObject ? null : actionIn(item, depth + 1);
        if (found != null) return found;
      }
      return null;
    }
    if (!(base instanceof COSDictionary dict)) return null;
    String subtype = dict.getNameAsString(COSName.S);
    if (subtype != null && ACTIVE.contains(subtype)) return subtype + " action";
    if (dict.containsKey(COSName.JS)) return "JavaScript";
    if (dict.containsKey(COSName.NAMES) || dict.containsKey(COSName.getPDFName("JavaScript"))) {
      COSBase names = dict.getDictionaryObject(COSName.NAMES);
      if (names instanceof COSDictionary n && n.containsKey(COSName.getPDFName("JavaScript"))) {
        return "document JavaScript";
      }
    }
    for (COSName key : List.of(COSName.A, COSName.AA, COSName.getPDFName("Next"), COSName.ANNOTS)) {
      COSBase value = dict.getItem(key);
      if (value instanceof COSObject) continue; // an indirect object is visited on its own
      String found = actionIn(value, depth + 1);
      if (found != null) return found;
    }
    COSBase aa = dict.getItem(COSName.AA);
    if (aa instanceof COSDictionary additional) {
      for (COSBase value : additional.getValues()) {
        String found = actionIn(value instanceof COSObject o ? o.getObject() : value, depth + 1);
        if (found != null) return found;
      }
    }
    return null;
  }
}
