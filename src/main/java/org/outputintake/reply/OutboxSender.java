package org.outputintake.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.outputintake.store.Database;
import org.outputintake.ticket.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows and marks them sent. A failed send is retried with exponential backoff (5 s doubling to at
 * most 15 minutes), so an SMTP outage delays replies but loses none. A crash between the send and the mark can
 * resend a reply; it carries the same Message-ID, so it is recognised as the same message.
 */
public final class OutboxSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY = Duration.ofMinutes(15);
  private final Database db;
  private final SendMailPort smtp;
  private final Clock clock;
  private final Consumer<OutgoingMail> onSent;

  public OutboxSender(Database db, SendMailPort smtp, Clock clock, Consumer<OutgoingMail> onSent) {
    this.db = db;
    this.smtp = smtp;
    this.clock = clock;
    this.onSent = onSent;
  }

  /**
   * Sends what is due; returns how many were sent. Stops at the first failure: the server is likely down.
   * Synchronized so the scheduled run and a post-poll run never pick the same row.
   */
  public synchronized int sendDue() {
    List<Outbox.Entry> due = db.read(c -> Outbox.due(c, clock.instant(), 100));
    try {
      return send(due);
    } finally {
      smtp.endBatch();
    }
  }

  private int send(List<Outbox.Entry> due) {
    int sent = 0;
    for (Outbox.Entry e : due) {
      try {
        smtp.send(e.mail());
      } catch (Exception ex) {
        Instant next = clock.instant().plus(backoff(e.attempts()));
        String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        LOG.warn("sending {} to {} failed (attempt {}), retrying at {}: {}", e.mail().kind(), mask(e.mail().to()),
            e.attempts() + 1, next, error);
        db.inTransaction(c -> {
          Outbox.markFailed(c, e.id(), error, next);
          return null;
        });
        break;
      }
      Instant now = clock.instant();
      db.inTransaction(c -> {
        Outbox.markSent(c, e.id(), now);
        AuditLog.append(c, e.mail().ticketId(), now, "system", "email-sent",
            e.mail().kind() + " " + e.mail().messageId());
        return null;
      });
      sent++;
      LOG.info("sent {} {} to {}", e.mail().kind(), e.mail().messageId(), mask(e.mail().to()));
      onSent.accept(e.mail());
    }
    return sent;
  }

  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 20));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  /**
   * Addresses in logs keep the domain and the first letter only: unlike identifiers in outputs ({@code Mask}),
   * an operator needs the domain to tell which institution's mail is failing.
   */
  public static String mask(String address) {
    if (address == null) return "(none)";
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
