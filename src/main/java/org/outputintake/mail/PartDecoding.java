package org.outputintake.mail;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Transfer decoding of one part, done here rather than inside MIME4J so the parser knows both what
 * was sent and what it decoded to: a part that held content but decodes to nothing is reported,
 * never stored as an empty file.
 */
final class PartDecoding {
  private PartDecoding() {}

  static InputStream decode(InputStream raw, String transferEncoding, Monitor monitor) {
    String enc = transferEncoding == null ? "" : transferEncoding.trim().toLowerCase(Locale.ROOT);
    return switch (enc) {
      case "base64" -> new Base64InputStream(raw, monitor);
      // quoted-printable always yields the text as sent; its complaints (bare line feeds, stray
      // blanks) are noise
      case "quoted-printable" -> new QuotedPrintableInputStream(raw, DecodeMonitor.SILENT);
      default -> raw;
    };
  }

  /**
   * Remembers the first decoding problem and lets decoding go on (bad base64 is decoded as far as
   * possible).
   */
  static final class Monitor extends DecodeMonitor {
    private String problem;

    @Override
    public boolean warn(String error, String dropped) {
      if (problem == null)
        problem =
            error == null
                ? "damaged encoding"
                : error.length() > 80 ? error.substring(0, 80) : error;
      return false;
    }

    @Override
    public boolean isListening() {
      return true;
    }

    String problem() {
      return problem;
    }
  }

  /**
   * Counts the bytes of a part as sent that are not line breaks or blanks: whether it held anything
   * at all.
   */
  static final class Counting extends FilterInputStream {
    private long content;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count(b);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = 0; i < n; i++) count(buf[off + i]);
      return n;
    }

    private void count(int b) {
      if (b != '\r' && b != '\n' && b != ' ' && b != '\t') content++;
    }

    long content() {
      return content;
    }
  }
}
