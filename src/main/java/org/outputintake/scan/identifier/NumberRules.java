package org.outputintake.scan.identifier;

/**
 * Identifiers written as digits alone: NHS numbers, phone numbers, VAT numbers without their
 * prefix, and the numbers that mean something only beside their word (passport, UPRN, company,
 * RUREF, URN). A bare number is an identifier only with its check digit; an NHS number standing
 * alone in prose is reported although 1 random number in 11 passes, since a ten-digit code there is
 * worth an officer's look, while table columns are judged as a whole ({@link ColumnProfile}).
 * Alone, a number is taken as a VAT number when it passes HMRC's check (2 random numbers in 97 do,
 * so only a code, not an amount), and as a company number when it is the zero-led eight digits of
 * an English or Welsh company; a bare nine-digit passport number has no check digit and needs its
 * word.
 */
final class NumberRules {
  private static final String[] COMPANY_WORDS = {
    "company", "companies", "crn", "registration", "registered", "ltd", "limited", "plc", "llp"
  };

  private final Tokens t;
  private final PhoneNumbers phones;
  private final PlaceRules places;

  NumberRules(Tokens t) {
    this.t = t;
    this.phones = new PhoneNumbers(t);
    this.places = new PlaceRules(t);
  }

  /** Token i, all digits, of length len; returns how many tokens it consumed. */
  int digits(int i, int len) {
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
        t.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(nhs));
        return 3;
      }
    }
    if (len == 10 && t.context(i, 6, "utr", "taxpayer") && CheckDigits.utr(t.text(i))) {
      // a UTR may pass the NHS check too: beside its words it is reported under its own name
      t.hit(IdentifierKind.TAXPAYER_REFERENCE, Mask.generic(t.text(i)));
      return 1;
    }
    int phone = phones.at(i, len);
    if (phone > 0) return phone;
    int vat = vatDigits(i, len);
    if (vat > 0) return vat;
    if (len == 10 && t.context(i, 6, "nhs") && CheckDigits.nhs(t.text(i))) {
      t.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(t.text(i)));
      return 1;
    }
    if (len == 10 && standalone(i) && CheckDigits.nhs(t.text(i))) {
      // the check digit alone passes 1 random number in 11, but a ten-digit code standing alone in
      // prose is rarely anything an output should carry; tables judge bare numbers by column
      t.hit(IdentifierKind.NHS_NUMBER, Mask.nhs(t.text(i)));
      return 1;
    }
    if (len == 9 && t.context(i, 6, "passport")) {
      t.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if (len <= 12 && t.context(i, 3, "uprn")) {
      t.hit(IdentifierKind.UPRN, Mask.generic(t.text(i)));
      return 1;
    }
    if (len == 8 && companyContext(i)) {
      t.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if ((len == 10 || len == 11) && t.context(i, 3, "ruref", "entref", "luref")) {
      t.hit(IdentifierKind.BUSINESS_REFERENCE, Mask.generic(t.text(i)));
      return 1;
    }
    if (len >= 6 && len <= 8 && t.context(i, 3, "urn", "ukprn", "laestab")) {
      t.hit(IdentifierKind.SCHOOL_ID, Mask.generic(t.text(i)));
      return 1;
    }
    if ((len == 9 || len == 12) && standalone(i) && bareVatNumber(t.text(i))) {
      t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if (len == 8 && standalone(i) && bareCompanyNumber(t.text(i))) {
      t.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(t.text(i)));
      return 1;
    }
    if (len == 6 && i + 1 < t.count && t.allDigits(i + 1) && commaJoined(i + 1)) {
      String pair = t.text(i) + "," + t.text(i + 1);
      if (PlaceRules.eastingNorthing(pair)) {
        t.hit(IdentifierKind.LAT_LONG, "coordinate (masked)");
        return 2;
      }
    }
    if (len <= 4) {
      int place = places.shortNumber(i);
      if (place > 0) return place;
    }
    return 1;
  }

  /**
   * Token k follows the one before after a comma, or a comma and a space ({@code 651409, 313177}).
   */
  private boolean commaJoined(int k) {
    int gap = t.starts[k] - t.ends[k - 1];
    int at = t.ends[k - 1];
    return gap >= 1 && gap <= 2 && t.s.charAt(at) == ',' && (gap == 1 || t.s.charAt(at + 1) == ' ');
  }

  /**
   * Nine digits, or twelve with a branch, that pass HMRC's check; not a timestamp written {@code
   * yyyyMMddHHmm} ({@code 201205190946}), of which 2 in 97 pass too.
   */
  static boolean bareVatNumber(String v) {
    if (!CheckDigits.vatWithBranch(v)) return false;
    return v.length() != 12 || !timestamp(v);
  }

  private static boolean timestamp(String v) {
    int century = two(v, 0);
    int month = two(v, 4);
    int day = two(v, 6);
    return (century == 19 || century == 20)
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= 31
        && two(v, 8) <= 23
        && two(v, 10) <= 59;
  }

  private static int two(String v, int at) {
    return (v.charAt(at) - '0') * 10 + (v.charAt(at + 1) - '0');
  }

  /**
   * Eight digits as Companies House numbers English and Welsh companies ({@code 01234567}): a zero
   * then a non-zero digit, which no amount or count is written with and zero-padded running numbers
   * ({@code 00000123}) are not; not a date ({@code 01022020}) or a phone number ({@code 0800
   * 1111}).
   */
  static boolean bareCompanyNumber(String v) {
    if (v.length() != 8 || v.charAt(0) != '0' || v.charAt(1) == '0') return false;
    if (!CheckDigits.allDigits(v, 0, 8)) return false;
    // day 01-09 is implied by the zero and the non-zero digit
    int month = (v.charAt(2) - '0') * 10 + (v.charAt(3) - '0');
    int century = (v.charAt(4) - '0') * 10 + (v.charAt(5) - '0');
    if (month >= 1 && month <= 12 && (century == 19 || century == 20)) return false;
    return !PhoneNumbers.valid(v);
  }

  /**
   * Whether digit token i stands alone as a code, not as part of an amount ({@code £}, a sign, a
   * percentage), a longer number, a date or a time.
   */
  private boolean standalone(int i) {
    int a = t.starts[i];
    int b = t.ends[i];
    if (a > 0) {
      char c = t.s.charAt(a - 1);
      if ("£$€+./:".indexOf(c) >= 0) return false;
      if (c == '-' && (a == 1 || !Tokens.alnum(t.s.charAt(a - 2)))) return false;
    }
    if (b < t.s.length()) {
      char c = t.s.charAt(b);
      if (c == '%') return false;
      if (".:/-".indexOf(c) >= 0 && Tokens.digitAt(t.s, b + 1)) return false;
    }
    return true;
  }

  /** Whether a word that gives an eight-character code its company meaning is near token i. */
  boolean companyContext(int i) {
    return t.context(i, 5, COMPANY_WORDS);
  }

  /**
   * A VAT number without its prefix (980780684, 980 7806 84, with a branch) beside the word VAT.
   */
  private int vatDigits(int i, int len) {
    if (len != 9 && len != 12 && len != 3) return 0;
    if (!t.context(i, 6, "vat")) return 0;
    if (len != 3) {
      if (!CheckDigits.vatWithBranch(t.text(i))) return 0;
      t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(t.text(i)));
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
        t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(b.toString()));
        return k - i;
      }
    }
    return 0;
  }
}
