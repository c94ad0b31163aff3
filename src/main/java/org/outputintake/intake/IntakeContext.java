package org.outputintake.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.outputintake.config.IntakeConfig;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketRepository;

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
    IntakeEvents events) {

  /**
   * Queues a reply unless the recipient has had {@code replies.max-per-sender-per-hour} already: a runaway
   * correspondent (or a robot that slipped past the loop guard) cannot make the bot flood anyone.
   *
   * @return whether the reply was queued
   */
  public boolean queueReply(Connection c, OutgoingMail mail, Instant now) throws SQLException {
    java.util.Optional<String> unusable = org.outputintake.mail.Addresses.problem(mail.to());
    if (unusable.isPresent()) {
      // never queue what cannot be sent: it would only become a dead letter
      AuditLog.append(c, mail.ticketId(), now, "system", "reply-not-queued",
          mail.kind() + ": recipient unusable (" + unusable.get() + ")");
      return false;
    }
    int recent = Outbox.countTo(c, mail.to(), now.minus(Duration.ofHours(1)));
    if (recent >= config.replies().maxPerSenderPerHour()) {
      AuditLog.append(c, mail.ticketId(), now, "system", "reply-suppressed",
          mail.kind() + ": " + recent + " replies to this sender in the last hour (cap "
              + config.replies().maxPerSenderPerHour() + ")");
      return false;
    }
    Outbox.enqueue(c, mail, now);
    AuditLog.append(c, mail.ticketId(), now, "system", "reply-queued", mail.kind() + " " + mail.messageId());
    return true;
  }
}
