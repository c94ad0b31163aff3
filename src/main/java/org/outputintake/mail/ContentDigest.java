package org.outputintake.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * A fingerprint of what a message says rather than how it travelled: SHA-256 over the top-level
 * headers without the ones servers add on the way (Received, Return-Path, Delivered-To,
 * authentication results, X- headers) and the body with line endings normalised. The same email
 * delivered twice by different routes has the same digest; a different email that reuses a
 * Message-ID does not.
 */
public final class ContentDigest {
  private static final Set<String> TRACE =
      Set.of(
          "received",
          "return-path",
          "delivered-to",
          "received-spf",
          "authentication-results",
          "dkim-signature",
          "domainkey-signature",
          "envelope-to",
          "delivery-date",
          "status",
          "content-length",
          "lines",
          "original-recipient");
  private static final int MAX_HEADER_BYTES = 4 * 1024 * 1024;

  private ContentDigest() {}

  public static String of(Path raw) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), 64 * 1024)) {
      ByteArrayOutputStream field = new ByteArrayOutputStream();
      long headerBytes = 0;
      while (true) {
        byte[] line = readLine(in);
        if (line == null) break;
        headerBytes += line.length;
        boolean blank = line.length == 0;
        boolean continuation = !blank && (line[0] == ' ' || line[0] == '\t');
        if (!continuation) {
          addField(sha, field.toString(StandardCharsets.ISO_8859_1));
          field.reset();
        }
        if (blank || headerBytes > MAX_HEADER_BYTES) break;
        if (field.size() > 0) field.write(' ');
        field.writeBytes(line);
      }
      addField(sha, field.toString(StandardCharsets.ISO_8859_1));
      sha.update((byte) '\n');
      byte[] buf = new byte[64 * 1024];
      byte[] out = new byte[buf.length];
      int n;
      while ((n = in.read(buf)) > 0) {
        int k = 0;
        for (int i = 0; i < n; i++) if (buf[i] != '\r') out[k++] = buf[i];
        sha.update(out, 0, k);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void addField(MessageDigest sha, String field) {
    int colon = field.indexOf(':');
    if (colon <= 0) return;
    String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    if (TRACE.contains(name) || name.startsWith("x-") || name.startsWith("arc-")) return;
    String value = field.substring(colon + 1).replaceAll("\\s+", " ").trim();
    sha.update((name + ":" + value + "\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A line without its end-of-line bytes, or null at the end of the stream. */
  static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    boolean any = false;
    while ((b = in.read()) >= 0) {
      any = true;
      if (b == '\n') break;
      if (b != '\r') line.write(b);
    }
    return any ? line.toByteArray() : null;
  }

  private static MessageDigest sha256() {
    return org.outputintake.store.Sha256.digest();
  }
}
