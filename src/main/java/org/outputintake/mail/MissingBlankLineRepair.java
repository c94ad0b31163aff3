package org.outputintake.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Puts back the blank line some senders leave out between a part's headers and its body. Without it
 * MIME4J reads the first body lines as broken headers and drops them (with its own repair switched
 * on it still loses the line after the first), so an attachment would arrive as 0 bytes. Mail
 * clients, like Python's email package, take the first line that is not a header as the start of
 * the body; so does this. In the top-level headers a stray line followed by more headers is skipped
 * as before, so the sender and subject are never lost to it.
 */
final class MissingBlankLineRepair extends InputStream {
  private static final int MAX_INSPECTED_LINE = 64 * 1024;

  private enum State {
    TOP_HEADER,
    PART_HEADER,
    BODY
  }

  private final InputStream in;
  private final Set<String> boundaries = new HashSet<>();
  private final StringBuilder contentType = new StringBuilder();
  private State state = State.TOP_HEADER;
  private byte[] pending = new byte[0];
  private byte[] peeked;
  private final byte[] buf = new byte[64 * 1024];
  private int bufPos;
  private int bufLen;
  private int pos;

  MissingBlankLineRepair(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (pos >= pending.length && !fill()) return -1;
    return pending[pos++] & 0xff;
  }

  /**
   * Fills the caller's buffer with as many lines as fit: handing out one line per call made MIME4J
   * refill (and shift) its own buffer for every line, which cost nine times the parse itself.
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) return 0;
    int copied = 0;
    while (copied < len) {
      if (pos >= pending.length && !fill()) break;
      int n = Math.min(len - copied, pending.length - pos);
      System.arraycopy(pending, pos, b, off + copied, n);
      pos += n;
      copied += n;
    }
    return copied == 0 ? -1 : copied;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    byte[] bytes = nextLine();
    if (bytes == null) return false;
    pos = 0;
    pending = bytes.length >= MAX_INSPECTED_LINE ? bytes : inspect(bytes);
    return true;
  }

  private byte[] nextLine() throws IOException {
    if (peeked != null) {
      byte[] line = peeked;
      peeked = null;
      return line;
    }
    ByteArrayOutputStream longLine = null;
    while (true) {
      if (bufPos >= bufLen) {
        bufLen = in.read(buf, 0, buf.length);
        bufPos = 0;
        if (bufLen <= 0) {
          bufLen = 0;
          return longLine == null || longLine.size() == 0 ? null : longLine.toByteArray();
        }
      }
      int end = bufPos;
      while (end < bufLen && buf[end] != '\n') end++;
      boolean complete = end < bufLen;
      int stop = complete ? end + 1 : bufLen;
      if (longLine == null && complete) {
        byte[] line = Arrays.copyOfRange(buf, bufPos, stop);
        bufPos = stop;
        return line;
      }
      if (longLine == null) longLine = new ByteArrayOutputStream(256);
      longLine.write(buf, bufPos, stop - bufPos);
      bufPos = stop;
      if (complete || longLine.size() >= MAX_INSPECTED_LINE) return longLine.toByteArray();
    }
  }

  /**
   * A stray line among the top-level headers is skipped, as MIME4J does, when headers follow it;
   * when none do, it is where the body starts (the sender left out the blank line), so the body is
   * not lost either.
   */
  private boolean bodyStartsAtTop() throws IOException {
    if (peeked == null) peeked = nextLine();
    if (peeked == null) return true;
    String next = new String(peeked, StandardCharsets.ISO_8859_1);
    boolean continuation = !next.isEmpty() && (next.charAt(0) == ' ' || next.charAt(0) == '\t');
    return !continuation && !looksLikeField(next.stripTrailing()) && !next.isBlank();
  }

  private byte[] inspect(byte[] bytes) throws IOException {
    // most lines are body lines that can be neither a delimiter nor a Content-Type: pass them
    // untouched, quickly
    if (state == State.BODY
        && contentType.length() == 0
        && bytes.length > 0
        && bytes[0] != '-'
        && bytes[0] != 'c'
        && bytes[0] != 'C') {
      return bytes;
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String bare = text.stripTrailing();
    learnBoundary(text, bare);
    String line =
        text.endsWith("\r\n")
            ? text.substring(0, text.length() - 2)
            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (line.startsWith("--")) {
      String b = line.substring(2);
      // boundaries may end in spaces, and a delimiter line may carry trailing blanks
      if (boundaries.contains(b) || boundaries.contains(b.stripTrailing())) {
        state = State.PART_HEADER;
        return bytes;
      }
      if (b.endsWith("--") && closes(b)
          || b.stripTrailing().endsWith("--") && closes(b.stripTrailing())) {
        state = State.BODY;
        return bytes;
      }
    }
    if (state == State.BODY) return bytes;
    if (bare.isEmpty()) {
      state = State.BODY;
      return bytes;
    }
    boolean continuation = text.charAt(0) == ' ' || text.charAt(0) == '\t';
    if (continuation || looksLikeField(bare)) return bytes;
    if (state == State.TOP_HEADER && !bodyStartsAtTop()) return bytes;
    state = State.BODY;
    byte[] eol = text.endsWith("\r\n") ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
    byte[] out = new byte[eol.length + bytes.length];
    System.arraycopy(eol, 0, out, 0, eol.length);
    System.arraycopy(bytes, 0, out, eol.length, bytes.length);
    return out;
  }

  private boolean closes(String b) {
    String inner = b.substring(0, b.length() - 2);
    return boundaries.contains(inner) || boundaries.contains(inner.stripTrailing());
  }

  /**
   * Boundaries are learnt from every Content-Type header, nested messages' included (folded lines
   * joined).
   */
  private void learnBoundary(String text, String bare) {
    boolean continuation = !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t');
    if (contentType.length() > 0 && continuation) {
      contentType.append(' ').append(bare.strip());
      return;
    }
    if (contentType.length() > 0) {
      String boundary = Rfc2231.value(Rfc2231.params(contentType.toString()), "boundary");
      if (boundary != null && !boundary.isEmpty()) boundaries.add(boundary);
      contentType.setLength(0);
    }
    if (bare.regionMatches(true, 0, "content-type:", 0, 13)) contentType.append(bare);
  }

  private static boolean looksLikeField(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) return false;
    for (int i = 0; i < colon; i++) {
      char ch = line.charAt(i);
      if (ch <= ' ' || ch > '~') return i > 0 && line.substring(i, colon).isBlank();
    }
    return true;
  }
}
