package org.outputintake.reply;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The loop breaker of last resort, for what the loop guard cannot recognise: a robot that looks
 * like a person. It applies only where such a robot can make the bot answer again and again:
 * replies tied to no ticket (a subject we could not read, a refusal), answers to correspondence on
 * a ticket (still blocked, ticket closed) and answers to staff mail that gave no command (the help,
 * where to write). A named researcher's new request is always acknowledged and keeps its ticket
 * number, and a staff member's command is always answered, whatever the count.
 */
public final class ReplyCap {
  /** Replies that answer correspondence rather than a submission or a staff action. */
  private static final Set<String> ANSWERS =
      Set.of("still-blocked", "ticket-closed-reply", "could-not-process");

  /** What made the bot write a mail, as far as the cap is concerned. */
  public enum Cause {
    /**
     * A staff member's command ({@code #help}, {@code #next} and a mistyped command included): its
     * answer is never held back, since an officer who gave a command must hear what became of it.
     */
    STAFF_COMMAND,
    /**
     * Staff mail with no command at all (the help, where to write): what an officer's
     * auto-responder that looks like a person gets, so held back past the cap, counting only these
     * answers to the address, so a busy officer's confirmations never use up her help.
     */
    STAFF_WITHOUT_COMMAND,
    /** Anything else: held back past the cap when tied to no ticket or answering correspondence. */
    OTHER;

    /** As stored in the outbox's {@code cause} column. */
    public String db() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Help to staff mail without a command, per address and hour, at most: a person needs the list of
   * commands once, and an officer's auto-responder that looks like a person gets only a handful
   * before silence.
   */
  public static final int STAFF_HELP_PER_HOUR = 3;

  private final int perHour;

  public ReplyCap(int perHour) {
    this.perHour = perHour;
  }

  public boolean applies(OutgoingMail mail, Cause cause) {
    return switch (cause) {
      case STAFF_COMMAND -> false;
      case STAFF_WITHOUT_COMMAND -> true;
      case OTHER -> mail.ticketId() == null || ANSWERS.contains(mail.kind());
    };
  }

  /** Why this reply must not be queued, or empty when it may. */
  public Optional<String> suppress(Connection c, OutgoingMail mail, Cause cause, Instant now)
      throws SQLException {
    if (!applies(mail, cause)) return Optional.empty();
    Instant since = now.minus(Duration.ofHours(1));
    int recent =
        cause == Cause.STAFF_WITHOUT_COMMAND
            ? SentReplies.countTo(c, mail.to(), cause, since)
            : SentReplies.countTo(c, mail.to(), since);
    int cap =
        cause == Cause.STAFF_WITHOUT_COMMAND ? Math.min(perHour, STAFF_HELP_PER_HOUR) : perHour;
    if (recent < cap) return Optional.empty();
    return Optional.of(
        recent
            + (cause == Cause.STAFF_WITHOUT_COMMAND
                ? " answers to mail without a command"
                : " replies")
            + " to this address in the last hour (cap "
            + cap
            + (cap == perHour
                ? ", replies.max-per-sender-per-hour)"
                : ": help to staff mail without a command)"));
  }
}
