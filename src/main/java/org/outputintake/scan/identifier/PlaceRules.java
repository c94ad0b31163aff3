package org.outputintake.scan.identifier;

import java.util.Locale;

/**
 * Identifiers that start with a short number: dates (for dates of birth and death), street
 * addresses ("12 High Street") and UK coordinates ("51.50735, -0.12776").
 */
final class PlaceRules {
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

  private final Tokens t;

  PlaceRules(Tokens t) {
    this.t = t;
  }

  /**
   * A date of birth or death, or a street address, at a digit token of up to four digits; returns
   * the tokens used or 0.
   */
  int shortNumber(int i) {
    int date = dateTokens(i);
    if (date > 0 && t.context(i, 4, "born", "dob", "birth", "died", "death", "deceased")) {
      t.hit(IdentifierKind.DATE_OF_BIRTH, "date (masked)");
      return date;
    }
    int street = street(i);
    if (street > 0) {
      t.hit(
          IdentifierKind.STREET_ADDRESS,
          Mask.text(t.s.substring(t.starts[i], t.ends[i + street - 1])));
      return street;
    }
    return 0;
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
  int decimal(int i) {
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
      t.hit(IdentifierKind.LAT_LONG, "coordinates (masked)");
      return 2;
    }
    return 1;
  }

  /**
   * An easting and northing written in one cell, {@code 651409,313177}: six digits each (seven for
   * a northing above 1,000 km, Shetland), in metres within Great Britain's grid. Thousands are
   * grouped by three, so such a cell is no amount.
   */
  static boolean eastingNorthing(String cell) {
    int comma = cell.indexOf(',');
    if (comma != 6 || cell.indexOf(',', comma + 1) >= 0) return false;
    String north = cell.substring(comma + 1).strip();
    if (north.length() < 6 || north.length() > 7) return false;
    if (!CheckDigits.allDigits(cell, 0, 6) || !CheckDigits.allDigits(north, 0, north.length()))
      return false;
    long e = Long.parseLong(cell.substring(0, 6));
    long n = Long.parseLong(north);
    return e >= 100_000 && e < 700_000 && n >= 100_000 && n < 1_300_000;
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
}
