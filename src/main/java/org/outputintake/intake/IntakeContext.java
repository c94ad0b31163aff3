package org.outputintake.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.outputintake.config.IntakeConfig;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.Workflow;

/** The collaborators every intake handler shares. */
public record IntakeContext(
    IntakeConfig config,
    Database db,
    RawStore files,
    TicketRepository tickets,
    Supplier<ProjectRegistry> registry,
    RequestReview review,
    ReplyComposer composer,
    Templates templates,
    LoopGuard loopGuard,
    SubjectParser subjects,
    Clock clock,
    IntakeEvents events,
    Workflow workflow) {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(IntakeContext.class);

  /**
   * Queues a reply unless its recipient cannot be used, or the reply cap ({@link ReplyCap}) stops a
   * runaway correspondent. A suppressed reply is audited on its ticket and logged at WARN, so it is
   * visible.
   *
   * @return whether the reply was queued
   */
  public boolean queueReply(Connection c, OutgoingMail mail, Instant now) throws SQLException {
    java.util.Optional<String> unusable = org.outputintake.mail.Addresses.problem(mail.to());
    if (unusable.isPresent()) {
      // never queue what cannot be sent: it would only become a dead letter
      AuditLog.append(
          c,
          mail.ticketId(),
          now,
          "system",
          "reply-not-queued",
          mail.kind() + ": recipient unusable (" + unusable.get() + ")");
      return false;
    }
    java.util.Optional<String> capped =
        new ReplyCap(config.replies().maxPerSenderPerHour()).suppress(c, mail, now);
    if (capped.isPresent()) {
      AuditLog.append(
          c, mail.ticketId(), now, "system", "reply-suppressed", mail.kind() + ": " + capped.get());
      LOG.warn(
          "reply {} to {} suppressed{}: {}",
          mail.kind(),
          org.outputintake.reply.OutboxSender.mask(mail.to()),
          mail.ticketId() == null ? "" : " on " + mail.ticketId(),
          capped.get());
      return false;
    }
    Outbox.enqueue(c, mail, now);
    AuditLog.append(
        c, mail.ticketId(), now, "system", "reply-queued", mail.kind() + " " + mail.messageId());
    return true;
  }
}
