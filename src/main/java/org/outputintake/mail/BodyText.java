package org.outputintake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a message as it is streamed: the first plain and HTML bodies of the top message
 * (further inline plain text appended), capped, and the {@code cid:} references of every HTML part,
 * which decide whether an image is shown in the body or is a file.
 */
final class BodyText {
  static final int MAX_BODY_CHARS = 200_000;

  /** How much of each HTML part is searched for {@code cid:} references to its images. */
  private static final int MAX_HTML_SCAN_CHARS = 5_000_000;

  private static final Pattern CID = Pattern.compile("(?i)cid:([^\"'\\s>)]+)");

  private final List<String> warnings;
  private final Set<String> cids = new HashSet<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder html = new StringBuilder();

  /**
   * @param warnings where an unknown charset is noted
   */
  BodyText(List<String> warnings) {
    this.warnings = warnings;
  }

  /**
   * Reads one text part; only the top message's ({@code messageDepth} 1) become the body, forwarded
   * bodies are skipped.
   */
  void read(String mime, InputStream is, String charset, int messageDepth) throws IOException {
    boolean isHtml = mime.equals("text/html");
    StringBuilder part = new StringBuilder();
    appendText(part, is, charset, isHtml ? MAX_HTML_SCAN_CHARS : MAX_BODY_CHARS);
    if (isHtml) {
      Matcher m = CID.matcher(part);
      while (m.find()) cids.add(HeaderValues.cid(m.group(1)));
    }
    if (messageDepth != 1) return;
    StringBuilder target = isHtml ? html : text;
    if (isHtml && target.length() > 0) return;
    if (target.length() > 0 && target.length() < MAX_BODY_CHARS) target.append('\n');
    target.append(part, 0, Math.min(part.length(), Math.max(0, MAX_BODY_CHARS - target.length())));
  }

  /** Whether an HTML part refers to this Content-ID, so its image is shown in the body. */
  boolean refersTo(String contentId) {
    return cids.contains(HeaderValues.cid(contentId));
  }

  /** The plain text, or the HTML's text where the message has no plain part. */
  String body() {
    return text.length() > 0 ? text.toString() : HeaderValues.htmlToText(html.toString());
  }

  /** The HTML as sent (capped) where the message has no plain part; empty otherwise. */
  String html() {
    return text.length() > 0 ? "" : html.substring(0, Math.min(html.length(), MAX_BODY_CHARS));
  }

  private void appendText(StringBuilder target, InputStream is, String charset, int max)
      throws IOException {
    Charset cs;
    try {
      cs = charset == null ? StandardCharsets.US_ASCII : Charset.forName(charset);
    } catch (RuntimeException e) {
      warnings.add("unknown charset " + charset + ", read as UTF-8");
      cs = StandardCharsets.UTF_8;
    }
    if (cs.equals(StandardCharsets.US_ASCII)) cs = StandardCharsets.UTF_8;
    var reader = new InputStreamReader(is, cs);
    char[] buf = new char[8192];
    int n;
    while ((n = reader.read(buf)) > 0) {
      if (target.length() < max) target.append(buf, 0, Math.min(n, max - target.length()));
    }
  }
}
