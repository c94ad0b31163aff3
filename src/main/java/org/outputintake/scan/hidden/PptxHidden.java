package org.outputintake.scan.hidden;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.outputintake.scan.Finding;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** Hidden slides and comments in a pptx/pptm; a hidden slide is reported like a hidden sheet. */
final class PptxHidden {
  private PptxHidden() {}

  static List<Finding> scan(OPCPackage pkg) throws IOException, InvalidFormatException {
    List<Finding> findings = new ArrayList<>();
    int comments = 0;
    for (PackagePart part : pkg.getParts()) {
      String type = part.getContentType().toLowerCase(Locale.ROOT);
      String name = part.getPartName().getName();
      if (type.endsWith("presentationml.slide+xml") && isHidden(part)) {
        String slide = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\D", "");
        findings.add(
            Finding.blocker(
                HiddenCodes.HIDDEN_SHEET,
                "slide " + slide,
                "The slide is hidden: it is not shown in the presentation but is released with the file. Delete it, "
                    + "or unhide it so it can be checked."));
      } else if (type.endsWith("comments+xml") || type.contains("presentationml.comments")) {
        comments += count(part, "cm");
      }
    }
    if (comments > 0) {
      findings.add(
          Finding.warning(
              HiddenCodes.COMMENT,
              "comments",
              "The presentation has "
                  + comments
                  + " comment(s), which travel with the file. Delete them before "
                  + "requesting the file."));
    }
    return findings;
  }

  private static boolean isHidden(PackagePart part) throws IOException {
    boolean[] hidden = {false};
    try (InputStream in = part.getInputStream()) {
      Xml.parse(
          in,
          new DefaultHandler() {
            private boolean root = true;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
              if (root && local.equals("sld")) hidden[0] = !Xml.on(a.getValue("show"));
              root = false;
            }
          });
    }
    return hidden[0];
  }

  private static int count(PackagePart part, String element) throws IOException {
    int[] n = {0};
    try (InputStream in = part.getInputStream()) {
      Xml.parse(
          in,
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
              if (local.equals(element)) n[0]++;
            }
          });
    }
    return n[0];
  }
}
