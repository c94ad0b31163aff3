package org.outputintake.scan.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * GB phone numbers written as digit groups: {@code 020 7946 0958}, {@code (0161) 496 0000}, {@code
 * +44 (0)20 ...}, {@code +447700900123} or the same without its plus. libphonenumber decides
 * validity, so a run of digits of the right length is not enough.
 */
final class PhoneNumbers {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private final Tokens t;

  PhoneNumbers(Tokens t) {
    this.t = t;
  }

  /**
   * A valid GB number, or one of the mobile numbers Ofcom keeps for drama (07700 900000-900999),
   * which libphonenumber rejects but researchers copy from examples.
   */
  static boolean valid(String number) {
    String digits = number.startsWith("+44") ? "0" + number.substring(3) : number;
    if (digits.length() == 11 && digits.startsWith("07700900")) return true;
    try {
      return PHONES.isValidNumber(PHONES.parse(number, "GB"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** A phone number starting at digit token i of length len; returns the tokens used or 0. */
  int at(int i, int len) {
    boolean plus = t.starts[i] > 0 && t.s.charAt(t.starts[i] - 1) == '+';
    // a plus is followed by a country code, never by a trunk zero: +07888814488 is no number
    if (plus && t.s.charAt(t.starts[i]) == '0') return 0;
    boolean plus44 = len == 2 && t.s.startsWith("44", t.starts[i]) && plus;
    if (t.s.charAt(t.starts[i]) == '0' || plus44) {
      int used = groups(i, plus44);
      if (used > 0) return used;
    }
    if (len == 12
        && t.s.startsWith("44", t.starts[i])
        && (plus || t.s.charAt(t.starts[i] + 2) == '7')
        && valid("+" + t.text(i))) {
      // +447700900123 written compact, or a mobile without its plus; twelve digits from 44 with
      // neither (442087654321) are as likely a code or an amount as a landline
      t.hit(IdentifierKind.PHONE_NUMBER, Mask.phone("+" + t.text(i)));
      return 1;
    }
    return 0;
  }

  /**
   * Digit groups from token i joined while separated by a space, hyphen or bracket: a GB number if
   * valid.
   */
  private int groups(int i, boolean plus44) {
    StringBuilder b = new StringBuilder(14);
    int k = i;
    int used = 0;
    int result = 0;
    while (k < t.count && t.allDigits(k) && b.length() + t.len(k) <= 13 && (k == i || gap(k))) {
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
    if (valid(number)) {
      t.hit(IdentifierKind.PHONE_NUMBER, Mask.phone(number));
      return used;
    }
    return 0;
  }

  private boolean gap(int k) {
    int gap = t.starts[k] - t.ends[k - 1];
    if (gap < 1 || gap > 3) return false;
    for (int p = t.ends[k - 1]; p < t.starts[k]; p++) {
      char c = t.s.charAt(p);
      if (c != ' ' && c != '-' && c != ')' && c != '(') return false;
    }
    return true;
  }
}
