package org.outputintake.text;

import java.util.Locale;

/**
 * The parts of a file name as received: from a mail client, a form or an archive entry, with either
 * kind of separator, since a Windows client sends {@code folder\table.csv}.
 */
public final class FileNames {
  private FileNames() {}

  /** What follows the last {@code /} or {@code \}: the whole name when there is neither. */
  public static String lastElement(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  /**
   * The lower-case extension of the last element, without the dot; empty when there is none, and
   * for a name that only starts with a dot ({@code .profile}) or ends with one.
   */
  public static String extension(String name) {
    String leaf = lastElement(name);
    int dot = leaf.lastIndexOf('.');
    return dot <= 0 || dot == leaf.length() - 1
        ? ""
        : leaf.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
