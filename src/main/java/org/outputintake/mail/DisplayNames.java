package org.outputintake.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.james.mime4j.stream.RawField;

/**
 * The name in a {@code From:} header, made fit to greet someone by ("Dear Ada Lovelace,"). The
 * sender writes that header, so it is treated as untrusted text: control and invisible characters
 * go, and anything that does not read as a person's name (an address, a phone number, a line of
 * text) is no name at all, so the greeting falls back to its neutral form.
 */
public final class DisplayNames {
  private static final int MAX_CHARS = 60;

  /** Letters and the punctuation of names: O'Brien, Jean-Luc, J. R. Smith, Ní Bhriain. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'’-]*");

  /** What mail systems add to a name: "(ONS)", "[EXTERNAL]", " via srs-users". */
  private static final Pattern TAGS =
      Pattern.compile("\\s*(\\([^()]*\\)|\\[[^\\[\\]]*\\])\\s*|\\s+via\\s+.*$");

  private static final Pattern QUOTES = Pattern.compile("^[\"'‘’“”]+|[\"'‘’“”]+$");

  private DisplayNames() {}

  /**
   * The name to greet by, from a header's display name as parsed; empty when there is none or it
   * does not read as a name. "Lovelace, Ada" is turned round to "Ada Lovelace".
   */
  public static Optional<String> greeting(String displayName) {
    if (displayName == null) return Optional.empty();
    String s = Normalizer.normalize(displayName, Normalizer.Form.NFC);
    StringBuilder visible = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              // invisible marks (bidi overrides, zero-width spaces) go without a trace, so a
              // reversed or split word cannot pass for a name; breaks become spaces
              if (type == Character.FORMAT) return;
              boolean hidden =
                  type == Character.CONTROL
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR
                      || type == Character.PRIVATE_USE
                      || type == Character.SURROGATE
                      || type == Character.UNASSIGNED;
              visible.appendCodePoint(hidden || Character.isWhitespace(cp) ? ' ' : cp);
            });
    s = visible.toString().replaceAll(" +", " ").strip();
    s = QUOTES.matcher(s).replaceAll("").strip();
    s = TAGS.matcher(s).replaceAll(" ").replaceAll(" +", " ").strip();
    s = QUOTES.matcher(s).replaceAll("").strip();
    String[] parts = s.split(",", -1);
    if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
      s = parts[1].strip() + " " + parts[0].strip();
    } else if (parts.length != 1) {
      return Optional.empty();
    }
    if (s.isEmpty() || s.length() > MAX_CHARS || !NAME.matcher(s).matches())
      return Optional.empty();
    // "ada.lovelace" is a login, not what anyone is called
    if (!s.contains(" ") && s.contains(".")) return Optional.empty();
    return Optional.of(s);
  }

  /**
   * The greeting name in the {@code From:} of a stored raw email, read from its top-level header
   * alone; empty when the file cannot be read or gives no name.
   */
  public static Optional<String> ofStoredMessage(Path rawEml) {
    if (rawEml == null || !Files.isRegularFile(rawEml)) return Optional.empty();
    try {
      for (RawField field : TopHeaders.read(rawEml)) {
        if (!field.getName().toLowerCase(Locale.ROOT).equals("from")) continue;
        InternetAddress first = HeaderValues.firstAddress(field.getBody());
        return first == null ? Optional.empty() : greeting(first.getPersonal());
      }
    } catch (IOException | AddressException | RuntimeException e) {
      // no name is a neutral greeting, never a failed reply
    }
    return Optional.empty();
  }
}
