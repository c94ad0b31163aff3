package org.outputintake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Outlook's {@code winmail.dat} (TNEF, "Rich Text" mail): the files it wraps. Outlook sends a whole
 * request, form and outputs, inside this one part; taken as it is, the form would be "missing" and
 * the outputs never checked. Bad input is a value (empty), never an exception.
 */
final class Tnef {
  /** HMEF reads the whole part into memory: a bigger one is left as it is, with a warning. */
  static final long MAX_BYTES = 64L << 20;

  private static final byte[] SIGNATURE = {0x78, (byte) 0x9F, 0x3E, 0x22};

  /** One file from inside the TNEF part, written to the working directory. */
  record Unpacked(String name, Path file, long size) {}

  private Tnef() {}

  /** A part sent as TNEF (by type or by Outlook's name) whose bytes start as TNEF does. */
  static boolean isTnef(String mime, String filename, Path file) throws IOException {
    boolean named =
        mime.equals("application/ms-tnef")
            || mime.equals("application/vnd.ms-tnef")
            || filename != null && filename.strip().toLowerCase(Locale.ROOT).equals("winmail.dat");
    if (!named) return false;
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 4) < 4) return false;
    }
    for (int i = 0; i < 4; i++) if (head[i] != SIGNATURE[i]) return false;
    return true;
  }

  /**
   * The files inside, or empty when the part cannot be read (damaged, too large). A TNEF part that
   * wraps no file (only the Rich Text body) gives an empty list.
   */
  static Optional<List<Unpacked>> unpack(Path file, Path workDir) throws IOException {
    if (Files.size(file) > MAX_BYTES) return Optional.empty();
    List<Attachment> inside;
    try (InputStream in = Files.newInputStream(file)) {
      inside = new HMEFMessage(in).getAttachments();
    } catch (IOException | RuntimeException e) {
      // HMEF signals a damaged stream with a variety of runtime exceptions
      return Optional.empty();
    }
    List<Unpacked> out = new ArrayList<>();
    for (Attachment a : inside) {
      byte[] contents;
      String name;
      try {
        contents = a.getContents();
        name = a.getLongFilename();
        if (name == null || name.isBlank()) name = a.getFilename();
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (contents == null) continue;
      if (name == null || name.isBlank()) name = "winmail-attachment-" + (out.size() + 1);
      Path part = Files.createTempFile(workDir, "tnef-", ".bin");
      Files.write(part, contents);
      out.add(new Unpacked(name.strip(), part, contents.length));
    }
    return Optional.of(out);
  }
}
