package org.outputintake.reply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a reply enters the outbox: never for a recipient that cannot be used (it would only
 * become a dead letter), never past the reply cap, and always with its audit event, so that what
 * was held back is as visible as what was sent.
 */
public final class ReplyQueue {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyQueue.class);

  /** What became of a reply: the caller's log line says this, never "answered" regardless. */
  public enum Result {
    QUEUED("answered"),
    RECIPIENT_UNUSABLE("not answered: the address cannot be used"),
    SUPPRESSED("not answered: reply cap (replies.max-per-sender-per-hour)");

    private final String said;

    Result(String said) {
      this.said = said;
    }

    public boolean queued() {
      return this == QUEUED;
    }

    /** For a log line or summary: "answered", or why not. */
    public String said() {
      return said;
    }
  }

  private final ReplyCap cap;
  private final Function<String, Optional<String>> recipientProblem;

  /**
   * @param recipientProblem why an address cannot be mailed, or empty when it can (the mail
   *     adapter's rule)
   */
  public ReplyQueue(int capPerHour, Function<String, Optional<String>> recipientProblem) {
    this.cap = new ReplyCap(capPerHour);
    this.recipientProblem = recipientProblem;
  }

  public Result queue(Connection c, OutgoingMail mail, ReplyCap.Cause cause, Instant now)
      throws SQLException {
    Optional<String> unusable = recipientProblem.apply(mail.to());
    if (unusable.isPresent()) {
      AuditLog.append(
          c,
          mail.ticketId(),
          now,
          "system",
          AuditType.Action.REPLY_NOT_QUEUED,
          mail.kind() + ": recipient unusable (" + unusable.get() + ")");
      return Result.RECIPIENT_UNUSABLE;
    }
    Optional<String> capped = cap.suppress(c, mail, cause, now);
    if (capped.isPresent()) {
      AuditLog.append(
          c,
          mail.ticketId(),
          now,
          "system",
          AuditType.Action.REPLY_SUPPRESSED,
          mail.kind() + ": " + capped.get());
      LOG.warn(
          "reply {} to {} suppressed{}: {}",
          mail.kind(),
          OutboxSender.mask(mail.to()),
          mail.ticketId() == null ? "" : " on " + mail.ticketId(),
          capped.get());
      return Result.SUPPRESSED;
    }
    Outbox.enqueue(c, mail, cause, now);
    AuditLog.append(
        c,
        mail.ticketId(),
        now,
        "system",
        AuditType.Action.REPLY_QUEUED,
        mail.kind() + " " + mail.messageId());
    return Result.QUEUED;
  }
}
