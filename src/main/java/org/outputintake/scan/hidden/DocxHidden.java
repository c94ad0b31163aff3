package org.outputintake.scan.hidden;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.Mask;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tracked changes, hidden (vanish) text and comments in a docx/docm, streamed with SAX over the
 * body, headers, footers and notes. Deleted and hidden text is never reported, only masked.
 */
final class DocxHidden {
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final int EXCERPT = 200;

  private DocxHidden() {}

  static List<Finding> scan(OPCPackage pkg) throws IOException, InvalidFormatException {
    List<Finding> findings = new ArrayList<>();
    for (PackagePart part : pkg.getParts()) {
      String type = part.getContentType().toLowerCase(Locale.ROOT);
      String where = where(type, part.getPartName().getName());
      if (type.endsWith(".comments+xml")) {
        findings.addAll(comments(part));
      } else if (where != null) {
        BodyHandler h = new BodyHandler();
        try (InputStream in = part.getInputStream()) {
          Xml.parse(in, h);
        }
        findings.addAll(h.findings(where));
      }
    }
    return findings;
  }

  private static String where(String type, String partName) {
    if (type.endsWith("document.main+xml")
        || type.endsWith("document.macroenabled.main+xml")
        || type.endsWith("template.main+xml")) {
      return "document body";
    }
    String name = partName.substring(partName.lastIndexOf('/') + 1).replace(".xml", "");
    for (String kind : new String[] {"header", "footer", "footnotes", "endnotes"}) {
      if (type.endsWith("." + kind + "+xml")) return name;
    }
    return null;
  }

  private static List<Finding> comments(PackagePart part) throws IOException {
    int[] count = {0};
    try (InputStream in = part.getInputStream()) {
      Xml.parse(
          in,
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
              if (W.equals(uri) && local.equals("comment")) count[0]++;
            }
          });
    }
    if (count[0] == 0) return List.of();
    return List.of(
        Finding.warning(
            HiddenCodes.COMMENT,
            "comments",
            "The document has "
                + count[0]
                + " comment(s). Comments travel with the file and may hold notes not meant "
                + "for release. Delete them (Review > Delete All Comments) before requesting the file."));
  }

  /** Counts revisions and hidden runs in one part, remembering where the first of each is. */
  private static final class BodyHandler extends DefaultHandler {
    private final Deque<String> stack = new ArrayDeque<>();
    private int paragraph;
    private int insertions;
    private int deletions;
    private int firstChangeParagraph;
    private int hiddenRuns;
    private int firstHiddenParagraph;
    private boolean runHidden;
    private boolean runCounted;
    private boolean inText;
    private final StringBuilder hiddenText = new StringBuilder();
    private final StringBuilder deletedText = new StringBuilder();

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      String parent = stack.peek();
      stack.push(local);
      if (!W.equals(uri)) return;
      switch (local) {
        case "p" -> paragraph++;
        case "r" -> {
          runHidden = false;
          runCounted = false;
        }
        case "ins", "moveTo" -> change(true);
        case "del", "moveFrom" -> change(false);
        case "vanish" -> {
          // Only a run's own properties hide text; w:pPr/w:rPr/w:vanish hides just the paragraph
          // mark.
          if ("rPr".equals(parent) && isRunProperties() && Xml.on(a.getValue(W, "val")))
            runHidden = true;
        }
        case "t", "delText" -> {
          inText = true;
          if (runHidden && !runCounted) {
            runCounted = true;
            if (hiddenRuns++ == 0) firstHiddenParagraph = paragraph;
          }
        }
        default -> {}
      }
    }

    private boolean isRunProperties() {
      var it = stack.iterator();
      it.next(); // vanish
      it.next(); // rPr
      return it.hasNext() && it.next().equals("r");
    }

    private void change(boolean insertion) {
      if (insertions + deletions == 0) firstChangeParagraph = Math.max(paragraph, 1);
      if (insertion) insertions++;
      else deletions++;
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      stack.poll();
      if (local.equals("t") || local.equals("delText")) inText = false;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!inText) return;
      String top = stack.peek();
      if (runHidden && hiddenText.length() < EXCERPT) hiddenText.append(ch, start, length);
      if ("delText".equals(top) && deletedText.length() < EXCERPT)
        deletedText.append(ch, start, length);
    }

    List<Finding> findings(String where) {
      List<Finding> out = new ArrayList<>();
      if (insertions + deletions > 0) {
        out.add(
            Finding.blocker(
                    HiddenCodes.TRACKED_CHANGE,
                    where + ", paragraph " + firstChangeParagraph,
                    "The document has tracked changes ("
                        + insertions
                        + " insertion(s), "
                        + deletions
                        + " deletion(s)). "
                        + "Deleted text stays in the file and can be read. Accept or reject all changes and switch off "
                        + "Track Changes before requesting the file.")
                .withEvidence(
                    deletedText.length() > 0
                        ? "deleted text " + Mask.hiddenText(deletedText.toString())
                        : ""));
      }
      if (hiddenRuns > 0) {
        out.add(
            Finding.blocker(
                    HiddenCodes.HIDDEN_TEXT,
                    where + ", paragraph " + firstHiddenParagraph,
                    "The document has "
                        + hiddenRuns
                        + " piece(s) of hidden text (formatted as hidden, so not shown or "
                        + "printed). Hidden text is released with the file. Delete it, or remove the hidden formatting "
                        + "so it can be checked.")
                .withEvidence("hidden text " + Mask.hiddenText(hiddenText.toString())));
      }
      return out;
    }
  }
}
