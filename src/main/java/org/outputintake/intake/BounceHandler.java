package org.outputintake.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outputintake.mail.BounceReader;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.SentReplies;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A delivery status notification for one of our replies. It marks that reply {@code bounced}, is
 * stored on the reply's ticket, and is never answered: answering a bounce is how mail loops start.
 *
 * <p>Anyone can write a bounce, quoting any Message-ID of ours they were sent. So a bounce counts
 * only for the recipient the reply went to (it must name that address as failed), and it is kept as
 * what it is, a report: "bounce reported by ...", never proof that the mail did not arrive.
 */
final class BounceHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BounceHandler.class);

  /**
   * A bounce that names no Message-ID is matched to the latest reply to a failed recipient within
   * this window.
   */
  private static final Duration RECENT = Duration.ofDays(7);

  private final IntakeContext ctx;

  BounceHandler(IntakeContext ctx) {
    this.ctx = ctx;
  }

  IntakeService.Outcome handle(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      BounceReader.Bounce bounce,
      Optional<Ticket> threadTicket) {
    Instant now = ctx.clock().instant();
    String ticketId =
        ctx.db()
            .inTransaction(
                c -> {
                  List<Outbox.Entry> rows =
                      new ArrayList<>(Outbox.byMessageIds(c, bounce.originalMessageIds()));
                  if (rows.isEmpty()) {
                    for (String r : bounce.failedRecipients()) {
                      SentReplies.latestTo(c, r, now.minus(RECENT)).ifPresent(rows::add);
                    }
                  }
                  String ticket = threadTicket.map(t -> t.id().toString()).orElse(null);
                  int before = rows.size();
                  rows.removeIf(e -> !names(bounce, e.mail().to()));
                  int otherRecipient = before - rows.size();
                  String reported =
                      "bounce reported by "
                          + OutboxSender.mask(m.from())
                          + " (not verified): "
                          + bounce.summary();
                  for (Outbox.Entry e : rows) {
                    if (ticket == null) ticket = e.mail().ticketId();
                    if (Outbox.markBounced(c, e.id(), reported, now)) {
                      AuditLog.append(
                          c,
                          e.mail().ticketId(),
                          now,
                          "system",
                          AuditType.Action.EMAIL_BOUNCED,
                          e.mail().kind()
                              + " "
                              + e.mail().messageId()
                              + " to "
                              + OutboxSender.mask(e.mail().to())
                              + ": "
                              + bounce.summary());
                    }
                  }
                  String detail =
                      rows.isEmpty()
                          ? (otherRecipient > 0
                                  ? "bounce quoting a reply of ours but not naming its recipient,"
                                      + " not marked: "
                                  : "bounce for no reply of ours: ")
                              + bounce.summary()
                          : "bounce for "
                              + rows.size()
                              + " repl"
                              + (rows.size() == 1 ? "y" : "ies")
                              + ": "
                              + bounce.summary();
                  MailLog.record(c, key, m, ticket, "bounce", "processed", detail, raw, now);
                  AuditLog.append(
                      c,
                      ticket,
                      now,
                      String.valueOf(m.from()),
                      AuditType.Action.EMAIL_RECEIVED,
                      "bounce " + key);
                  return ticket;
                });
    LOG.warn("bounce reported{}: {}", ticketId == null ? "" : " on " + ticketId, bounce.summary());
    return new IntakeService.Outcome(
        IntakeService.Disposition.PROCESSED, ticketId, "bounce: " + bounce.summary());
  }

  private static boolean names(BounceReader.Bounce bounce, String recipient) {
    return recipient != null
        && bounce.failedRecipients().stream().anyMatch(r -> r.equalsIgnoreCase(recipient));
  }
}
