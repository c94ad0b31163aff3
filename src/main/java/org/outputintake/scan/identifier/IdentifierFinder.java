package org.outputintake.scan.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;
import org.outputintake.scan.Finding;

/**
 * Finds identifiers in free text. The line is cut into tokens once (letters, digits, decimal points) and
 * each rule looks only at tokens of its shape, so no regular expression runs per line and a line without a
 * digit or an '@' costs one pass. A bare number is an identifier only with its check digit and, where the
 * check digit alone is weak (NHS: 1 in 11 random numbers pass), a context word or a telling layout.
 * Not thread-safe: one instance per scanning thread.
 */
public final class IdentifierFinder {
  /** Receives each identifier found, already masked. */
  public interface Sink {
    void hit(IdentifierKind kind, String masked);
  }

  private static final EmailValidator EMAIL = EmailValidator.getInstance();
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String[] STREET_SUFFIXES = {"Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Close",
      "Drive", "Way", "Crescent", "Place", "Grove", "Gardens", "Court", "Terrace", "Hill", "Square", "Mews", "Row",
      "Walk", "Parade", "Green", "Rise", "View", "Gate", "Park"};
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec"};
  private static final int MAX_LINE = 1 << 20;

  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int count;
  private String s;
  private String hint;
  private Sink sink;

  /** Findings for a text, one per identifier, located by line: {@code "<location>, line 12"}. */
  public List<Finding> scanText(String text, String location) {
    List<Finding> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    String prefix = location == null || location.isEmpty() ? "" : location + ", ";
    int lineNo = 0;
    int from = 0;
    int n = text.length();
    while (from <= n) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? n : nl;
      lineNo++;
      String where = prefix + "line " + lineNo;
      scanLine(text.substring(from, to), null, (kind, masked) -> out.add(finding(kind, where, masked)));
      if (nl < 0) break;
      from = nl + 1;
    }
    return out;
  }

  /** The finding for one identifier found at a place. */
  public static Finding finding(IdentifierKind kind, String location, String masked) {
    String article = "AEIOU".indexOf(Character.toUpperCase(kind.label().charAt(0))) >= 0 ? "an " : "a ";
    return new Finding(kind.name(), kind.severity(), location,
        "This looks like " + article + kind.label() + ". " + kind.advice(), masked);
  }

  /**
   * Scans one line or cell.
   *
   * @param hint lower-case context that precedes the text, such as the column header; may be null
   */
  public void scanLine(String line, String hint, Sink sink) {
    if (line == null || line.isEmpty()) return;
    if (line.length() > MAX_LINE) line = line.substring(0, MAX_LINE);
    boolean digit = false;
    boolean at = false;
    for (int i = 0, n = line.length(); i < n && !(digit && at); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') digit = true;
      else if (c == '@') at = true;
    }
    if (!digit && !at) return;
    this.s = line;
    this.hint = hint;
    this.sink = sink;
    if (at) emails();
    if (digit) {
      tokenize();
      for (int i = 0; i < count; ) {
        i += Math.max(1, token(i));
      }
    }
    this.s = null;
    this.sink = null;
  }

  private void emails() {
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      int a = at;
      while (a > 0 && emailChar(s.charAt(a - 1), true)) a--;
      int b = at + 1;
      while (b < s.length() && emailChar(s.charAt(b), false)) b++;
      while (b > at + 1 && s.charAt(b - 1) == '.') b--;
      if (a < at && b > at + 3) {
        String candidate = s.substring(a, b);
        if (EMAIL.isValid(candidate)) sink.hit(IdentifierKind.EMAIL_ADDRESS, Mask.email(candidate));
      }
    }
  }

  private static boolean emailChar(char c, boolean local) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
        || local && (c == '_' || c == '+' || c == '%' || c == '\'');
  }

  private void tokenize() {
    count = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && !alnum(s.charAt(i))) i++;
      if (i >= n) break;
      int st = i;
      while (i < n && (alnum(s.charAt(i)) || s.charAt(i) == '.' && i > st && digitAt(i - 1) && digitAt(i + 1))) i++;
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
        ends = java.util.Arrays.copyOf(ends, count * 2);
      }
      starts[count] = st;
      ends[count] = i;
      count++;
    }
  }

  /** Looks at token i; returns how many tokens it consumed. */
  private int token(int i) {
    int st = starts[i];
    int len = ends[i] - st;
    int digits = 0;
    int uppers = 0;
    int dots = 0;
    for (int k = st; k < ends[i]; k++) {
      char c = s.charAt(k);
      if (c >= '0' && c <= '9') digits++;
      else if (c >= 'A' && c <= 'Z') uppers++;
      else if (c == '.') dots++;
    }
    if (digits == len) return digitsToken(i, len);
    if (dots == 1 && digits == len - 1) return decimal(i);
    if (digits > 0 && uppers + digits == len && len <= 13) return upperAlnum(i, len);
    if (digits == 0 && uppers == 2 && len == 2) return letterPair(i);
    return 1;
  }

  private int digitsToken(int i, int len) {
    if (len == 3 && i + 2 < count && len(i + 1) == 3 && len(i + 2) == 4 && allDigits(i + 1) && allDigits(i + 2)
        && separator(i + 1) && separator(i + 2)) {
      String nhs = text(i) + text(i + 1) + text(i + 2);
      if (CheckDigits.nhs(nhs)) {
        sink.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(nhs));
        return 3;
      }
    }
    boolean plus44 = len == 2 && s.startsWith("44", starts[i]) && starts[i] > 0 && s.charAt(starts[i] - 1) == '+';
    if (s.charAt(starts[i]) == '0' || plus44) {
      int used = phone(i, plus44);
      if (used > 0) return used;
    }
    if (len == 10 && context(i, 6, "nhs") && CheckDigits.nhs(text(i))) {
      sink.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(text(i)));
      return 1;
    }
    if (len == 9 && context(i, 6, "passport")) {
      sink.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(text(i)));
      return 1;
    }
    if (len <= 12 && context(i, 3, "uprn")) {
      sink.hit(IdentifierKind.UPRN, Mask.generic(text(i)));
      return 1;
    }
    if (len == 8 && context(i, 5, "company", "companies", "crn", "registration", "registered")) {
      sink.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(text(i)));
      return 1;
    }
    if ((len == 10 || len == 11) && context(i, 3, "ruref", "entref", "luref")) {
      sink.hit(IdentifierKind.BUSINESS_REFERENCE, Mask.generic(text(i)));
      return 1;
    }
    if (len >= 6 && len <= 8 && context(i, 3, "urn", "ukprn", "laestab")) {
      sink.hit(IdentifierKind.SCHOOL_ID, Mask.generic(text(i)));
      return 1;
    }
    if (len <= 4) {
      int date = dateTokens(i);
      if (date > 0 && context(i, 4, "born", "dob", "birth", "died", "death", "deceased")) {
        sink.hit(IdentifierKind.DATE_OF_BIRTH, "date (masked)");
        return date;
      }
      int street = street(i);
      if (street > 0) {
        sink.hit(IdentifierKind.STREET_ADDRESS, Mask.text(s.substring(starts[i], ends[i + street - 1])));
        return street;
      }
    }
    return 1;
  }

  /** Digit groups from token i joined while separated by a space, hyphen or bracket: a GB number if valid. */
  private int phone(int i, boolean plus44) {
    StringBuilder b = new StringBuilder(14);
    int k = i;
    int used = 0;
    int result = 0;
    while (k < count && allDigits(k) && b.length() + len(k) <= 13 && (k == i || phoneGap(k))) {
      b.append(s, starts[k], ends[k]);
      k++;
      int n = b.length();
      if (plus44 ? n == 12 : n == 10 || n == 11) {
        used = k - i;
        result = n;
      }
    }
    if (used == 0) return 0;
    String number = (plus44 ? "+" : "") + b.substring(0, result);
    try {
      if (PHONES.isValidNumber(PHONES.parse(number, "GB"))) {
        sink.hit(IdentifierKind.PHONE_NUMBER, Mask.phone(number));
        return used;
      }
    } catch (NumberParseException e) {
      return 0;
    }
    return 0;
  }

  private boolean phoneGap(int k) {
    int gap = starts[k] - ends[k - 1];
    if (gap < 1 || gap > 2) return false;
    for (int p = ends[k - 1]; p < starts[k]; p++) {
      char c = s.charAt(p);
      if (c != ' ' && c != '-' && c != ')') return false;
    }
    return true;
  }

  /** A date at token i: 12/03/1985, 1985-03-12 or 12 March 1985; returns the tokens used or 0. */
  private int dateTokens(int i) {
    if (i + 2 >= count) return 0;
    int a = len(i);
    if (allDigits(i + 1) && allDigits(i + 2) && dateGap(i + 1) && dateGap(i + 2)) {
      int b = len(i + 1);
      int c = len(i + 2);
      if (a <= 2 && b <= 2 && (c == 2 || c == 4) || a == 4 && b == 2 && c == 2) return 3;
    }
    if (a <= 2 && allDigits(i + 2) && len(i + 2) == 4 && len(i + 1) >= 3) {
      String month = text(i + 1).toLowerCase(Locale.ROOT);
      for (String m : MONTHS) {
        if (month.startsWith(m)) return 3;
      }
    }
    return 0;
  }

  private boolean dateGap(int k) {
    if (starts[k] - ends[k - 1] != 1) return false;
    char c = s.charAt(ends[k - 1]);
    return c == '/' || c == '-' || c == '.';
  }

  /** "12 High Street": a house number, one to three capitalised words, the last a street suffix. */
  private int street(int i) {
    for (int k = i + 1; k < count && k <= i + 3; k++) {
      if (starts[k] - ends[k - 1] != 1 || s.charAt(ends[k - 1]) != ' ') return 0;
      char first = s.charAt(starts[k]);
      if (first < 'A' || first > 'Z' || !allLetters(k)) return 0;
      if (k > i + 1 && isStreetSuffix(k)) return k - i + 1;
    }
    return 0;
  }

  private boolean isStreetSuffix(int k) {
    int len = len(k);
    for (String suffix : STREET_SUFFIXES) {
      if (suffix.length() == len && s.startsWith(suffix, starts[k])) return true;
    }
    return false;
  }

  /** Latitude and longitude with at least three decimals, in the ranges that cover the UK. */
  private int decimal(int i) {
    if (i + 1 >= count || decimals(i) < 3 || decimals(i + 1) < 3) return 1;
    int gap = starts[i + 1] - ends[i];
    if (gap < 1 || gap > 3) return 1;
    for (int p = ends[i]; p < starts[i + 1]; p++) {
      char c = s.charAt(p);
      if (c != ' ' && c != ',' && c != '-') return 1;
    }
    double a = signed(i);
    double b = signed(i + 1);
    if (lat(a) && lon(b) || lon(a) && lat(b)) {
      sink.hit(IdentifierKind.LAT_LONG, "coordinates (masked)");
      return 2;
    }
    return 1;
  }

  static boolean lat(double v) {
    return v >= 49.8 && v <= 61.0;
  }

  static boolean lon(double v) {
    return v >= -8.7 && v <= 1.8;
  }

  private double signed(int k) {
    double v = Double.parseDouble(text(k));
    return starts[k] > 0 && s.charAt(starts[k] - 1) == '-' ? -v : v;
  }

  /** Digits after the decimal point of a plain decimal token, or 0 when it is not one. */
  private int decimals(int k) {
    int dot = -1;
    for (int p = starts[k]; p < ends[k]; p++) {
      char c = s.charAt(p);
      if (c == '.') {
        if (dot >= 0) return 0;
        dot = p;
      } else if (c < '0' || c > '9') {
        return 0;
      }
    }
    return dot < 0 ? 0 : ends[k] - dot - 1;
  }

  private int upperAlnum(int i, int len) {
    String t = text(i);
    if (len >= 5 && len <= 7 && CheckDigits.postcode(t)) {
      sink.hit(IdentifierKind.POSTCODE, Mask.postcode(t));
      return 1;
    }
    if (len >= 2 && len <= 4 && i + 1 < count && len(i + 1) == 3 && single(i + 1, ' ')
        && CheckDigits.outwardCode(t, 0, len) && CheckDigits.inwardCode(s, starts[i + 1], ends[i + 1])) {
      sink.hit(IdentifierKind.POSTCODE, Mask.postcode(t + " " + text(i + 1)));
      return 2;
    }
    if (len == 9 && CheckDigits.ni(t, true)) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(t));
      return 1;
    }
    if (len == 8 && i + 1 < count && len(i + 1) == 1 && single(i + 1, ' ') && CheckDigits.ni(t + text(i + 1), true)) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(t + text(i + 1)));
      return 2;
    }
    if (len == 8 && CheckDigits.ni(t, false) && context(i, 4, "ni", "nino", "insurance")) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(t));
      return 1;
    }
    // before grid references: SC123456 is both, and the context word decides
    if (len == 8 && CheckDigits.companyNumber(t) && context(i, 5, "company", "companies", "crn", "registration")) {
      sink.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(t));
      return 1;
    }
    if (CheckDigits.gridReference(t)) {
      sink.hit(IdentifierKind.GRID_REFERENCE, t.substring(0, 2) + " *** ***");
      return 1;
    }
    if (len == 11 && t.startsWith("GB") && CheckDigits.vat(t.substring(2))) {
      sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(t));
      return 1;
    }
    if (len == 13 && CheckDigits.upn(t)) {
      sink.hit(IdentifierKind.PUPIL_NUMBER, Mask.generic(t));
      return 1;
    }
    return 1;
  }

  /** Two capitals followed by digit groups: a spaced NI number, grid reference or VAT number. */
  private int letterPair(int i) {
    StringBuilder b = new StringBuilder(13).append(s, starts[i], ends[i]);
    int k = i + 1;
    while (k < count && k <= i + 4 && single(k, ' ') && b.length() < 13) {
      b.append(s, starts[k], ends[k]);
      k++;
      String c = b.toString();
      if (c.length() == 9 && CheckDigits.ni(c, true)) {
        sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(c));
        return k - i;
      }
      if (c.startsWith("GB") && c.length() == 11 && CheckDigits.vat(c.substring(2))) {
        sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(c));
        return k - i;
      }
    }
    if (i + 2 < count && CheckDigits.gridSquare(text(i)) && allDigits(i + 1) && allDigits(i + 2)
        && len(i + 1) == len(i + 2) && len(i + 1) >= 3 && len(i + 1) <= 5 && single(i + 1, ' ') && single(i + 2, ' ')) {
      sink.hit(IdentifierKind.GRID_REFERENCE, text(i) + " *** ***");
      return 3;
    }
    return 1;
  }

  /** Whether one of the words (lower case) starts a token among the {@code window} tokens before i, or the hint. */
  private boolean context(int i, int window, String... words) {
    if (hint != null) {
      for (String w : words) {
        if (ColumnNames.hasWordStart(hint, w)) return true;
      }
    }
    for (int k = i - 1; k >= 0 && k >= i - window; k--) {
      for (String w : words) {
        if (len(k) >= w.length() && s.regionMatches(true, starts[k], w, 0, w.length())
            && (w.length() > 3 || len(k) <= w.length() + 2)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean separator(int k) {
    return single(k, ' ') || single(k, '-');
  }

  private boolean single(int k, char c) {
    return starts[k] - ends[k - 1] == 1 && s.charAt(ends[k - 1]) == c;
  }

  private int len(int k) {
    return ends[k] - starts[k];
  }

  private String text(int k) {
    return s.substring(starts[k], ends[k]);
  }

  private boolean allDigits(int k) {
    return CheckDigits.allDigits(s, starts[k], ends[k]);
  }

  private boolean allLetters(int k) {
    for (int p = starts[k]; p < ends[k]; p++) {
      char c = s.charAt(p);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
    }
    return true;
  }

  private boolean digitAt(int p) {
    return p >= 0 && p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9';
  }

  private static boolean alnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
        || c > 127 && Character.isLetterOrDigit(c);
  }
}
