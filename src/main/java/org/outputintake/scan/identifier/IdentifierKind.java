package org.outputintake.scan.identifier;

import org.outputintake.scan.Severity;

/**
 * The identifiers the scanner knows (seed 002: direct identifiers are never allowed, indirect ones
 * only with special permission). Each kind is a finding code.
 */
public enum IdentifierKind {
  NHS_NUMBER(true, "NHS number", "NHS numbers"),
  NI_NUMBER(true, "National Insurance number", "National Insurance numbers"),
  EMAIL_ADDRESS(true, "email address", "email addresses"),
  PHONE_NUMBER(true, "phone number", "phone numbers"),
  PASSPORT_NUMBER(true, "passport number", "passport numbers"),
  DRIVING_LICENCE_NUMBER(
      true,
      "driving licence number (it encodes the holder's name and date of birth)",
      "driving licence numbers"),
  UPRN(true, "Unique Property Reference Number", "Unique Property Reference Numbers"),
  COMPANY_NUMBER(true, "Company Registration Number", "Company Registration Numbers"),
  PUPIL_NUMBER(true, "Unique Pupil Number", "Unique Pupil Numbers"),
  VAT_NUMBER(true, "VAT registration number", "VAT registration numbers"),
  TAXPAYER_REFERENCE(true, "Unique Taxpayer Reference (UTR)", "Unique Taxpayer References"),
  GRID_REFERENCE(true, "OS grid reference", "OS grid references"),
  LAT_LONG(true, "coordinate (latitude/longitude or easting/northing)", "coordinates"),
  PERSON_NAME(true, "person's name", "person names"),
  STREET_ADDRESS(true, "street address", "street addresses"),
  POSTCODE(false, "full postcode", "full postcodes"),
  VEHICLE_REGISTRATION(false, "vehicle registration mark", "vehicle registration marks"),
  DATE_OF_BIRTH(false, "date of birth or death", "dates of birth or death"),
  SCHOOL_ID(false, "school identifier (URN, UKPRN, LAESTAB)", "school identifiers"),
  BUSINESS_REFERENCE(
      false, "ONS business reference (RUREF, ENTREF, LUREF)", "ONS business references");

  private final boolean direct;
  private final String label;
  private final String plural;

  IdentifierKind(boolean direct, String label, String plural) {
    this.direct = direct;
    this.label = label;
    this.plural = plural;
  }

  /** The kind a finding code names, or null when the code is not an identifier's. */
  public static IdentifierKind ofCode(String code) {
    for (IdentifierKind k : values()) {
      if (k.name().equals(code)) return k;
    }
    return null;
  }

  public boolean direct() {
    return direct;
  }

  public Severity severity() {
    return direct ? Severity.BLOCKER : Severity.WARNING;
  }

  public String label() {
    return label;
  }

  public String plural() {
    return plural;
  }

  /** What the researcher must do, in one sentence. */
  public String advice() {
    return direct
        ? "Direct identifiers are never allowed in outputs: remove them."
        : "Indirect identifiers need the project's special permission: remove them or quote the permission.";
  }
}
