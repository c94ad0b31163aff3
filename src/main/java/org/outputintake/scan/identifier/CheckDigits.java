package org.outputintake.scan.identifier;

import java.util.Set;

/**
 * Format and check-digit rules of UK identifiers. All methods take the compact form (no spaces).
 */
public final class CheckDigits {
  private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
  private static final Set<String> NI_INVALID_PREFIXES =
      Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  /** The 100 km squares of the Ordnance Survey National Grid. */
  private static final Set<String> GRID_SQUARES =
      Set.of(
          "HL", "HM", "HN", "HO", "HP", "JL", "JM", "HQ", "HR", "HS", "HT", "HU", "JQ", "JR", "HV",
          "HW", "HX", "HY", "HZ", "JV", "JW", "NA", "NB", "NC", "ND", "NE", "OA", "OB", "NF", "NG",
          "NH", "NJ", "NK", "OF", "OG", "NL", "NM", "NN", "NO", "NP", "OL", "OM", "NQ", "NR", "NS",
          "NT", "NU", "OQ", "OR", "NV", "NW", "NX", "NY", "NZ", "OV", "OW", "SA", "SB", "SC", "SD",
          "SE", "TA", "TB", "SF", "SG", "SH", "SJ", "SK", "TF", "TG", "SL", "SM", "SN", "SO", "SP",
          "TL", "TM", "SQ", "SR", "SS", "ST", "SU", "TQ", "TR", "SV", "SW", "SX", "SY", "SZ", "TV",
          "TW");

  /**
   * Companies House prefixes: Scotland, Northern Ireland, LLPs, limited partnerships, overseas, and
   * others.
   */
  private static final Set<String> CRN_PREFIXES =
      Set.of(
          "SC", "NI", "OC", "SO", "NC", "R0", "LP", "SL", "NL", "FC", "SF", "NF", "GE", "IP", "SP",
          "RC", "SR", "NP", "NO", "NR", "NZ", "SE", "ES", "SA", "ZC", "IC", "SI", "NA", "CE", "CS",
          "PC", "GS", "SG", "RS");

  /** The postcode areas in use (Royal Mail), plus BF (British Forces) and BX (non-geographic). */
  private static final Set<String> POSTCODE_AREAS =
      Set.of(
          "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA",
          "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
          "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA",
          "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW",
          "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE",
          "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH",
          "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW",
          "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF",
          "WN", "WR", "WS", "WV", "YO", "ZE");

  /**
   * Local-authority numbers that begin a Unique Pupil Number (DfE, "New local authority codes",
   * January 2011): ranges of the published list, so a UPN-shaped string with an LA number no
   * authority has is not a pupil.
   */
  private static final int[][] UPN_LA_RANGES = {
    {201, 213},
    {301, 320},
    {330, 336},
    {340, 344},
    {350, 359},
    {370, 373},
    {380, 384},
    {390, 394},
    {420, 420},
    {800, 896},
    {908, 909},
    {916, 916},
    {919, 919},
    {921, 921},
    {925, 926},
    {928, 929},
    {931, 931},
    {933, 933},
    {935, 938}
  };

  /** Numbers inside 800-896 that no authority has. */
  private static final Set<Integer> UPN_LA_GAPS =
      Set.of(
          804, 809, 814, 817, 818, 819, 820, 824, 827, 828, 829, 832, 833, 834, 838, 839, 842, 843,
          844, 847, 848, 849, 853, 854, 858, 859, 862, 863, 864, 875);

  private CheckDigits() {}

  /**
   * A VAT number without its country prefix: nine digits, or twelve with a branch; the check on the
   * first nine.
   */
  public static boolean vatWithBranch(CharSequence s) {
    if (s.length() == 9) return vat(s);
    return s.length() == 12 && allDigits(s, 9, 12) && vat(s.subSequence(0, 9));
  }

  /**
   * The short VAT numbers of government departments (GD000-GD499) and health authorities
   * (HA500-HA999).
   */
  public static boolean vatGovernment(CharSequence s) {
    if (s.length() != 5 || !allDigits(s, 2, 5)) return false;
    int n = Integer.parseInt(s.subSequence(2, 5).toString());
    return s.charAt(0) == 'G' && s.charAt(1) == 'D' && n < 500
        || s.charAt(0) == 'H' && s.charAt(1) == 'A' && n >= 500;
  }

  /**
   * A GB driving licence number (DVLA, 16 characters): five of the surname (padded with 9), the
   * decade digit, the month of birth (plus 50 for women), the day, the year digit, two initials (9
   * for none), a digit and two check letters. The date must exist.
   */
  public static boolean drivingLicence(CharSequence s) {
    if (s.length() != 16 || !upper(s.charAt(0))) return false;
    boolean padding = false;
    for (int i = 1; i < 5; i++) {
      char c = s.charAt(i);
      if (c == '9') padding = true;
      else if (!upper(c) || padding) return false;
    }
    if (!allDigits(s, 5, 11)) return false;
    int month = (s.charAt(6) - '0') * 10 + (s.charAt(7) - '0');
    int day = (s.charAt(8) - '0') * 10 + (s.charAt(9) - '0');
    if (month > 50) month -= 50;
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    char a = s.charAt(11);
    char b = s.charAt(12);
    if (!upper(a) || !(upper(b) || b == '9')) return false;
    return digit(s.charAt(13)) && upper(s.charAt(14)) && upper(s.charAt(15));
  }

  /**
   * A current-format (2001 on) vehicle registration mark, compact: two letters of the area (not I,
   * Q or Z first, not I or Q second), the age identifier (01-29 for March, 51-79 for September) and
   * three letters without I or Q.
   */
  public static boolean vehicleRegistration(CharSequence s) {
    if (s.length() != 7 || !allDigits(s, 2, 4)) return false;
    char a = s.charAt(0);
    char b = s.charAt(1);
    if (!upper(a) || !upper(b) || "IQZ".indexOf(a) >= 0 || "IQ".indexOf(b) >= 0) return false;
    int age = (s.charAt(2) - '0') * 10 + (s.charAt(3) - '0');
    if (!(age >= 1 && age <= 29 || age >= 51 && age <= 79)) return false;
    for (int i = 4; i < 7; i++) {
      char c = s.charAt(i);
      if (!upper(c) || c == 'I' || c == 'Q') return false;
    }
    return true;
  }

  /**
   * The prefixes most company numbers carry (Scotland, Northern Ireland, LLPs, partnerships,
   * overseas).
   */
  private static final Set<String> COMMON_CRN_PREFIXES =
      Set.of("SC", "NI", "OC", "SO", "NC", "LP", "SL", "NL", "FC", "SF", "NF");

  /**
   * A company number with one of the common letter prefixes ({@code SC123456}), recognisable
   * without context.
   */
  public static boolean commonCompanyPrefix(CharSequence s) {
    return s.length() == 8
        && COMMON_CRN_PREFIXES.contains(s.subSequence(0, 2).toString())
        && allDigits(s, 2, 8);
  }

  /**
   * Prefix-system mark, compact: a year letter (not I, O, Q, U, Z), one to three digits, three
   * letters.
   */
  public static boolean vehiclePrefixMark(CharSequence s) {
    int n = s.length();
    if (n < 5 || n > 7 || !yearLetter(s.charAt(0)) || !allDigits(s, 1, n - 3)) return false;
    return upper(s.charAt(n - 3)) && upper(s.charAt(n - 2)) && upper(s.charAt(n - 1));
  }

  /**
   * Suffix-system mark, compact: three letters, one to three digits, a year letter (not I, O, Q, U,
   * Z).
   */
  public static boolean vehicleSuffixMark(CharSequence s) {
    int n = s.length();
    if (n < 5 || n > 7 || !yearLetter(s.charAt(n - 1)) || !allDigits(s, 3, n - 1)) return false;
    return upper(s.charAt(0)) && upper(s.charAt(1)) && upper(s.charAt(2));
  }

  private static boolean yearLetter(char c) {
    return upper(c) && "IOQUZ".indexOf(c) < 0;
  }

  /**
   * A passport number of the shapes HM Passport Office has issued: nine digits, or one or two
   * letters then digits.
   */
  public static boolean passport(CharSequence s) {
    if (s.length() != 9) return false;
    int letters = 0;
    while (letters < 2 && upper(s.charAt(letters))) letters++;
    return allDigits(s, letters, 9);
  }

  private static boolean knownLocalAuthority(int la) {
    if (UPN_LA_GAPS.contains(la)) return false;
    for (int[] r : UPN_LA_RANGES) {
      if (la >= r[0] && la <= r[1]) return true;
    }
    return false;
  }

  /**
   * NHS number: ten digits, modulus 11 with weights 10..2 on the first nine; not all one digit, nor
   * a run of digits ({@code 0123456789}, a placeholder that happens to pass).
   */
  public static boolean nhs(CharSequence s) {
    if (s.length() != 10 || !allDigits(s, 0, 10) || run(s)) return false;
    boolean same = true;
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (s.charAt(i) - '0') * (10 - i);
      same &= s.charAt(i) == s.charAt(0);
    }
    if (same && s.charAt(9) == s.charAt(0)) return false;
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == s.charAt(9) - '0';
  }

  /**
   * HMRC's Unique Taxpayer Reference: ten digits whose first is the check digit of the other nine
   * (weights 6, 7, 8, 9, 10, 5, 4, 3, 2, modulus 11, as python-stdnum's {@code gb.utr} computes
   * it).
   */
  public static boolean utr(CharSequence s) {
    if (s.length() != 10 || !allDigits(s, 0, 10)) return false;
    int[] weights = {6, 7, 8, 9, 10, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += (s.charAt(i + 1) - '0') * weights[i];
    return "21987654321".charAt(sum % 11) == s.charAt(0);
  }

  /** Whether every digit is one more, or every digit one less, than the one before (mod 10). */
  private static boolean run(CharSequence s) {
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < s.length(); i++) {
      int step = (s.charAt(i) - s.charAt(i - 1) + 10) % 10;
      up &= step == 1;
      down &= step == 9;
    }
    return up || down;
  }

  /**
   * National Insurance number: HMRC prefix rules, six digits, suffix A-D; {@code
   * requireSuffix=false} allows 8 chars.
   */
  public static boolean ni(CharSequence s, boolean requireSuffix) {
    int len = s.length();
    if (len != 9 && (requireSuffix || len != 8)) return false;
    char a = s.charAt(0);
    char b = s.charAt(1);
    if (!upper(a) || !upper(b)) return false;
    if ("DFIQUV".indexOf(a) >= 0 || "DFIOQUV".indexOf(b) >= 0) return false;
    if (NI_INVALID_PREFIXES.contains("" + a + b)) return false;
    if (!allDigits(s, 2, 8)) return false;
    return len == 8 || "ABCD".indexOf(s.charAt(8)) >= 0;
  }

  /** UK VAT number (the nine digits after GB): modulus 97, or the 9755 scheme used since 2010. */
  public static boolean vat(CharSequence s) {
    if (s.length() != 9 || !allDigits(s, 0, 9)) return false;
    int sum = 0;
    for (int i = 0; i < 7; i++) sum += (s.charAt(i) - '0') * (8 - i);
    sum += (s.charAt(7) - '0') * 10 + (s.charAt(8) - '0');
    return sum % 97 == 0 || (sum + 55) % 97 == 0;
  }

  /**
   * Unique Pupil Number (DfE): a check letter, then 12 characters (the last may be a letter for a
   * temporary UPN); the check letter is the sum of character values times their position (2..13)
   * modulo 23.
   */
  public static boolean upn(CharSequence s) {
    if (s.length() != 13 || UPN_LETTERS.indexOf(s.charAt(0)) < 0 || !allDigits(s, 1, 12))
      return false;
    if (!knownLocalAuthority(Integer.parseInt(s.subSequence(1, 4).toString()))) return false;
    int sum = 0;
    for (int i = 1; i < 13; i++) {
      char c = s.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (i == 12 && UPN_LETTERS.indexOf(c) >= 0) {
        v = UPN_LETTERS.indexOf(c);
      } else {
        return false;
      }
      sum += v * (i + 1);
    }
    return UPN_LETTERS.charAt(sum % 23) == s.charAt(0);
  }

  /**
   * A valid 100 km square followed by an even number (6 to 10) of digits: 100 m precision or finer.
   */
  public static boolean gridReference(CharSequence s) {
    int len = s.length();
    if (len < 8 || len > 12 || len % 2 != 0) return false;
    return GRID_SQUARES.contains(s.subSequence(0, 2).toString()) && allDigits(s, 2, len);
  }

  public static boolean gridSquare(CharSequence s) {
    return s.length() == 2 && GRID_SQUARES.contains(s.toString());
  }

  /** Company Registration Number: eight digits, or a known two-character prefix and six digits. */
  public static boolean companyNumber(CharSequence s) {
    if (s.length() != 8) return false;
    if (allDigits(s, 0, 8)) return true;
    return CRN_PREFIXES.contains(s.subSequence(0, 2).toString()) && allDigits(s, 2, 8);
  }

  /** Full unit postcode in compact form (outward code + inward code, no space), upper case. */
  public static boolean postcode(CharSequence s) {
    int len = s.length();
    if (len < 5 || len > 7) return false;
    return outwardCode(s, 0, len - 3) && inwardCode(s, len - 3, len);
  }

  /** Outward code: A9, A99, AA9, AA99, A9A or AA9A, in one of the postcode areas in use. */
  public static boolean outwardCode(CharSequence s, int from, int to) {
    int len = to - from;
    if (len < 2 || len > 4 || !upper(s.charAt(from))) return false;
    int i = from + 1;
    if (upper(s.charAt(i))) i++;
    if (!POSTCODE_AREAS.contains(s.subSequence(from, i).toString())) return false;
    if (i >= to || !digit(s.charAt(i))) return false;
    i++;
    if (i == to) return true;
    char c = s.charAt(i);
    return i + 1 == to && (digit(c) || upper(c));
  }

  /** Inward code: a digit and two letters other than C, I, K, M, O, V. */
  public static boolean inwardCode(CharSequence s, int from, int to) {
    return to - from == 3
        && digit(s.charAt(from))
        && inwardLetter(s.charAt(from + 1))
        && inwardLetter(s.charAt(from + 2));
  }

  private static boolean inwardLetter(char c) {
    return upper(c) && "CIKMOV".indexOf(c) < 0;
  }

  static boolean allDigits(CharSequence s, int from, int to) {
    if (to > s.length() || from >= to) return false;
    for (int i = from; i < to; i++) {
      if (!digit(s.charAt(i))) return false;
    }
    return true;
  }

  static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
