package org.outputintake.archive;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names inside the export. A researcher's file name is display text, never a path: folder
 * parts, control and text-direction characters, and anything a file system or an archive tool could
 * misread become {@code _}; names that repeat within a folder get {@code -2}, {@code -3} before the
 * extension.
 */
final class ArchiveNames {
  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N} ._()+,=@-]");
  private static final Pattern WINDOWS_RESERVED =
      Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");
  private static final int MAX = 120;
  private final Set<String> used = new HashSet<>();

  /** A safe name, unique (ignoring case) among the names this instance has handed out. */
  String unique(String displayName) {
    String safe = safe(displayName);
    String candidate = safe;
    int dot = safe.lastIndexOf('.');
    String stem = dot > 0 ? safe.substring(0, dot) : safe;
    String ext = dot > 0 ? safe.substring(dot) : "";
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++)
      candidate = stem + "-" + n + ext;
    return candidate;
  }

  static String safe(String displayName) {
    String name = displayName == null ? "" : Normalizer.normalize(displayName, Normalizer.Form.NFC);
    name = UNSAFE.matcher(name).replaceAll("_").strip();
    name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
    if (name.isEmpty()) name = "file";
    if (WINDOWS_RESERVED.matcher(name).matches()) name = "_" + name;
    if (name.length() > MAX) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 12 ? name.substring(dot) : "";
      name = name.substring(0, MAX - ext.length()) + ext;
    }
    return name;
  }
}
