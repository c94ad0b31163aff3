package org.outputintake.scan.hidden;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.Finding;

/**
 * Scripts and event handlers in SVG and HTML, and (in SVG) images or stylesheets loaded from the
 * web. The file is read in chunks with an overlap, so a script split across a chunk boundary is
 * still seen and a single huge line does not have to fit in memory.
 */
final class MarkupHidden {
  private static final Pattern ACTIVE =
      Pattern.compile(
          "<\\s*script\\b|\\son[a-z]{3,30}\\s*=|javascript\\s*:|<\\s*(iframe|object|embed)\\b|<\\s*foreignObject\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTERNAL =
      Pattern.compile(
          "(?:xlink:)?href\\s*=\\s*[\"']\\s*(?:https?|ftp|file)://|@import\\s+url\\(\\s*[\"']?\\s*(?:https?|file)://",
          Pattern.CASE_INSENSITIVE);
  private static final int CHUNK = 64 * 1024;
  private static final int OVERLAP = 256;

  private MarkupHidden() {}

  static List<Finding> scan(Path path, boolean svg) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String firstActive = null;
    long activeLine = 0;
    int activeCount = 0;
    long externalLine = 0;
    int externalCount = 0;
    try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(path), decoder)) {
      char[] buffer = new char[CHUNK];
      String carry = "";
      long lineOfCarryStart = 1;
      int n;
      while ((n = reader.read(buffer)) > 0) {
        String text = carry + new String(buffer, 0, n);
        int scanFrom = 0;
        Matcher m = ACTIVE.matcher(text);
        // Matches wholly inside the carried-over overlap were counted with the previous chunk.
        int fresh = carry.length();
        while (m.find(scanFrom)) {
          scanFrom = m.end();
          if (m.end() <= fresh) continue;
          if (activeCount++ == 0) {
            firstActive = m.group().trim().replaceAll("\\s+", "");
            activeLine = lineOfCarryStart + lines(text, m.start());
          }
        }
        Matcher e = EXTERNAL.matcher(text);
        scanFrom = 0;
        while (svg && e.find(scanFrom)) {
          scanFrom = e.end();
          if (e.end() <= fresh) continue;
          if (externalCount++ == 0) externalLine = lineOfCarryStart + lines(text, e.start());
        }
        int keep = Math.max(0, text.length() - OVERLAP);
        lineOfCarryStart += lines(text, keep);
        carry = text.substring(keep);
      }
    }
    List<Finding> findings = new ArrayList<>();
    String kind = svg ? "SVG image" : "HTML file";
    if (activeCount > 0) {
      findings.add(
          Finding.blocker(
                  HiddenCodes.ACTIVE_CONTENT,
                  "line " + activeLine,
                  "The "
                      + kind
                      + " contains "
                      + activeCount
                      + " script(s), event handler(s) or embedded object(s), which "
                      + "can run code when opened. Export it again without scripts and interactivity (for a figure, save "
                      + "a static SVG or a PNG).")
              .withEvidence(abbreviate(firstActive)));
    }
    if (externalCount > 0) {
      findings.add(
          Finding.warning(
              HiddenCodes.EXTERNAL_LINK,
              "line " + externalLine,
              "The SVG loads "
                  + externalCount
                  + " image(s) or style sheet(s) from the web, so what it shows can "
                  + "change after it is checked. Embed them in the file, or remove them."));
    }
    return findings;
  }

  private static long lines(String text, int upTo) {
    long count = 0;
    for (int i = 0; i < upTo; i++) {
      if (text.charAt(i) == '\n') count++;
    }
    return count;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 20 ? s.substring(0, 20) : s;
  }
}
