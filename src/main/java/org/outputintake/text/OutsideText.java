package org.outputintake.text;

import java.util.regex.Pattern;

/**
 * Text from outside (file names, subjects, display names, a sender's words) made safe to show in a
 * mail, a report, a listing or an export. The one rule: control characters (Unicode Cc) and
 * invisible format characters (Cf: the bidi overrides U+202A..U+202E and isolates U+2066..U+2069,
 * zero-width spaces, the byte order mark...) and the Unicode line and paragraph separators are made
 * visible as {@code \u202e}-style escapes, so a name cannot start a line that reads as the bot's
 * own words, nor hide its real extension behind a right-to-left override. Everything else, accents
 * and scripts included, is kept as written.
 */
public final class OutsideText {
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private OutsideText() {}

  /**
   * A one-line value (a file name, a subject, a name): every hidden character made visible, CR and
   * LF included, so the value stays on its line.
   */
  public static String line(String s) {
    if (s == null) return "";
    if (!hasHidden(s)) return s;
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> appendVisible(out, cp));
    return out.toString();
  }

  /**
   * Text of several lines (what someone wrote in an email): line breaks are kept (CR LF and CR
   * become LF) and so are tabs; every other hidden character is made visible as in {@link #line}.
   */
  public static String block(String s) {
    if (s == null) return "";
    String text = s.replace("\r\n", "\n").replace('\r', '\n');
    if (!hasHidden(text)) return text;
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\t') out.appendCodePoint(cp);
              else appendVisible(out, cp);
            });
    return out.toString();
  }

  /**
   * A cell of a CSV the bot writes, safe to open in a spreadsheet (OWASP's CSV injection rule): a
   * text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would
   * be read as a formula ({@code =HYPERLINK(...)}, {@code =cmd|' /C calc'!A0}), so it gets a
   * leading single quote, which spreadsheets show as text. A plain number ({@code -5}, {@code
   * +3.2}) is no formula and stays as it is, so counts and differences still read as numbers.
   */
  public static String csvCell(String s) {
    if (s == null || s.isEmpty()) return s;
    char first = s.charAt(0);
    boolean formulaStart =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formulaStart && !PLAIN_NUMBER.matcher(s).matches() ? "'" + s : s;
  }

  /** Whether the text holds a character that {@link #line} would make visible. */
  public static boolean hasHidden(String s) {
    return s != null && s.codePoints().anyMatch(OutsideText::isHidden);
  }

  /**
   * A control or format character, or a line or paragraph separator: invisible, or moving text
   * about, when shown.
   */
  public static boolean isHidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static void appendVisible(StringBuilder out, int cp) {
    if (!isHidden(cp)) {
      out.appendCodePoint(cp);
    } else if (cp <= 0xFFFF) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\u{%x}", cp));
    }
  }
}
