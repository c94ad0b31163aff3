package org.outputintake.scan.identifier;

import java.util.Locale;
import java.util.Set;

/**
 * Column headers reduced to a comparable form, and the header names that say what a column holds.
 */
public final class ColumnNames {
  private static final Set<String> PERSON_NAME =
      Set.of(
          "name",
          "names",
          "forename",
          "forenames",
          "surname",
          "surnames",
          "first_name",
          "firstname",
          "last_name",
          "lastname",
          "given_name",
          "given_names",
          "family_name",
          "full_name",
          "fullname",
          "middle_name",
          "middle_names",
          "maiden_name",
          "patient_name",
          "person_name",
          "pupil_name",
          "student_name",
          "respondent_name",
          "contact_name");
  private static final Set<String> ADDRESS =
      Set.of(
          "address",
          "addresses",
          "street",
          "street_name",
          "street_address",
          "address_line_1",
          "address_line_2",
          "address_line_3",
          "address_line1",
          "address_line2",
          "address1",
          "address2",
          "addr",
          "addr1",
          "home_address",
          "postal_address",
          "house_number",
          "house_name",
          "full_address");
  private static final Set<String> DOB =
      Set.of(
          "dob",
          "date_of_birth",
          "birth_date",
          "birthdate",
          "birth_dt",
          "dod",
          "date_of_death",
          "death_date",
          "deathdate",
          "dt_of_birth",
          "d_o_b");
  private static final Set<String> SCHOOL =
      Set.of(
          "urn",
          "ukprn",
          "laestab",
          "school_urn",
          "school_id",
          "establishment_number",
          "estab",
          "school_ukprn",
          "la_estab");
  private static final Set<String> BUSINESS =
      Set.of(
          "ruref",
          "entref",
          "luref",
          "reporting_unit_reference",
          "enterprise_reference",
          "local_unit_reference");
  private static final Set<String> LAT = Set.of("lat", "latitude", "y_lat");
  private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude", "x_long");
  private static final Set<String> EASTING =
      Set.of("easting", "eastings", "x_coordinate", "oseast1m");
  private static final Set<String> NORTHING =
      Set.of("northing", "northings", "y_coordinate", "osnrth1m");

  private ColumnNames() {}

  /** Lower case, runs of spaces, dots, hyphens and other punctuation become one underscore. */
  public static String normalize(String header) {
    if (header == null) return "";
    String h = header.strip().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(h.length());
    boolean sep = false;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '%') {
        if (sep && b.length() > 0) b.append('_');
        b.append(c);
        sep = false;
      } else {
        sep = true;
      }
    }
    return b.toString();
  }

  /** Whether {@code word} starts one of the underscore-separated words of a normalized header. */
  public static boolean hasWordStart(String normalized, String word) {
    for (int i = normalized.indexOf(word); i >= 0; i = normalized.indexOf(word, i + 1)) {
      if (i == 0 || normalized.charAt(i - 1) == '_') return true;
    }
    return false;
  }

  /** Whether the normalized header is exactly {@code word} or has it as one of its words. */
  public static boolean hasWord(String normalized, String word) {
    for (int i = normalized.indexOf(word); i >= 0; i = normalized.indexOf(word, i + 1)) {
      int end = i + word.length();
      if ((i == 0 || normalized.charAt(i - 1) == '_')
          && (end == normalized.length() || normalized.charAt(end) == '_')) {
        return true;
      }
    }
    return false;
  }

  /** The identifier a header announces, judged from its name alone; null for an ordinary column. */
  static IdentifierKind kindOf(String n) {
    if (n.isEmpty()) return null;
    if (PERSON_NAME.contains(n)) return IdentifierKind.PERSON_NAME;
    if (ADDRESS.contains(n)) return IdentifierKind.STREET_ADDRESS;
    if (DOB.contains(n)) return IdentifierKind.DATE_OF_BIRTH;
    if (SCHOOL.contains(n)) return IdentifierKind.SCHOOL_ID;
    if (BUSINESS.contains(n)) return IdentifierKind.BUSINESS_REFERENCE;
    if (hasWord(n, "uprn")) return IdentifierKind.UPRN;
    if (hasWordStart(n, "passport")) return IdentifierKind.PASSPORT_NUMBER;
    if (hasWord(n, "crn")
        || n.startsWith("company_number")
        || n.startsWith("company_reg")
        || n.startsWith("companies_house")) {
      return IdentifierKind.COMPANY_NUMBER;
    }
    if (hasWordStart(n, "grid_ref") || n.equals("gridref") || n.equals("os_grid_reference")) {
      return IdentifierKind.GRID_REFERENCE;
    }
    if (LAT.contains(n) || LON.contains(n) || EASTING.contains(n) || NORTHING.contains(n)) {
      return IdentifierKind.LAT_LONG;
    }
    return null;
  }

  static boolean isLatitude(String n) {
    return LAT.contains(n);
  }

  static boolean isLongitude(String n) {
    return LON.contains(n);
  }

  static boolean isEasting(String n) {
    return EASTING.contains(n);
  }

  static boolean announcesNhs(String n) {
    return hasWordStart(n, "nhs");
  }

  static boolean announcesPhone(String n) {
    return hasWordStart(n, "phone")
        || hasWordStart(n, "telephone")
        || hasWord(n, "tel")
        || hasWordStart(n, "mobile")
        || n.equals("contact_number");
  }
}
