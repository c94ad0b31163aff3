package org.outputintake.scan.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.validator.routines.EmailValidator;
import org.outputintake.scan.Finding;

/**
 * Finds identifiers in free text. The line is cut into tokens once (letters, digits, decimal
 * points) and each rule looks only at tokens of its shape, so no regular expression runs per line
 * and a line without a digit or an '@' costs one pass. A bare number is an identifier only with its
 * check digit and, where the check digit alone is weak (NHS: 1 in 11 random numbers pass), a
 * context word or a telling layout. Not thread-safe: one instance per scanning thread.
 */
public final class IdentifierFinder {
  /** Receives each identifier found, already masked. */
  public interface Sink {
    void hit(IdentifierKind kind, String masked);
  }

  private static final EmailValidator EMAIL = EmailValidator.getInstance();
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String[] STREET_SUFFIXES = {
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Lane",
    "Close",
    "Drive",
    "Way",
    "Crescent",
    "Place",
    "Grove",
    "Gardens",
    "Court",
    "Terrace",
    "Hill",
    "Square",
    "Mews",
    "Row",
    "Walk",
    "Parade",
    "Green",
    "Rise",
    "View",
    "Gate",
    "Park"
  };
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  private static final int MAX_LINE = 1 << 20;

  private final Tokens t = new Tokens();
  private final CellMemory cells = new CellMemory(this);
  private final Map<String, Boolean> validEmails = new HashMap<>();
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
      scanLine(
          text.substring(from, to), null, (kind, masked) -> out.add(finding(kind, where, masked)));
      if (nl < 0) break;
      from = nl + 1;
    }
    return out;
  }

  /** The finding for one identifier found at a place. */
  public static Finding finding(IdentifierKind kind, String location, String masked) {
    String article =
        "AEIOU".indexOf(Character.toUpperCase(kind.label().charAt(0))) >= 0 ? "an " : "a ";
    return new Finding(
        kind.name(),
        kind.severity(),
        location,
        "This looks like " + article + kind.label() + ". " + kind.advice(),
        masked);
  }

  /**
   * Scans one table cell; the same as {@link #scanLine} but remembering each distinct value's hits
   * per column ({@link CellMemory}).
   */
  public void scanCell(String cell, String hint, Sink sink) {
    cells.scan(cell, hint, sink);
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
    t.s = line;
    t.hint = hint;
    this.sink = sink;
    if (at) emails();
    if (digit) {
      t.tokenize();
      for (int i = 0; i < t.count; ) {
        i += Math.max(1, token(i));
      }
    }
    t.s = null;
    this.sink = null;
  }

  private void emails() {
    String s = t.s;
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      int a = at;
      while (a > 0 && emailChar(s.charAt(a - 1), true)) a--;
      int b = at + 1;
      while (b < s.length() && emailChar(s.charAt(b), false)) b++;
      while (b > at + 1 && s.charAt(b - 1) == '.') b--;
      if (a < at && b > at + 3) {
        String candidate = s.substring(a, b);
        if (validEmail(candidate)) sink.hit(IdentifierKind.EMAIL_ADDRESS, Mask.email(candidate));
      }
    }
  }

  /**
   * Commons Validator's check runs several regular expressions; the same address tends to recur in
   * a file.
   */
  private boolean validEmail(String candidate) {
    Boolean known = validEmails.get(candidate);
    if (known != null) return known;
    boolean valid = EMAIL.isValid(candidate);
    if (validEmails.size() < 1024) validEmails.put(candidate, valid);
    return valid;
  }

  private static boolean emailChar(char c, boolean local) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '.'
        || c == '-'
        || local && (c == '_' || c == '+' || c == '%' || c == '\'');
  }

  /** Looks at token i; returns how many tokens it consumed. */
  private int token(int i) {
    int st = t.starts[i];
    int len = t.ends[i] - st;
    int digits = 0;
    int uppers = 0;
    int lowers = 0;
    int dots = 0;
    for (int k = st; k < t.ends[i]; k++) {
      char c = t.s.charAt(k);
      if (c >= '0' && c <= '9') digits++;
      else if (c >= 'A' && c <= 'Z') uppers++;
      else if (c >= 'a' && c <= 'z') lowers++;
      else if (c == '.') dots++;
    }
    if (digits == len) return digitsToken(i, len);
    if (dots == 1 && digits == len - 1) return decimal(i);
    // identifiers are written in any case (ab123456c, sw1a 1aa): judged in capitals
    if (digits > 0 && uppers + lowers + digits == len && len <= 16)
      return upperAlnum(i, len, lowers > 0);
    if (digits == 0 && uppers + lowers == 2 && len == 2) return letterPair(i, lowers > 0);
    if (len == 3 && digits == 0 && t.s.regionMatches(true, st, "GIR", 0, 3))
      return upperAlnum(i, len, lowers > 0);
    return 1;
  }

  private int digitsToken(int i, int len) {
    if (len == 3
        && i + 2 < t.count
        && t.len(i + 1) == 3
        && t.len(i + 2) == 4
        && t.allDigits(i + 1)
        && t.allDigits(i + 2)
        && t.separator(i + 1)
        && t.separator(i + 2)) {
      String nhs = t.text(i) + t.text(i + 1) + t.text(i + 2);
      if (CheckDigits.nhs(nhs)) {
        sink.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(nhs));
        return 3;
      }
    }
    boolean plus = t.starts[i] > 0 && t.s.charAt(t.starts[i] - 1) == '+';
    boolean plus44 = len == 2 && t.s.startsWith("44", t.starts[i]) && plus;
    if (t.s.charAt(t.starts[i]) == '0' || plus44) {
      int used = phone(i, plus44);
      if (used > 0) return used;
    }
    if (len == 12 && t.s.startsWith("44", t.starts[i]) && validPhone("+" + t.text(i))) {
      // +447700900123 written compact, or without its plus
      sink.hit(IdentifierKind.PHONE_NUMBER, Mask.phone("+" + t.text(i)));
      return 1;
    }
    int vat = vatDigits(i, len);
    if (vat > 0) return vat;
    if (len == 10 && t.context(i, 6, "nhs") && CheckDigits.nhs(t.text(i))) {
      sink.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(t.text(i)));
      return 1;
    }
    if (len == 9 && t.context(i, 6, "passport")) {
      sink.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if (len <= 12 && t.context(i, 3, "uprn")) {
      sink.hit(IdentifierKind.UPRN, Mask.generic(t.text(i)));
      return 1;
    }
    if (len == 8
        && t.context(
            i,
            5,
            "company",
            "companies",
            "crn",
            "registration",
            "registered",
            "ltd",
            "limited",
            "plc",
            "llp")) {
      sink.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if ((len == 10 || len == 11) && t.context(i, 3, "ruref", "entref", "luref")) {
      sink.hit(IdentifierKind.BUSINESS_REFERENCE, Mask.generic(t.text(i)));
      return 1;
    }
    if (len >= 6 && len <= 8 && t.context(i, 3, "urn", "ukprn", "laestab")) {
      sink.hit(IdentifierKind.SCHOOL_ID, Mask.generic(t.text(i)));
      return 1;
    }
    if (len <= 4) {
      int date = dateTokens(i);
      if (date > 0 && t.context(i, 4, "born", "dob", "birth", "died", "death", "deceased")) {
        sink.hit(IdentifierKind.DATE_OF_BIRTH, "date (masked)");
        return date;
      }
      int street = street(i);
      if (street > 0) {
        sink.hit(
            IdentifierKind.STREET_ADDRESS,
            Mask.text(t.s.substring(t.starts[i], t.ends[i + street - 1])));
        return street;
      }
    }
    return 1;
  }

  /**
   * A VAT number without its prefix (980780684, 980 7806 84, with a branch) beside the word VAT.
   */
  private int vatDigits(int i, int len) {
    if (len != 9 && len != 12 && len != 3) return 0;
    if (!t.context(i, 6, "vat")) return 0;
    if (len != 3) {
      if (!CheckDigits.vatWithBranch(t.text(i))) return 0;
      sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    StringBuilder b = new StringBuilder(12).append(t.text(i));
    int k = i + 1;
    while (k < t.count && k <= i + 3 && t.allDigits(k) && t.single(k, ' ') && b.length() < 12) {
      b.append(t.text(k));
      k++;
      if ((b.length() == 9 || b.length() == 12)
          && CheckDigits.vatWithBranch(b)
          && (k >= t.count || !t.allDigits(k) || !t.single(k, ' ') || b.length() == 12)) {
        sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(b.toString()));
        return k - i;
      }
    }
    return 0;
  }

  /**
   * A valid GB number, or one of the mobile numbers Ofcom keeps for drama (07700 900000-900999),
   * which libphonenumber rejects but researchers copy from examples.
   */
  static boolean validPhone(String number) {
    String digits = number.startsWith("+44") ? "0" + number.substring(3) : number;
    if (digits.length() == 11 && digits.startsWith("07700900")) return true;
    try {
      return PHONES.isValidNumber(PHONES.parse(number, "GB"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /**
   * Digit groups from token i joined while separated by a space, hyphen or bracket: a GB number if
   * valid.
   */
  private int phone(int i, boolean plus44) {
    StringBuilder b = new StringBuilder(14);
    int k = i;
    int used = 0;
    int result = 0;
    while (k < t.count
        && t.allDigits(k)
        && b.length() + t.len(k) <= 13
        && (k == i || phoneGap(k))) {
      if (plus44
          && k == i + 1
          && t.len(k) == 1
          && t.s.charAt(t.starts[k]) == '0'
          && t.starts[k] > 0
          && t.s.charAt(t.starts[k] - 1) == '(') {
        k++; // +44 (0)20 ...: the trunk zero in brackets is not dialled
        continue;
      }
      b.append(t.s, t.starts[k], t.ends[k]);
      k++;
      int n = b.length();
      if (plus44 ? n == 12 : n == 10 || n == 11) {
        used = k - i;
        result = n;
      }
    }
    if (used == 0) return 0;
    String number = (plus44 ? "+" : "") + b.substring(0, result);
    if (validPhone(number)) {
      sink.hit(IdentifierKind.PHONE_NUMBER, Mask.phone(number));
      return used;
    }
    return 0;
  }

  private boolean phoneGap(int k) {
    int gap = t.starts[k] - t.ends[k - 1];
    if (gap < 1 || gap > 3) return false;
    for (int p = t.ends[k - 1]; p < t.starts[k]; p++) {
      char c = t.s.charAt(p);
      if (c != ' ' && c != '-' && c != ')' && c != '(') return false;
    }
    return true;
  }

  /** A date at token i: 12/03/1985, 1985-03-12 or 12 March 1985; returns the tokens used or 0. */
  private int dateTokens(int i) {
    if (i + 2 >= t.count) return 0;
    int a = t.len(i);
    if (t.allDigits(i + 1) && t.allDigits(i + 2) && dateGap(i + 1) && dateGap(i + 2)) {
      int b = t.len(i + 1);
      int c = t.len(i + 2);
      if (a <= 2 && b <= 2 && (c == 2 || c == 4) || a == 4 && b == 2 && c == 2) return 3;
    }
    if (a <= 2 && t.allDigits(i + 2) && t.len(i + 2) == 4 && t.len(i + 1) >= 3) {
      String month = t.text(i + 1).toLowerCase(Locale.ROOT);
      for (String m : MONTHS) {
        if (month.startsWith(m)) return 3;
      }
    }
    return 0;
  }

  private boolean dateGap(int k) {
    if (t.starts[k] - t.ends[k - 1] != 1) return false;
    char c = t.s.charAt(t.ends[k - 1]);
    return c == '/' || c == '-' || c == '.';
  }

  /** "12 High Street": a house number, one to three capitalised words, the last a street suffix. */
  private int street(int i) {
    for (int k = i + 1; k < t.count && k <= i + 3; k++) {
      if (t.starts[k] - t.ends[k - 1] != 1 || t.s.charAt(t.ends[k - 1]) != ' ') return 0;
      char first = t.s.charAt(t.starts[k]);
      if (first < 'A' || first > 'Z' || !t.allLetters(k)) return 0;
      if (k > i + 1 && isStreetSuffix(k)) return k - i + 1;
    }
    return 0;
  }

  private boolean isStreetSuffix(int k) {
    int len = t.len(k);
    for (String suffix : STREET_SUFFIXES) {
      if (suffix.length() == len && t.s.startsWith(suffix, t.starts[k])) return true;
    }
    return false;
  }

  /** Latitude and longitude with at least three decimals, in the ranges that cover the UK. */
  private int decimal(int i) {
    if (i + 1 >= t.count || decimals(i) < 3 || decimals(i + 1) < 3) return 1;
    int gap = t.starts[i + 1] - t.ends[i];
    if (gap < 1 || gap > 3) return 1;
    for (int p = t.ends[i]; p < t.starts[i + 1]; p++) {
      char c = t.s.charAt(p);
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
    double v = Double.parseDouble(t.text(k));
    return t.starts[k] > 0 && t.s.charAt(t.starts[k] - 1) == '-' ? -v : v;
  }

  /** Digits after the decimal point of a plain decimal token, or 0 when it is not one. */
  private int decimals(int k) {
    int dot = -1;
    for (int p = t.starts[k]; p < t.ends[k]; p++) {
      char c = t.s.charAt(p);
      if (c == '.') {
        if (dot >= 0) return 0;
        dot = p;
      } else if (c < '0' || c > '9') {
        return 0;
      }
    }
    return dot < 0 ? 0 : t.ends[k] - dot - 1;
  }

  private int upperAlnum(int i, int len, boolean lower) {
    String word = lower ? t.text(i).toUpperCase(Locale.ROOT) : t.text(i);
    if (len == 16) {
      if (CheckDigits.drivingLicence(word)) {
        sink.hit(IdentifierKind.DRIVING_LICENCE_NUMBER, Mask.generic(word));
      }
      return 1;
    }
    if (len > 13) return 1;
    if (len >= 5 && len <= 7 && (CheckDigits.postcode(word) || word.equals("GIR0AA"))) {
      sink.hit(IdentifierKind.POSTCODE, Mask.postcode(word));
      return 1;
    }
    if (len == 7 && CheckDigits.vehicleRegistration(word)) {
      sink.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (len >= 2 && len <= 4 && i + 1 < t.count && t.len(i + 1) == 3) {
      String next = t.text(i + 1).toUpperCase(Locale.ROOT);
      if (t.single(i + 1, ' ')
          && (CheckDigits.outwardCode(word, 0, len) && CheckDigits.inwardCode(next, 0, 3)
              || word.equals("GIR") && next.equals("0AA"))) {
        sink.hit(IdentifierKind.POSTCODE, Mask.postcode(word + " " + next));
        return 2;
      }
      if (len == 4
          && (t.single(i + 1, ' ') || t.single(i + 1, '-'))
          && CheckDigits.vehicleRegistration(word + next)) {
        sink.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word + next));
        return 2;
      }
    }
    if (len == 9 && CheckDigits.ni(word, true)) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(word));
      return 1;
    }
    if (len == 8
        && i + 1 < t.count
        && t.len(i + 1) == 1
        && t.single(i + 1, ' ')
        && CheckDigits.ni(word + t.text(i + 1).toUpperCase(Locale.ROOT), true)) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(word + t.text(i + 1).toUpperCase(Locale.ROOT)));
      return 2;
    }
    if (len == 8 && CheckDigits.ni(word, false) && t.context(i, 4, "ni", "nino", "insurance")) {
      sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(word));
      return 1;
    }
    // before grid references: SC123456 is both, and the context word decides
    if (len == 8
        && CheckDigits.companyNumber(word)
        && t.context(
            i,
            5,
            "company",
            "companies",
            "crn",
            "registration",
            "registered",
            "ltd",
            "limited",
            "plc",
            "llp")) {
      sink.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 8
        && CheckDigits.commonCompanyPrefix(word)
        && !t.context(i, 5, "grid", "os", "ngr", "easting")) {
      // SC123456 written compact is a Scottish company; a grid reference is written with spaces or
      // beside "grid"
      sink.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(word));
      return 1;
    }
    int vehicle = oldVehicleMark(i, len, word);
    if (vehicle > 0) return vehicle;
    if (len == 9 && CheckDigits.passport(word) && t.context(i, 6, "passport")) {
      sink.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (CheckDigits.gridReference(word)) {
      sink.hit(IdentifierKind.GRID_REFERENCE, word.substring(0, 2) + " *** ***");
      return 1;
    }
    if ((len == 11 || len == 14)
        && (word.startsWith("GB") || word.startsWith("XI"))
        && CheckDigits.vatWithBranch(word.substring(2))) {
      sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 7
            && (word.startsWith("GB") || word.startsWith("XI"))
            && CheckDigits.vatGovernment(word.substring(2))
        || len == 5 && CheckDigits.vatGovernment(word) && t.context(i, 6, "vat")) {
      sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 13 && CheckDigits.upn(word)) {
      sink.hit(IdentifierKind.PUPIL_NUMBER, Mask.generic(word));
      return 1;
    }
    return 1;
  }

  /**
   * Registration marks of the prefix (A123 BCD, 1983-2001) and suffix (ABC 123D, 1963-1983)
   * systems: too like other codes to flag alone, so only beside words such as "vehicle",
   * "registration" or "reg".
   */
  private int oldVehicleMark(int i, int len, String word) {
    if (len > 7
        || !t.context(i, 4, "vehicle", "registration", "reg", "vrm", "plate", "numberplate", "car"))
      return 0;
    if (len <= 4
        && i + 1 < t.count
        && t.len(i + 1) == 3
        && t.allLetters(i + 1)
        && t.single(i + 1, ' ')
        && CheckDigits.vehiclePrefixMark(word + t.text(i + 1).toUpperCase(Locale.ROOT))) {
      sink.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 2;
    }
    if (len <= 4
        && i > 0
        && t.len(i - 1) == 3
        && t.allLetters(i - 1)
        && t.single(i, ' ')
        && CheckDigits.vehicleSuffixMark(t.text(i - 1).toUpperCase(Locale.ROOT) + word)) {
      sink.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (CheckDigits.vehiclePrefixMark(word) || CheckDigits.vehicleSuffixMark(word)) {
      sink.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    return 0;
  }

  /** Two letters followed by digit groups: a spaced NI number, grid reference or VAT number. */
  private int letterPair(int i, boolean lower) {
    // most two-letter words ("in", "of") are followed by no number at all
    if (i + 1 >= t.count || !Tokens.digitAt(t.s, t.starts[i + 1])) return 1;
    String pair = lower ? t.text(i).toUpperCase(Locale.ROOT) : t.text(i);
    if (t.len(i + 1) == 7
        && t.single(i + 1, ' ')
        && CheckDigits.allDigits(t.s, t.starts[i + 1], t.ends[i + 1] - 1)) {
      String ni = pair + t.text(i + 1).toUpperCase(Locale.ROOT); // PR 123612C
      if (CheckDigits.ni(ni, true)) {
        sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(ni));
        return 2;
      }
    }
    StringBuilder b = new StringBuilder(16).append(pair);
    int k = i + 1;
    while (k < t.count && k <= i + 5 && t.single(k, ' ') && b.length() < 14) {
      b.append(lower ? t.text(k).toUpperCase(Locale.ROOT) : t.text(k));
      k++;
      String c = b.toString();
      if (c.length() == 9 && CheckDigits.ni(c, true)) {
        sink.hit(IdentifierKind.NI_NUMBER, Mask.ni(c));
        return k - i;
      }
      boolean vatPrefix = c.startsWith("GB") || c.startsWith("XI");
      if (vatPrefix
          && (c.length() == 11 && !nextDigits(k) || c.length() == 14)
          && CheckDigits.vatWithBranch(c.substring(2))) {
        sink.hit(IdentifierKind.VAT_NUMBER, Mask.generic(c));
        return k - i;
      }
    }
    if (i + 2 < t.count
        && CheckDigits.gridSquare(pair)
        && t.allDigits(i + 1)
        && t.allDigits(i + 2)
        && t.len(i + 1) == t.len(i + 2)
        && t.len(i + 1) >= 3
        && t.len(i + 1) <= 5
        && t.single(i + 1, ' ')
        && t.single(i + 2, ' ')) {
      sink.hit(IdentifierKind.GRID_REFERENCE, pair + " *** ***");
      return 3;
    }
    return 1;
  }

  /**
   * Whether token k is another digit group of the same number (a VAT branch after the nine digits).
   */
  private boolean nextDigits(int k) {
    return k < t.count && t.allDigits(k) && t.len(k) == 3 && t.single(k, ' ');
  }
}
