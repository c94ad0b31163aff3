package org.outputintake.scan.table;

/**
 * Reading single cells: whole numbers without allocation, and the markers researchers use for
 * suppression.
 */
final class Cells {
  static final long NOT_INTEGER = Long.MIN_VALUE;
  static final long DECIMAL = Long.MIN_VALUE + 1;
  private static final String[] MARKERS = {
    "[redacted]",
    "redacted",
    "*",
    "**",
    "***",
    "c",
    "[c]",
    "x",
    "[x]",
    "..",
    "...",
    "-",
    "~",
    "suppressed",
    "[suppressed]",
    "[z]",
    "n/a*",
    "<>",
    "s",
    "[s]",
    "supp"
  };

  private Cells() {}

  /**
   * The whole number in a cell ({@code 12}, {@code -3}, {@code 1,234}, {@code 12.0}); {@link
   * #DECIMAL} for another number; {@link #NOT_INTEGER} for anything else.
   */
  static long parse(String v) {
    int n = v.length();
    if (n == 0 || n > 19) return n > 19 && looksNumeric(v) ? DECIMAL : NOT_INTEGER;
    int i = 0;
    boolean negative = false;
    if (v.charAt(0) == '-' || v.charAt(0) == '+') {
      negative = v.charAt(0) == '-';
      i = 1;
      if (n == 1) return NOT_INTEGER;
    }
    long value = 0;
    int digits = 0;
    for (; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        digits++;
      } else if (c == ',' && digits > 0) {
        // a thousands separator between digits
      } else if (c == '.' && digits > 0) {
        return zeroFraction(v, i + 1)
            ? (negative ? -value : value)
            : looksNumeric(v) ? DECIMAL : NOT_INTEGER;
      } else {
        return looksNumeric(v) ? DECIMAL : NOT_INTEGER;
      }
    }
    if (digits == 0) return NOT_INTEGER;
    return negative ? -value : value;
  }

  private static boolean zeroFraction(String v, int from) {
    if (from >= v.length()) return false;
    for (int i = from; i < v.length(); i++) {
      if (v.charAt(i) != '0') return false;
    }
    return true;
  }

  /**
   * Digits with a decimal point, thousands commas, a percent sign, an exponent, signs; no
   * hyphenated identifier.
   */
  private static boolean looksNumeric(String v) {
    boolean digit = false;
    int n = v.length();
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '-' || c == '+') {
        // 943-476-5919 is a hyphenated identifier, not a number (short ranges such as 10-19 stay
        // numbers)
        if (i > 0 && n >= 10 && v.charAt(i - 1) != 'e' && v.charAt(i - 1) != 'E') return false;
      } else if (c != '.' && c != 'e' && c != 'E' && c != ',' && c != '%') {
        return false;
      }
    }
    return digit;
  }

  /**
   * A model's estimate as regression tables print it: stars for significance, a standard error or t
   * statistic in brackets ({@code 0.031***}, {@code (0.008)}, {@code [2.41]}).
   */
  static boolean estimate(String v) {
    int n = v.length();
    if (n < 2 || n > 30) return false;
    int from = 0;
    int to = n;
    while (to > from && v.charAt(to - 1) == '*') to--;
    char open = v.charAt(from);
    if ((open == '(' || open == '[') && to - from >= 3) {
      char close = v.charAt(to - 1);
      if (close != (open == '(' ? ')' : ']')) return false;
      from++;
      to--;
    }
    if (to == n) return false; // no star, no brackets: a plain number is parsed elsewhere
    long p = parse(v.substring(from, to).strip());
    return p != NOT_INTEGER;
  }

  /**
   * The text of a cell that Stata's esttab wrote as an Excel formula to keep its look ({@code
   * ="(0.008)"}).
   */
  static String excelText(String v) {
    int n = v.length();
    if (n >= 3 && v.charAt(0) == '=' && v.charAt(1) == '"' && v.charAt(n - 1) == '"')
      return v.substring(2, n - 1).replace("\"\"", "\"");
    return v;
  }

  /** An amount of money: {@code £1,200}, {@code $3.50}, {@code €12}, {@code -£4}. */
  static boolean money(String v) {
    int n = v.length();
    if (n < 2 || n > 24) return false;
    int i = v.charAt(0) == '-' ? 1 : 0;
    char c = v.charAt(i);
    if (c != '£' && c != '$' && c != '€') return false;
    return i + 1 < n && parse(v.substring(i + 1)) != NOT_INTEGER;
  }

  /**
   * {@code [REDACTED]}, {@code *}, {@code <10}, {@code c}, {@code x}, {@code ..}, {@code -} and the
   * like.
   */
  static boolean suppressed(String v) {
    int n = v.length();
    if (n == 0 || n > 14) return false;
    char c = v.charAt(0);
    if ("<≤[*cCxX.-~rRsSnN".indexOf(c) < 0) return false;
    if ((c == '<' || c == '≤') && n >= 2) {
      int i = 1;
      if (v.charAt(i) == '=' || v.charAt(i) == ' ') i++;
      return i < n && Cells.digitsOnly(v, i);
    }
    // by length first: most cells that reach here are words like "Region 4", and none of them is a
    // marker
    char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    for (String marker : MARKERS) {
      if (marker.length() == n && marker.charAt(0) == lower && marker.equalsIgnoreCase(v))
        return true;
    }
    return false;
  }

  private static boolean digitsOnly(String v, int from) {
    for (int i = from; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }
}
