package org.outputintake.reply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.outputintake.store.DbTime;

/**
 * What the bot has already written, asked of the outbox: the caps and the duplicate alerts count
 * it, a bounce or a reply finds the email it answers in it. The outbox's own rows and their
 * delivery stay in {@link Outbox}.
 */
public final class SentReplies {
  private SentReplies() {}

  /**
   * The latest reply sent to this address since {@code since}, for a bounce that names no
   * Message-ID.
   */
  public static java.util.Optional<Outbox.Entry> latestTo(
      Connection c, String recipient, Instant since) throws SQLException {
    return Outbox.query(
            c,
            "SELECT * FROM outbox WHERE recipient = ? AND status = 'sent' AND sent_at >= ? "
                + "ORDER BY id DESC LIMIT 1",
            recipient.toLowerCase(java.util.Locale.ROOT),
            DbTime.of(since))
        .stream()
        .findFirst();
  }

  /**
   * The kind of reply ({@code request-refused}, ...) that went out with this Message-ID, if it was
   * ours.
   */
  public static java.util.Optional<String> kindOf(Connection c, String messageId)
      throws SQLException {
    try (var ps = c.prepareStatement("SELECT kind FROM outbox WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
      }
    }
  }

  /**
   * One of the bot's emails about a ticket, as someone answering it saw it.
   *
   * @param round the ticket's check round when it was written, or null when unknown (written before
   *     the round was recorded)
   * @param submission the message that brought the files it showed, or null
   */
  public record Shown(String messageId, String kind, Integer round, String submission) {}

  /**
   * The bot's email about {@code ticketId} that a reply answers: the nearest of {@code threadIds}
   * (In-Reply-To first, then References from the last) that the bot wrote about this ticket.
   */
  public static java.util.Optional<Shown> answered(
      Connection c, String ticketId, List<String> threadIds) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, round, submission FROM outbox WHERE message_id = ? AND ticket_id = ?")) {
      for (String id : threadIds) {
        ps.setString(1, id);
        ps.setString(2, ticketId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            int round = rs.getInt(2);
            return java.util.Optional.of(
                new Shown(id, rs.getString(1), rs.wasNull() ? null : round, rs.getString(3)));
          }
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * How many replies were written to this address since {@code since}: the per-sender cap counts
   * these.
   */
  public static int countTo(Connection c, String recipient, Instant since) throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND created_at >= ?",
        recipient.toLowerCase(java.util.Locale.ROOT),
        DbTime.of(since));
  }

  /** The same, counting only the replies written for one cause. */
  public static int countTo(Connection c, String recipient, ReplyCap.Cause cause, Instant since)
      throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM outbox WHERE recipient = ? AND cause = ? AND created_at >= ?",
        recipient.toLowerCase(java.util.Locale.ROOT),
        cause.db(),
        DbTime.of(since));
  }

  /**
   * How many mails of this kind and subject were written on the ticket since {@code since}: an
   * alert already sent about the same thing within the hour is not sent again.
   */
  public static int countOnTicket(
      Connection c, String ticketId, String kind, String subject, Instant since)
      throws SQLException {
    return count(
        c,
        "SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND kind = ? AND subject = ? "
            + "AND created_at >= ?",
        ticketId,
        kind,
        subject,
        DbTime.of(since));
  }

  private static int count(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
