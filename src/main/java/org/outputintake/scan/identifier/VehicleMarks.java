package org.outputintake.scan.identifier;

import java.util.Set;

/**
 * Vehicle registration marks: the current format ({@code AB51 ABC}, since 2001) anywhere, and the
 * prefix ({@code A123 BCD}, 1983-2001) and suffix ({@code ABC 123D}, 1963-1983) systems in capitals
 * with the letters DVLA issued, or in any form beside words such as "vehicle", "registration" or
 * "reg".
 */
final class VehicleMarks {
  private static final String[] VEHICLE_WORDS = {
    "vehicle", "registration", "reg", "vrm", "plate", "numberplate", "car"
  };

  /**
   * Capitalised words and abbreviations that a bare mark must not be ({@code A1 AND}, {@code ROW
   * 12B}).
   */
  private static final Set<String> WORDS =
      Set.of(
          "THE", "AND", "FOR", "NOT", "BUT", "ARE", "WAS", "HAS", "HAD", "YOU", "ALL", "ANY", "CAN",
          "HER", "OUR", "OUT", "PER", "SEE", "TOP", "AGE", "NEW", "OLD", "ONE", "TWO", "TEN", "SET",
          "USE", "LOW", "RAW", "SUM", "MAX", "AVG", "STD", "SEX", "MEN", "GBP", "USD", "EUR", "NHS",
          "ONS", "GDP", "CPI", "ROW", "COL", "BOX", "REF", "NUM", "NOS", "APP", "SEC", "VOL", "ART",
          "CAT", "GRP", "LEV", "KEY", "PDF", "CSV", "DOC", "XLS", "PNG", "JPG", "TXT", "JAN", "FEB",
          "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "MON", "TUE", "WED",
          "THU", "FRI", "SAT", "SUN", "YES", "END", "ETC", "NET", "TAX", "VAT", "PAY", "FEE", "DAY",
          "YRS", "ENG", "MAT", "GEO", "BLK", "CPU", "GPU", "RAM", "ROM", "USB", "SSD", "HDD", "LED",
          "LCD", "DVD", "API", "CSS", "XML", "PHP", "JVM", "NPM", "GCC", "AWS", "AMD", "ARM", "PCR",
          "DNA", "RNA", "GPS", "SMS", "URL", "UTC", "GMT", "BST", "CET", "EST", "PST", "PDT", "FAQ",
          "TBC", "TBD", "TBA");

  private final Tokens t;

  VehicleMarks(Tokens t) {
    this.t = t;
  }

  /**
   * A current-format mark at token i ({@code word} is the token in capitals), compact or written
   * {@code AB51 ABC} / {@code AB51-ABC}; returns the tokens used or 0.
   */
  int current(int i, int len, String word, boolean lower) {
    if (len == 7 && CheckDigits.vehicleRegistration(word) && !(lower && hex(i))) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (len == 4
        && i + 1 < t.count
        && t.len(i + 1) == 3
        && (t.single(i + 1, ' ') || t.single(i + 1, '-'))) {
      String mark = word + t.upper(i + 1);
      if (CheckDigits.vehicleRegistration(mark)) {
        t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(mark));
        return 2;
      }
    }
    return 0;
  }

  /** Whether token i is lower-case hexadecimal, as a short commit hash ({@code de61ceb}) is. */
  private boolean hex(int i) {
    for (int p = t.starts[i]; p < t.ends[i]; p++) {
      char ch = t.s.charAt(p);
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) return false;
    }
    return true;
  }

  /**
   * A mark of the prefix or suffix system at token i; returns the tokens used or 0. Beside vehicle
   * words any such mark counts; alone only one in capitals whose letters DVLA could have issued and
   * that is not a common word or abbreviation ({@code A4 PDF}, {@code ROW 12B}).
   */
  int older(int i, int len, String word, boolean lower) {
    if (len > 7) return 0;
    if (t.context(i, 4, VEHICLE_WORDS)) return withContext(i, len, word);
    return lower ? 0 : alone(i, len, word);
  }

  private int withContext(int i, int len, String word) {
    if (len <= 4
        && i + 1 < t.count
        && t.len(i + 1) == 3
        && t.allLetters(i + 1)
        && t.single(i + 1, ' ')
        && CheckDigits.vehiclePrefixMark(word + t.upper(i + 1))) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 2;
    }
    if (len <= 4
        && i > 0
        && t.len(i - 1) == 3
        && t.allLetters(i - 1)
        && t.single(i, ' ')
        && CheckDigits.vehicleSuffixMark(t.upper(i - 1) + word)) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    if (CheckDigits.vehiclePrefixMark(word) || CheckDigits.vehicleSuffixMark(word)) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    return 0;
  }

  private int alone(int i, int len, String word) {
    if (len <= 4 && i + 1 < t.count && t.len(i + 1) == 3 && t.single(i + 1, ' ')) {
      String mark = word + t.text(i + 1);
      if (prefixMark(mark)) {
        t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
        return 2;
      }
    }
    if (len <= 4 && i > 0 && t.len(i - 1) == 3 && t.single(i, ' ')) {
      if (suffixMark(t.text(i - 1) + word)) {
        t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
        return 1;
      }
    }
    // written without spaces, only the full seven characters: shorter ones are code names (SLF4J)
    if (len == 7 && (prefixMark(word) || suffixMark(word))) {
      t.hit(IdentifierKind.VEHICLE_REGISTRATION, Mask.generic(word));
      return 1;
    }
    return 0;
  }

  /**
   * A prefix-system mark written in capitals ({@code A123BCD}): a year letter, one to three digits
   * without a leading zero, three letters DVLA issued. Y (March-August 2001 only) is left out, as
   * it is also a school year ({@code Y12 ENG}).
   */
  static boolean prefixMark(String s) {
    int n = s.length();
    if (n < 5 || n > 7) return false;
    char year = s.charAt(0);
    return year != 'Y'
        && yearLetter(year)
        && serial(s, 1, n - 3)
        && issuedLetters(s.substring(n - 3));
  }

  /**
   * A suffix-system mark written in capitals ({@code ABC123D}): three letters DVLA issued, one to
   * three digits without a leading zero, a year letter.
   */
  static boolean suffixMark(String s) {
    int n = s.length();
    if (n < 5 || n > 7) return false;
    return issuedLetters(s.substring(0, 3)) && serial(s, 3, n - 1) && yearLetter(s.charAt(n - 1));
  }

  /** Not I, O, Q, U or Z, which were never year letters. */
  private static boolean yearLetter(char c) {
    return CheckDigits.upper(c) && "IOQUZ".indexOf(c) < 0;
  }

  private static boolean serial(String s, int from, int to) {
    return to - from >= 1
        && to - from <= 3
        && s.charAt(from) != '0'
        && CheckDigits.allDigits(s, from, to);
  }

  /** Three capitals without I, Q or Z (never in GB area codes or serials), and not a word. */
  private static boolean issuedLetters(String l) {
    for (int k = 0; k < 3; k++) {
      char c = l.charAt(k);
      if (!CheckDigits.upper(c) || c == 'I' || c == 'Q' || c == 'Z') return false;
    }
    return !WORDS.contains(l);
  }
}
