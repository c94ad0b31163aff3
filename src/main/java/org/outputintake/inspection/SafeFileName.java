package org.outputintake.inspection;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.outputintake.scan.Finding;
import org.outputintake.text.FileNames;
import org.outputintake.text.OutsideText;

/**
 * A file name as a researcher (or an archive) gave it, and the two safe forms derived from it.
 *
 * @param original the name exactly as received, kept for the audit trail
 * @param display the last path element with its control and format characters (bidi overrides,
 *     zero-width spaces, line breaks) made visible by {@link OutsideText#line}, for reports
 * @param stored a name safe on any filesystem (ASCII letters, digits, {@code . _ -}, at most
 *     {@value #MAX_STORED} characters); the caller adds a unique prefix or suffix when names
 *     collide
 */
public record SafeFileName(String original, String display, String stored) {
  public static final int MAX_STORED = 100;
  public static final String FILE_NAME_UNSAFE = "FILE_NAME_UNSAFE";

  // Windows refuses these as base names whatever the extension.
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  public SafeFileName {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(stored, "stored");
    if (!stored.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || stored.length() > MAX_STORED) {
      throw new IllegalArgumentException("stored name is not filesystem-safe: " + stored);
    }
  }

  public static SafeFileName of(String original) {
    String name = original == null ? "" : original;
    String display = OutsideText.line(FileNames.lastElement(name)).strip();
    if (display.isEmpty() || display.equals(".") || display.equals("..")) display = "unnamed";
    return new SafeFileName(name, display, storedForm(display));
  }

  /**
   * FILE_NAME_UNSAFE when the name as received held control or format characters that could
   * disguise its real extension or add lines to a mail. Judged on {@link #original}: the display
   * form has them made visible already.
   */
  public List<Finding> problems() {
    if (!hasHiddenCharacters(original)) return List.of();
    return List.of(
        Finding.warning(
            FILE_NAME_UNSAFE,
            "file name",
            "The file name contains invisible control or text-direction characters, which can make a name look "
                + "different from what it is (for example 'report\u2026exe.csv'). It is shown here as '"
                + display
                + "'. Rename the file using only letters, digits, spaces, dots, dashes and underscores."));
  }

  /** The extension of the display name, lower-case without the dot, or empty. */
  public String extension() {
    return FileNames.extension(display);
  }

  static boolean hasHiddenCharacters(String s) {
    return OutsideText.hasHidden(s);
  }

  private static String storedForm(String display) {
    // Decompose accents so "Résumé" becomes "Resume" rather than "R_sum_".
    String ascii = Normalizer.normalize(display, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String safe =
        ascii
            .replaceAll("[^A-Za-z0-9._-]+", "_")
            .replaceAll("_{2,}", "_")
            .replaceAll("\\.{2,}", ".")
            .replaceAll("^[._-]+", "");
    if (safe.isEmpty()) safe = "file";
    int dot = safe.lastIndexOf('.');
    String base = dot > 0 ? safe.substring(0, dot) : safe;
    String ext = dot > 0 ? safe.substring(dot) : "";
    if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) base = "file_" + base;
    if (ext.length() > 16) ext = ext.substring(0, 16);
    int room = MAX_STORED - ext.length();
    if (base.length() > room) base = base.substring(0, room);
    String stored = (base + ext).replaceAll("[.]+$", "");
    return stored.isEmpty() || !Character.isLetterOrDigit(stored.charAt(0))
        ? "file" + stored
        : stored;
  }
}
