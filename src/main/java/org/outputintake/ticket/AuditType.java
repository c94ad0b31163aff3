package org.outputintake.ticket;

import java.util.Objects;
import java.util.Optional;

/**
 * What an audit event records. {@link #code()} is what {@code audit_event.type} holds, so rows
 * written by earlier versions read the same: a state entered is {@code state-NAME}, anything else
 * one of the {@link Action} codes.
 */
public sealed interface AuditType {
  /** The string stored in the trail and shown to staff. */
  String code();

  /** Everything the trail records that is not a state change. */
  enum Action implements AuditType {
    ALERT_COALESCED("alert-coalesced"),
    TICKET_REOPENED("ticket-reopened"),
    DISAGREEMENT_ESCALATED("disagreement-escalated"),
    DECIDER_ASSIGNED("decider-assigned"),
    CHECKER_ASSIGNED("checker-assigned"),
    ARCHIVED("archived"),
    ARCHIVE_FAILED("archive-failed"),
    ATTACHMENT_CHANGED("attachment-changed"),
    CHECKER_ADDED("checker-added"),
    CHECKER_DROPPED("checker-dropped"),
    CHASED("chased"),
    CHECKER_UNASSIGNED("checker-unassigned"),
    COMMAND("command"),
    COMMAND_HELP("command-help"),
    COMMAND_REFUSED("command-refused"),
    DIGEST_QUEUED("digest-queued"),
    EMAIL_BOUNCED("email-bounced"),
    EMAIL_FAILED("email-failed"),
    EMAIL_FOR_STAFF("email-for-staff"),
    EMAIL_IGNORED("email-ignored"),
    EMAIL_PART_UNREADABLE("email-part-unreadable"),
    EMAIL_RECEIVED("email-received"),
    EMAIL_RETRY("email-retry"),
    EMAIL_SENT("email-sent"),
    EMAIL_UNAUTHENTICATED("email-unauthenticated"),
    FILE_PURGED("file-purged"),
    MESSAGE_ID_REUSED("message-id-reused"),
    NOTE_ADDED("note-added"),
    OUTSIDER_MAIL("outsider-mail"),
    OWNER_APPROVE("owner-approve"),
    OWNER_DENY("owner-deny"),
    QUARANTINED("quarantined"),
    REPLY_NOT_QUEUED("reply-not-queued"),
    REPLY_QUEUED("reply-queued"),
    REPLY_SENT("reply-sent"),
    REPLY_SUPPRESSED("reply-suppressed"),
    REQUEST_REFUSED("request-refused"),
    STAFF_MAIL_NO_TICKET("staff-mail-no-ticket"),
    SUBJECT_REJECTED("subject-rejected"),
    TICKET_CREATED("ticket-created"),
    VERDICT_COPIED("verdict-copied"),
    VERDICT_GIVEN("verdict-given");

    private final String code;

    Action(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** A ticket entered a state; written only with the change itself ({@link TicketRepository}). */
  record StateEntered(TicketState.Kind state) implements AuditType {
    static final String PREFIX = "state-";

    public StateEntered {
      Objects.requireNonNull(state, "state");
    }

    @Override
    public String code() {
      return PREFIX + state.stored();
    }

    /**
     * The state a stored code says was entered; empty for any other event, and for a state name
     * this version does not know (the row is kept, not misread).
     */
    public static Optional<TicketState.Kind> parse(String code) {
      if (code == null || !code.startsWith(PREFIX)) return Optional.empty();
      return TicketState.Kind.of(code.substring(PREFIX.length()));
    }
  }
}
