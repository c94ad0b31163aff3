package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

/**
 * @param staff whether staff commands need an authenticated sender ({@code
 *     security.require-authenticated-sender}, default true)
 * @param trustedAuthservId the authserv-id your own receiving MTA writes into
 *     Authentication-Results
 * @param researchers whether a researcher's mail needs an authenticated sender before it opens or
 *     changes a ticket ({@code security.require-authenticated-researchers}, default false)
 */
public record Security(
    SenderProofRule staff, String trustedAuthservId, SenderProofRule researchers) {
  /** For tests and tools with no staff: nothing is obeyed on the From address alone there. */
  public static final Security OFF =
      new Security(SenderProofRule.NOT_REQUIRED, null, SenderProofRule.NOT_REQUIRED);

  public Security {
    staff = staff == null ? SenderProofRule.REQUIRED : staff;
    researchers = researchers == null ? SenderProofRule.NOT_REQUIRED : researchers;
    trustedAuthservId =
        trustedAuthservId == null || trustedAuthservId.isBlank() ? null : trustedAuthservId.trim();
  }

  /** Staff mail under {@code staff}'s rule; researchers' mail needs no proof (the default). */
  public static Security forStaff(SenderProofRule staff, String trustedAuthservId) {
    return new Security(staff, trustedAuthservId, SenderProofRule.NOT_REQUIRED);
  }

  public boolean requireAuthenticatedSender() {
    return staff == SenderProofRule.REQUIRED;
  }

  public boolean requireAuthenticatedResearchers() {
    return researchers == SenderProofRule.REQUIRED;
  }

  /**
   * Refuses to run a bot that would obey, or refuse, every staff command for want of a setting:
   * with staff configured and sender proof required, the trusted authserv-id must be named.
   *
   * @throws ConfigException naming the keys to set
   */
  public void requireUsableWith(Staff staff) {
    boolean anyStaff = !staff.officers().isEmpty() || !staff.managers().isEmpty();
    require(
        trustedAuthservId != null || !(anyStaff && requireAuthenticatedSender()),
        "security.trusted-authserv-id is not set, and staff commands need an authenticated"
            + " sender (security.require-authenticated-sender is true by default, and"
            + " staff.officers or staff.managers are set): set security.trusted-authserv-id to"
            + " the authserv-id your own receiving server writes into Authentication-Results,"
            + " e.g. mx.example.org (README: Security). Only where nobody"
            + " but staff can send mail as staff, write security.require-authenticated-sender:"
            + " false");
    require(
        trustedAuthservId != null || !requireAuthenticatedResearchers(),
        "security.require-authenticated-researchers is true but security.trusted-authserv-id"
            + " is not set: name the authserv-id your receiving server writes, e.g."
            + " mx.example.org");
  }
}
