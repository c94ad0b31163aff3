package org.outputintake.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.stream.RawField;

/**
 * The top-level header fields that say who sent a message and whether it may be answered, read line
 * by line with nothing else kept: enough to record and politely answer a message whose structure
 * cannot be parsed (a header block too large to be real, say), at a bounded cost in memory.
 */
final class TopHeaders {
  private static final Set<String> WANTED = wanted();

  private static Set<String> wanted() {
    Set<String> all =
        new java.util.HashSet<>(
            Set.of(
                "from",
                "subject",
                "message-id",
                "in-reply-to",
                "references",
                "date",
                "to",
                "return-path",
                "x-output-intake-loop"));
    all.addAll(AutoReplySigns.HEADERS);
    return Set.copyOf(all);
  }

  private static final int MAX_FIELD_CHARS = 64 * 1024;
  private static final long MAX_SCAN_BYTES = 64L * 1024 * 1024;

  private TopHeaders() {}

  static List<RawField> read(Path raw) throws IOException {
    List<RawField> out = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(raw), 64 * 1024)) {
      StringBuilder field = new StringBuilder();
      long scanned = 0;
      while (scanned < MAX_SCAN_BYTES) {
        byte[] line = ContentDigest.readLine(in);
        if (line == null) break;
        scanned += line.length + 1;
        boolean continuation = line.length > 0 && (line[0] == ' ' || line[0] == '\t');
        if (!continuation) {
          add(out, field);
          field.setLength(0);
        }
        if (line.length == 0) break;
        String text =
            new String(line, 0, Math.min(line.length, MAX_FIELD_CHARS), StandardCharsets.UTF_8);
        if (continuation && field.length() == 0) continue; // the continuation of a field not kept
        if (!continuation) {
          int colon = text.indexOf(':');
          if (colon <= 0
              || !WANTED.contains(text.substring(0, colon).trim().toLowerCase(Locale.ROOT)))
            continue;
        }
        if (field.length() < MAX_FIELD_CHARS)
          field.append(field.length() == 0 ? "" : "\r\n").append(text);
      }
      add(out, field);
    }
    return out;
  }

  private static void add(List<RawField> out, StringBuilder field) {
    if (field.length() == 0) return;
    int colon = field.indexOf(":");
    out.add(new RawField(field.substring(0, colon).trim(), field.substring(colon + 1).trim()));
  }
}
