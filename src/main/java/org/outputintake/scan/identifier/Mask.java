package org.outputintake.scan.identifier;

/**
 * The one place values are masked for evidence. An officer sees enough to find the value in the
 * file (a few leading and trailing characters), never the value itself.
 */
public final class Mask {
  private Mask() {}

  /** {@code 9434765919} becomes {@code 943 *** **19}. */
  public static String nhs(String digits) {
    String d = digitsOnly(digits);
    if (d.length() != 10) return generic(digits);
    return d.substring(0, 3) + " *** **" + d.substring(8);
  }

  /** {@code AB123456C} becomes {@code AB ** ** ** C}. */
  public static String ni(String value) {
    String c = compact(value);
    if (c.length() < 8) return generic(value);
    return c.substring(0, 2) + " ** ** **" + (c.length() > 8 ? " " + c.charAt(8) : "");
  }

  /** {@code jane.doe@example.org} becomes {@code j***@e***.org}. */
  public static String email(String value) {
    int at = value.indexOf('@');
    if (at <= 0 || at == value.length() - 1) return generic(value);
    String domain = value.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String tld = dot > 0 ? domain.substring(dot) : "";
    return value.charAt(0) + "***@" + domain.charAt(0) + "***" + tld;
  }

  /**
   * Keeps the outward code, which alone is a district and not identifying: {@code SW1A 1AA} becomes
   * {@code SW1A ***}.
   */
  public static String postcode(String value) {
    String c = compact(value);
    if (c.length() < 5) return generic(value);
    return c.substring(0, c.length() - 3) + " ***";
  }

  /** Digits of a phone number: first four and last two kept, {@code 0163 *** **01}. */
  public static String phone(String value) {
    String d = digitsOnly(value);
    if (d.length() < 8) return generic(value);
    return d.substring(0, 4) + " *** **" + d.substring(d.length() - 2);
  }

  /** A name or an address: the first letter only, {@code J***}. */
  public static String text(String value) {
    String t = value.strip();
    return t.isEmpty() ? "" : t.charAt(0) + "***";
  }

  /**
   * Any other value: two leading and two trailing characters kept, the rest starred; short values
   * keep only their first character so that little of them shows.
   */
  public static String generic(String value) {
    String v = value.strip();
    if (v.length() > 40) v = v.substring(0, 40);
    int n = v.length();
    if (n == 0) return "";
    if (n <= 6) return v.charAt(0) + "*".repeat(n - 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      b.append(i < 2 || i >= n - 2 || c == ' ' ? c : '*');
    }
    return b.toString();
  }

  /**
   * Text found hidden in a file (a comment, deleted or hidden text, an author): {@code "John
   * Smith"} becomes {@code "Jo***h (10 characters)"}, so a report shows that it exists without
   * disclosing it; short text is masked entirely.
   */
  public static String hiddenText(String s) {
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
  public static String linkTarget(String s) {
    if (s == null || s.isBlank()) return "";
    String t = s.strip();
    return t.length() <= 6 ? "***" : "***" + t.substring(t.length() - 6);
  }

  static String compact(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isLetterOrDigit(c)) b.append(Character.toUpperCase(c));
    }
    return b.toString();
  }

  static String digitsOnly(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') b.append(c);
    }
    return b.toString();
  }
}
