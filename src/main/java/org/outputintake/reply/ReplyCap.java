package org.outputintake.reply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The loop breaker of last resort, for what the loop guard cannot recognise: a robot that looks
 * like a person. It applies only where such a robot can make the bot answer again and again:
 * replies tied to no ticket (a subject we could not read, a refusal) and answers to correspondence
 * on a ticket (still blocked, ticket closed). A named researcher's new request is always
 * acknowledged and keeps its ticket number, and officers' mail is never capped.
 */
public final class ReplyCap {
  /** Replies that answer correspondence rather than a submission or a staff action. */
  private static final Set<String> ANSWERS =
      Set.of("still-blocked", "ticket-closed-reply", "could-not-process");

  private final int perHour;

  public ReplyCap(int perHour) {
    this.perHour = perHour;
  }

  public boolean applies(OutgoingMail mail) {
    return mail.ticketId() == null || ANSWERS.contains(mail.kind());
  }

  /** Why this reply must not be queued, or empty when it may. */
  public Optional<String> suppress(Connection c, OutgoingMail mail, Instant now)
      throws SQLException {
    if (!applies(mail)) return Optional.empty();
    int recent = Outbox.countTo(c, mail.to(), now.minus(Duration.ofHours(1)));
    if (recent < perHour) return Optional.empty();
    return Optional.of(
        recent
            + " replies to this address in the last hour (cap "
            + perHour
            + ", replies.max-per-sender-per-hour)");
  }
}
