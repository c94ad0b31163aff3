package org.outputintake.inspection.archive;

import org.outputintake.text.OutsideText;

/**
 * Archive entry names are data from the sender: they are checked, cleaned for display, and never
 * used as paths.
 */
final class EntryNames {
  private static final int MAX_DISPLAY = 200;

  private EntryNames() {}

  /**
   * Why a name is unsafe to honour ("leaves the archive folder", "is an absolute path"), or null.
   */
  static String problem(String raw) {
    String name = raw.replace('\\', '/');
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return "is an absolute path";
    for (String part : name.split("/")) {
      if (part.equals("..")) return "leaves the archive folder ('..')";
    }
    if (name.indexOf('\0') >= 0) return "contains a NUL character";
    return null;
  }

  /**
   * The name as shown in reports: forward slashes, no leading {@code ./}, control and format
   * characters made visible ({@link OutsideText#line}).
   */
  static String display(String raw) {
    String name = OutsideText.line(raw.replace('\\', '/'));
    while (name.startsWith("./")) name = name.substring(2);
    if (name.isEmpty()) name = "unnamed";
    return name.length() > MAX_DISPLAY ? name.substring(0, MAX_DISPLAY) + "..." : name;
  }
}
