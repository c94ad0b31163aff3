package org.outputintake.scan.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.function.Consumer;
import org.outputintake.scan.Finding;

/**
 * Identifiers in one table column, judged over the whole column: one finding per column and kind
 * ("column 'nhs_no': 120 values look like NHS numbers") instead of one per cell. A bare ten-digit
 * number is counted as an NHS number only when the header says so or (nearly) all ten-digit values
 * pass the check digit (all of them when there are only one or two, as in text, and not under a
 * header that names a quantity), since one random number in eleven passes it; bare VAT and company
 * numbers likewise need (nearly) all values of their length to pass.
 */
// hits per kind in an array indexed by ordinal: on the per-cell path an EnumMap lookup costs
// throughput
@SuppressWarnings("EnumOrdinal")
public final class ColumnProfile {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final IdentifierKind[] KINDS = IdentifierKind.values();

  private final String header;
  private final String norm;
  private final IdentifierKind announced;
  private final boolean nhsHeader;

  /** The header names Unique Taxpayer References: their ten digits are not NHS numbers. */
  private final boolean utrHeader;

  private final boolean phoneHeader;
  private final boolean quantities;

  /**
   * A header that gives bare numbers their meaning (VAT, passport, company): numbers are read with
   * it.
   */
  private final boolean contextHeader;

  private final IdentifierFinder finder;
  private final long[] hits = new long[KINDS.length];
  private final long[] firstRow = new long[KINDS.length];
  private final String[] sample = new String[KINDS.length];
  private long nonEmpty;
  private long tenDigit;
  private long nhsPass;
  private long nhsFirstRow;
  private String nhsSample;
  private long vatLength;
  private long vatPass;
  private long vatFirstRow;
  private String vatSample;
  private long zeroEight;
  private long companyLike;
  private long companyFirstRow;
  private String companySample;
  private long phoneValid;
  private long phoneFirstRow;
  private String phoneSample;
  private long currentRow;

  /**
   * A latitude column with a longitude beside it: judged in pairs by the table ({@link
   * #coordinatePair}).
   */
  private boolean paired;

  private final IdentifierFinder.Sink sink = this::hit;

  /**
   * @param finder shared by the columns of one table; not thread-safe
   */
  public ColumnProfile(String header, IdentifierFinder finder) {
    this(header, finder, false);
  }

  /**
   * @param quantities the header names a quantity (a count, sum, mean, rate...): a lone ten-digit
   *     value there is an amount, not an NHS number
   */
  public ColumnProfile(String header, IdentifierFinder finder, boolean quantities) {
    this.quantities = quantities;
    this.header = header == null ? "" : header.strip();
    this.norm = ColumnNames.normalize(header);
    this.announced = ColumnNames.kindOf(norm);
    this.nhsHeader = ColumnNames.announcesNhs(norm);
    this.phoneHeader = ColumnNames.announcesPhone(norm);
    this.utrHeader =
        ColumnNames.hasWordStart(norm, "utr") || ColumnNames.hasWordStart(norm, "taxpayer");
    this.contextHeader =
        ColumnNames.hasWordStart(norm, "vat")
            || ColumnNames.hasWordStart(norm, "passport")
            || ColumnNames.hasWordStart(norm, "company")
            || ColumnNames.hasWordStart(norm, "vehicle");
    this.finder = finder;
  }

  public String header() {
    return header;
  }

  /** Looks at one cell; {@code row} is the row number shown in locations. */
  public void accept(String raw, long row) {
    if (raw == null || raw.isEmpty()) return;
    String v = raw.strip();
    int n = v.length();
    if (n == 0) return;
    nonEmpty++;
    currentRow = row;
    boolean digit = false;
    boolean plainNumber = true;
    boolean allDigits = true;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        allDigits = false;
        // a leading minus is a number's sign; a leading plus starts a phone number (+447700900123)
        boolean sign = c == '-' && i == 0;
        if (!sign && c != '.' && c != ',' && c != '%' && c != 'E' && c != 'e') plainNumber = false;
      }
    }
    if (announced != null) announcedCell(v, digit);
    if (allDigits) {
      digitsOnly(v);
      return;
    }
    if (digit && n >= 13 && n <= 15 && PlaceRules.eastingNorthing(v)) {
      hit(IdentifierKind.LAT_LONG, "coordinate (masked)");
      return;
    }
    if (plainNumber && v.indexOf('@') < 0) return;
    if (digit || v.indexOf('@') >= 0) finder.scanCell(v, norm, sink);
  }

  /**
   * A cell the table reader has already parsed as a plain number (stripped, not empty): only the
   * digit-only identifiers can apply, so the character scan of {@link #accept} is skipped.
   */
  public void acceptNumber(String v, long row) {
    nonEmpty++;
    currentRow = row;
    if (announced != null) announcedCell(v, true);
    int n = v.length();
    if ((n == 13 || n == 14) && PlaceRules.eastingNorthing(v)) {
      hit(IdentifierKind.LAT_LONG, "coordinate (masked)");
      return;
    }
    boolean digits = n >= 8 && n <= 12 && CheckDigits.allDigits(v, 0, n);
    if (digits) digitsOnly(v);
    if (digits && (n == 10 || n == 11)) return;
    if (n >= 12 && (v.charAt(0) == '+' || v.startsWith("44")) || contextHeader)
      finder.scanCell(v, norm, sink);
  }

  /**
   * Whether nine in ten of the column's values of one length pass their check, and those values are
   * at least half the column.
   */
  private boolean nearlyAll(long pass, long ofLength) {
    return pass * 10 >= ofLength * 9 && ofLength * 2 >= nonEmpty;
  }

  /**
   * NHS, VAT, company and GB phone numbers written as bare digits, judged over the column in {@link
   * #report}.
   */
  private void digitsOnly(String v) {
    int n = v.length();
    // a header that names the kind already sends the cell to the finder (contextHeader)
    boolean bare = announced == null && !contextHeader;
    if (bare && (n == 9 || n == 12 && !v.startsWith("44"))) {
      vatLength++;
      if (NumberRules.bareVatNumber(v) && vatPass++ == 0) {
        vatFirstRow = currentRow;
        vatSample = Mask.generic(v);
      }
    }
    if (bare && n == 8 && v.charAt(0) == '0') {
      zeroEight++;
      if (NumberRules.bareCompanyNumber(v) && companyLike++ == 0) {
        companyFirstRow = currentRow;
        companySample = Mask.generic(v);
      }
    }
    if (n == 10 && utrHeader) {
      if (CheckDigits.utr(v)) hit(IdentifierKind.TAXPAYER_REFERENCE, Mask.generic(v));
      return;
    }
    if (n == 10) {
      tenDigit++;
      if (CheckDigits.nhs(v) && nhsPass++ == 0) {
        nhsFirstRow = currentRow;
        nhsSample = Mask.nhs(v);
      }
    }
    if ((n == 10 || n == 11) && v.charAt(0) == '0' && validPhone(v) && phoneValid++ == 0) {
      phoneFirstRow = currentRow;
      phoneSample = Mask.phone(v);
    }
  }

  private void announcedCell(String v, boolean digit) {
    switch (announced) {
      case PERSON_NAME, STREET_ADDRESS -> {
        if (!digit || announced == IdentifierKind.STREET_ADDRESS) hitIf(hasLetter(v), Mask.text(v));
      }
      case DATE_OF_BIRTH -> hitIf(digit, "date (masked)");
      case SCHOOL_ID, BUSINESS_REFERENCE, UPRN -> hitIf(digit && v.length() <= 15, Mask.generic(v));
      case PASSPORT_NUMBER ->
          hitIf(
              CheckDigits.passport(Mask.compact(v).toUpperCase(java.util.Locale.ROOT)),
              Mask.generic(v));
      case COMPANY_NUMBER -> hitIf(CheckDigits.companyNumber(Mask.compact(v)), Mask.generic(v));
      case GRID_REFERENCE -> hitIf(CheckDigits.gridReference(Mask.compact(v)), Mask.generic(v));
      case LAT_LONG -> {
        if (!paired) hitIf(coordinate(v), "coordinate (masked)");
      }
      default -> {}
    }
  }

  /**
   * Latitude and longitude are judged together, so a non-UK pair with one value in the UK's range
   * is not flagged.
   */
  public void pairCoordinates() {
    paired = true;
  }

  public boolean latitude() {
    return ColumnNames.isLatitude(norm);
  }

  public boolean longitude() {
    return ColumnNames.isLongitude(norm);
  }

  /**
   * One row's latitude and longitude (this column is one of them), counted when both lie in the UK.
   */
  public void coordinatePair(String lat, String lon, long row) {
    try {
      double a = Double.parseDouble(lat.strip());
      double b = Double.parseDouble(lon.strip());
      if (PlaceRules.lat(a) && PlaceRules.lon(b) && b != 0) {
        currentRow = row;
        hit(IdentifierKind.LAT_LONG, "coordinate (masked)");
      }
    } catch (NumberFormatException | NullPointerException e) {
      // not a pair of numbers: nothing to judge
    }
  }

  private boolean coordinate(String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return false;
    }
    if (ColumnNames.isLatitude(norm)) return PlaceRules.lat(d);
    if (ColumnNames.isLongitude(norm)) return PlaceRules.lon(d) && d != 0;
    if (ColumnNames.isEasting(norm)) return d > 0 && d <= 700_000;
    return d > 0 && d <= 1_300_000;
  }

  private void hitIf(boolean condition, String masked) {
    if (condition) hit(announced, masked);
  }

  private void hit(IdentifierKind kind, String masked) {
    int k = kind.ordinal();
    if (hits[k]++ == 0) {
      firstRow[k] = currentRow;
      sample[k] = masked;
    }
  }

  /**
   * Emits the column's findings; {@code tableLocation} is e.g. {@code sheet 'Table 1'} or empty for
   * a CSV.
   */
  public void report(String tableLocation, Consumer<Finding> out) {
    // one or two values that all pass are as likely as a standalone number in text (a listing of
    // one or two patients); from three on, a stray failing value is allowed
    boolean nhsColumn =
        nhsPass > 0
            && (nhsHeader
                || nhsPass >= 3 && nearlyAll(nhsPass, tenDigit)
                || nhsPass == tenDigit && !quantities);
    if (nhsColumn) merge(IdentifierKind.NHS_NUMBER, nhsPass, nhsFirstRow, nhsSample);
    // VAT and company numbers alone, as for NHS numbers: (nearly) every value of their length
    // passes, so a column of amounts or running numbers where a few happen to pass is not flagged
    if (vatPass > 0 && nearlyAll(vatPass, vatLength))
      merge(IdentifierKind.VAT_NUMBER, vatPass, vatFirstRow, vatSample);
    if (companyLike > 0 && nearlyAll(companyLike, zeroEight))
      merge(IdentifierKind.COMPANY_NUMBER, companyLike, companyFirstRow, companySample);
    boolean phoneColumn = phoneValid > 0 && (phoneHeader || phoneValid * 2 >= nonEmpty);
    if (phoneColumn) merge(IdentifierKind.PHONE_NUMBER, phoneValid, phoneFirstRow, phoneSample);
    String where =
        (tableLocation == null || tableLocation.isEmpty() ? "" : tableLocation + ", ")
            + "column '"
            + header
            + "'";
    for (IdentifierKind kind : KINDS) {
      long n = hits[kind.ordinal()];
      if (n == 0) continue;
      String message =
          "Column '"
              + header
              + "': "
              + n
              + (n == 1
                  ? " value looks like a " + kind.label()
                  : " values look like " + kind.plural())
              + " (first at row "
              + firstRow[kind.ordinal()]
              + "). "
              + kind.advice();
      out.accept(new Finding(kind.name(), kind.severity(), where, message, sample[kind.ordinal()]));
    }
  }

  private void merge(IdentifierKind kind, long n, long row, String masked) {
    int k = kind.ordinal();
    if (hits[k] == 0 || row < firstRow[k]) {
      firstRow[k] = row;
      sample[k] = masked;
    }
    hits[k] += n;
  }

  private static boolean validPhone(String digits) {
    try {
      return PHONES.isValidNumber(PHONES.parse(digits, "GB"));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static boolean hasLetter(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isLetter(v.charAt(i))) return true;
    }
    return false;
  }
}
