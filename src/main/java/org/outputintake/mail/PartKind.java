package org.outputintake.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a part is when it is not the body and not a file the researcher sent: signatures, bodies
 * offered in another format, machine reports and pointers. Recording them as files would put them
 * in front of output checkers as outputs to release.
 */
public enum PartKind {
  SIGNATURE("signature"),
  ALTERNATIVE_BODY("alternative body"),
  DELIVERY_STATUS("delivery status report"),
  DISPOSITION_NOTIFICATION("read receipt"),
  REPORT("mail report"),
  EXTERNAL_BODY("external body (a pointer, not content)"),
  PARTIAL("fragment of a split message"),
  /** Outlook's winmail.dat: the files inside it are the email's attachments. */
  TNEF("Outlook winmail.dat (the files inside are read as attachments)");

  private static final Map<String, PartKind> BY_TYPE =
      Map.ofEntries(
          Map.entry("application/pkcs7-signature", SIGNATURE),
          Map.entry("application/x-pkcs7-signature", SIGNATURE),
          Map.entry("application/pgp-signature", SIGNATURE),
          Map.entry("text/enriched", ALTERNATIVE_BODY),
          Map.entry("text/richtext", ALTERNATIVE_BODY),
          Map.entry("text/watch-html", ALTERNATIVE_BODY),
          Map.entry("message/delivery-status", DELIVERY_STATUS),
          Map.entry("message/global-delivery-status", DELIVERY_STATUS),
          Map.entry("message/disposition-notification", DISPOSITION_NOTIFICATION),
          Map.entry("message/global-disposition-notification", DISPOSITION_NOTIFICATION),
          Map.entry("message/feedback-report", REPORT),
          Map.entry("text/rfc822-headers", REPORT),
          Map.entry("text/global-headers", REPORT),
          Map.entry("message/external-body", EXTERNAL_BODY),
          Map.entry("message/partial", PARTIAL));

  private final String label;

  PartKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The kind of a part, or empty when it is a file (or the body).
   *
   * @param mimeType lower-case media type
   * @param filename the part's file name, or null
   * @param attachment whether it is marked {@code Content-Disposition: attachment}
   */
  static Optional<PartKind> of(String mimeType, String filename, boolean attachment) {
    String ext = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
    if (ext.endsWith(".p7s") || ext.endsWith(".asc")) return Optional.of(SIGNATURE);
    PartKind kind = BY_TYPE.get(mimeType);
    // a file someone chose to send in one of the body formats is still a file
    if (kind == ALTERNATIVE_BODY && attachment && filename != null) return Optional.empty();
    return Optional.ofNullable(kind);
  }
}
