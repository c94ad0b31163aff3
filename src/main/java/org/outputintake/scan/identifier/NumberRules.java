package org.outputintake.scan.identifier;

/**
 * Identifiers written as digits alone: NHS numbers, phone numbers, VAT numbers without their
 * prefix, and the numbers that mean something only beside their word (passport, UPRN, company,
 * RUREF, URN). A bare number is an identifier only with its check digit and, where the check digit
 * alone is weak (NHS: 1 in 11 random numbers pass), a context word or a telling layout.
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
    int phone = phones.at(i, len);
    if (phone > 0) return phone;
    int vat = vatDigits(i, len);
    if (vat > 0) return vat;
    if (len == 10 && t.context(i, 6, "nhs") && CheckDigits.nhs(t.text(i))) {
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
    if (len <= 4) {
      int place = places.shortNumber(i);
      if (place > 0) return place;
    }
    return 1;
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
