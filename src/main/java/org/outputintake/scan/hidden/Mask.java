package org.outputintake.scan.hidden;

/**
 * Masks text found hidden in a file so that a report shows that it exists without disclosing it.
 */
final class Mask {
  private Mask() {}

  /**
   * {@code "John Smith"} becomes {@code "Jo***h (10 characters)"}; short text is masked entirely.
   */
  static String text(String s) {
    if (s == null) return "";
    String t = s.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) return "";
    if (t.length() <= 5) return "*".repeat(t.length()) + " (" + t.length() + " characters)";
    return t.substring(0, 2)
        + "***"
        + t.substring(t.length() - 1)
        + " ("
        + t.length()
        + " characters)";
  }

  /**
   * The last few characters of a link target ({@code ...s.xlsx}), enough to recognise it, not to
   * read a path.
   */
  static String target(String s) {
    if (s == null || s.isBlank()) return "";
    String t = s.strip();
    return t.length() <= 6 ? "***" : "***" + t.substring(t.length() - 6);
  }
}
