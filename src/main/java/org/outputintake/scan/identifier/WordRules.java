package org.outputintake.scan.identifier;

/**
 * Identifiers written with letters and digits: driving licence, postcode, vehicle mark, NI number,
 * company number, passport, grid reference, prefixed VAT number, pupil number. Judged in capitals,
 * since they are written in any case ({@code ab123456c}, {@code sw1a 1aa}).
 */
final class WordRules {
  /**
   * First letters of ONS (GSS) geography codes ({@code E06000001}, {@code S12000033}), which have
   * the passport's letter-and-eight-digits shape.
   */
  private static final String GSS_LETTERS = "EJKLMNSW";

  private final Tokens t;
  private final NumberRules numbers;
  private final VehicleMarks vehicles;

  WordRules(Tokens t, NumberRules numbers) {
    this.t = t;
    this.numbers = numbers;
    this.vehicles = new VehicleMarks(t);
  }

  /** Token i of letters and digits (at least one digit), of length len; returns the tokens used. */
  int alnum(int i, int len, boolean lower) {
    String word = lower ? t.upper(i) : t.text(i);
    if (len == 16) {
      if (CheckDigits.drivingLicence(word)) {
        t.hit(IdentifierKind.DRIVING_LICENCE_NUMBER, Mask.generic(word));
      }
      return 1;
    }
    if (len > 13) return 1;
    int postcode = postcode(i, len, word);
    if (postcode > 0) return postcode;
    int vehicle = vehicles.current(i, len, word, lower);
    if (vehicle > 0) return vehicle;
    int ni = ni(i, len, word, lower);
    if (ni > 0) return ni;
    // before grid references: SC123456 is both, and the context word decides
    if (len == 8 && CheckDigits.companyNumber(word) && numbers.companyContext(i)) {
      t.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 8
        && CheckDigits.commonCompanyPrefix(word)
        && !t.context(i, 5, "grid", "os", "ngr", "easting")) {
      // SC123456 written compact is a Scottish company; a grid reference is written with spaces or
      // beside "grid"
      t.hit(IdentifierKind.COMPANY_NUMBER, Mask.generic(word));
      return 1;
    }
    int older = vehicles.older(i, len, word, lower);
    if (older > 0) return older;
    if (len == 9 && CheckDigits.passport(word) && t.context(i, 6, "passport")) {
      t.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 9 && !lower && letterAndEightDigits(word)) {
      t.hit(IdentifierKind.PASSPORT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (CheckDigits.gridReference(word)) {
      t.hit(IdentifierKind.GRID_REFERENCE, word.substring(0, 2) + " *** ***");
      return 1;
    }
    if ((len == 11 || len == 14)
        && (word.startsWith("GB") || word.startsWith("XI"))
        && CheckDigits.vatWithBranch(word.substring(2))) {
      t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 7
            && (word.startsWith("GB") || word.startsWith("XI"))
            && CheckDigits.vatGovernment(word.substring(2))
        || len == 5 && CheckDigits.vatGovernment(word) && t.context(i, 6, "vat")) {
      t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(word));
      return 1;
    }
    if (len == 13 && CheckDigits.upn(word)) {
      t.hit(IdentifierKind.PUPIL_NUMBER, Mask.generic(word));
      return 1;
    }
    return 1;
  }

  /**
   * A passport number of the letter-and-eight-digits form ({@code F92402356}), in capitals; not an
   * ONS geography code.
   */
  static boolean letterAndEightDigits(String w) {
    return w.length() == 9
        && CheckDigits.upper(w.charAt(0))
        && GSS_LETTERS.indexOf(w.charAt(0)) < 0
        && CheckDigits.allDigits(w, 1, 9);
  }

  /** A full postcode, compact ({@code SW1A1AA}) or spaced; returns the tokens used or 0. */
  private int postcode(int i, int len, String word) {
    if (len >= 5 && len <= 7 && (CheckDigits.postcode(word) || word.equals("GIR0AA"))) {
      t.hit(IdentifierKind.POSTCODE, Mask.postcode(word));
      return 1;
    }
    if (len >= 2 && len <= 4 && i + 1 < t.count && t.len(i + 1) == 3 && t.spaced(i + 1)) {
      String next = t.upper(i + 1);
      if (CheckDigits.outwardCode(word, 0, len) && CheckDigits.inwardCode(next, 0, 3)
          || word.equals("GIR") && next.equals("0AA")) {
        t.hit(IdentifierKind.POSTCODE, Mask.postcode(word + " " + next));
        return 2;
      }
    }
    return 0;
  }

  /**
   * An NI number, compact, with its suffix apart, or without a suffix: beside its words, or alone
   * in capitals. Many systems store the number without its suffix letter ({@code AB123456}).
   */
  private int ni(int i, int len, String word, boolean lower) {
    if (len == 9 && CheckDigits.ni(word, true)) {
      t.hit(IdentifierKind.NI_NUMBER, Mask.ni(word));
      return 1;
    }
    if (len == 8 && i + 1 < t.count && t.len(i + 1) == 1 && t.single(i + 1, ' ')) {
      String ni = word + t.upper(i + 1);
      if (CheckDigits.ni(ni, true)) {
        t.hit(IdentifierKind.NI_NUMBER, Mask.ni(ni));
        return 2;
      }
    }
    if (len == 8 && CheckDigits.ni(word, false) && t.context(i, 4, "ni", "nino", "insurance")) {
      t.hit(IdentifierKind.NI_NUMBER, Mask.ni(word));
      return 1;
    }
    if (len == 8
        && !lower
        && suffixlessNi(word)
        && !t.context(i, 6, "genbank", "accession", "genome", "sequence", "isolate", "strain")) {
      // GenBank accessions share the shape (MN908947)
      t.hit(IdentifierKind.NI_NUMBER, Mask.ni(word));
      return 1;
    }
    return 0;
  }

  /**
   * Two capitals and six digits that HMRC's prefix rules allow, but not a company number's prefix
   * ({@code SC123456}) nor an Ordnance Survey square ({@code NN166712}), whose own rules decide
   * them.
   */
  static boolean suffixlessNi(String w) {
    return CheckDigits.ni(w, false)
        && !CheckDigits.companyNumber(w)
        && !CheckDigits.gridSquare(w.substring(0, 2));
  }

  /** Two letters followed by digit groups: a spaced NI number, grid reference or VAT number. */
  int letterPair(int i, boolean lower) {
    // most two-letter words ("in", "of") are followed by no number at all
    if (i + 1 >= t.count || !Tokens.digitAt(t.s, t.starts[i + 1])) return 1;
    String pair = lower ? t.upper(i) : t.text(i);
    if (t.len(i + 1) == 7
        && t.single(i + 1, ' ')
        && CheckDigits.allDigits(t.s, t.starts[i + 1], t.ends[i + 1] - 1)) {
      String ni = pair + t.upper(i + 1); // PR 123612C
      if (CheckDigits.ni(ni, true)) {
        t.hit(IdentifierKind.NI_NUMBER, Mask.ni(ni));
        return 2;
      }
    }
    StringBuilder b = new StringBuilder(16).append(pair);
    int k = i + 1;
    while (k < t.count && k <= i + 5 && t.single(k, ' ') && b.length() < 14) {
      b.append(lower ? t.upper(k) : t.text(k));
      k++;
      String c = b.toString();
      if (c.length() == 9 && CheckDigits.ni(c, true)) {
        t.hit(IdentifierKind.NI_NUMBER, Mask.ni(c));
        return k - i;
      }
      boolean vatPrefix = c.startsWith("GB") || c.startsWith("XI");
      if (vatPrefix
          && (c.length() == 11 && !nextDigits(k) || c.length() == 14)
          && CheckDigits.vatWithBranch(c.substring(2))) {
        t.hit(IdentifierKind.VAT_NUMBER, Mask.generic(c));
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
      t.hit(IdentifierKind.GRID_REFERENCE, pair + " *** ***");
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
