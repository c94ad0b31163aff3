package org.outputintake.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;

/**
 * What an email that changes no ticket leaves behind: its mail-log row, one audit event and at most
 * one reply, written together so that none is ever recorded without the others.
 *
 * @param ticketId the ticket the email is stored on, or null
 * @param reason the mail log's note on it, or null
 * @param summary what the poll's outcome says of it
 */
record Receipt(
    String ticketId,
    String classification,
    String disposition,
    String reason,
    AuditType.Action action,
    String auditDetail,
    Optional<OutgoingMail> reply,
    String summary) {

  Receipt {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(auditDetail, "auditDetail");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(summary, "summary");
  }

  /** Writes the receipt in one transaction; the email counts as processed. */
  IntakeService.Outcome settle(
      IntakeContext ctx, InboundMessage m, String key, RawStore.Stored raw, Instant now) {
    ctx.db()
        .inTransaction(
            c -> {
              MailLog.record(c, key, m, ticketId, classification, disposition, reason, raw, now);
              AuditLog.append(c, ticketId, now, String.valueOf(m.from()), action, auditDetail);
              if (reply.isPresent()) ctx.queueReply(c, reply.get(), now);
              return null;
            });
    return new IntakeService.Outcome(IntakeService.Disposition.PROCESSED, ticketId, summary);
  }
}
