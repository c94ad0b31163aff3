package org.outputintake.reply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.outputintake.store.DbTime;

/** The outbox table: replies waiting to be sent, and the record of those sent. */
public final class Outbox {
  /** Where a reply is in its delivery. */
  public enum Status {
    PENDING,
    SENT,
    FAILED,
    BOUNCED;

    public String db() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String s) {
      return s == null ? PENDING : valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * A row: the mail and its delivery state.
   *
   * @param since when the give-up age starts: when it was written, or when an operator last asked
   *     for a retry
   */
  public record Entry(
      long id,
      OutgoingMail mail,
      int attempts,
      Instant createdAt,
      Instant sentAt,
      String lastError,
      Status status,
      Instant since,
      Instant nextAttemptAt) {
    public Entry(
        long id,
        OutgoingMail mail,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        String lastError) {
      this(
          id,
          mail,
          attempts,
          createdAt,
          sentAt,
          lastError,
          sentAt == null ? Status.PENDING : Status.SENT,
          createdAt,
          createdAt);
    }
  }

  private Outbox() {}

  /**
   * Writes the mail; one about a ticket also records the check round and submission the ticket is
   * at now, which is what the mail showed (see {@link #answered}).
   */
  public static void enqueue(Connection c, OutgoingMail m, Instant now) throws SQLException {
    enqueue(c, m, ReplyCap.Cause.OTHER, now);
  }

  /**
   * @param cause what made the bot write it, kept so that the reply cap can count the answers to
   *     staff mail without a command apart from the rest
   */
  public static void enqueue(Connection c, OutgoingMail m, ReplyCap.Cause cause, Instant now)
      throws SQLException {
    String submission =
        m.ticketId() == null
            ? null
            : org.outputintake.ticket.TicketFiles.latestSubmissionKey(c, m.ticketId()).orElse(null);
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO outbox(message_id, ticket_id, kind, recipient, bcc, subject, body, in_reply_to, refs, attachments,
          created_at, next_attempt_at, html, inline_images, cause, round, submission, sender)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT round FROM ticket WHERE id = ?), ?, ?)""")) {
      ps.setString(1, m.messageId());
      ps.setString(2, m.ticketId());
      ps.setString(3, m.kind());
      ps.setString(4, m.to().toLowerCase(java.util.Locale.ROOT));
      ps.setString(5, String.join(" ", m.bcc()));
      ps.setString(6, m.subject());
      ps.setString(7, m.body());
      ps.setString(8, m.inReplyTo());
      ps.setString(9, String.join(" ", m.references()));
      ps.setString(10, OutboxColumns.attachmentsJson(m.attachments()));
      ps.setString(11, DbTime.of(now));
      ps.setString(12, DbTime.of(now));
      ps.setString(13, m.html());
      ps.setString(
          14, m.inlineImages().isEmpty() ? null : OutboxColumns.inlineJson(m.inlineImages()));
      ps.setString(15, cause.db());
      ps.setString(16, m.ticketId());
      ps.setString(17, submission);
      ps.setString(18, m.from());
      ps.executeUpdate();
    }
  }

  public static List<Entry> due(Connection c, Instant now, int limit) throws SQLException {
    return due(c, now, 0, limit);
  }

  /**
   * Pending rows due by {@code now} with an id above {@code afterId}, oldest first: one page of an
   * outbox pass.
   */
  public static List<Entry> due(Connection c, Instant now, long afterId, int limit)
      throws SQLException {
    return query(
        c,
        "SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND id > ? "
            + "ORDER BY id LIMIT ?",
        DbTime.of(now),
        afterId,
        limit);
  }

  /** Dead letters, oldest first. */
  public static List<Entry> failed(Connection c) throws SQLException {
    return query(c, "SELECT * FROM outbox WHERE status = 'failed' ORDER BY id");
  }

  public static java.util.Optional<Entry> find(Connection c, long id) throws SQLException {
    return query(c, "SELECT * FROM outbox WHERE id = ?", id).stream().findFirst();
  }

  /** Rows carrying one of these Message-IDs (a bounce names the reply it is about this way). */
  public static List<Entry> byMessageIds(Connection c, java.util.Collection<String> ids)
      throws SQLException {
    List<Entry> out = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(ids))
      out.addAll(query(c, "SELECT * FROM outbox WHERE message_id = ?", id));
    return out;
  }

  /** Counts by status, for the log and the digests. */
  public static Map<Status, Integer> counts(Connection c) throws SQLException {
    Map<Status, Integer> out = new java.util.EnumMap<>(Status.class);
    try (PreparedStatement ps =
            c.prepareStatement("SELECT status, COUNT(*) FROM outbox GROUP BY status");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(Status.of(rs.getString(1)), rs.getInt(2));
    }
    return out;
  }

  /** A dead letter: never picked up again unless an operator asks ({@link #retry}). */
  public static void markDead(Connection c, long id, String error, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, "
                + "last_error = ?, failed_at = ? WHERE id = ? AND status = 'pending'")) {
      ps.setString(1, error);
      ps.setString(2, DbTime.of(at));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * The server was in trouble while this row was tried: say so on the row, without counting it
   * against it.
   */
  public static void noteServerError(Connection c, long id, String error) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE outbox SET last_error = ? WHERE id = ?")) {
      ps.setString(1, error);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /**
   * An operator's resend of a dead letter: pending again at once, its give-up age starting afresh.
   */
  public static boolean retry(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, "
                + "retried_at = ?, attempts = 0, failed_at = NULL WHERE id = ? AND status = 'failed'")) {
      ps.setString(1, DbTime.of(now));
      ps.setString(2, DbTime.of(now));
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** A delivery status notification came back for a sent (or still pending) reply. */
  public static boolean markBounced(Connection c, long id, String detail, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET status = 'bounced', bounced_at = ?, "
                + "last_error = ? WHERE id = ? AND status IN ('sent', 'pending', 'failed')")) {
      ps.setString(1, DbTime.of(at));
      ps.setString(2, detail);
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  public static List<Entry> forTicket(Connection c, String ticketId) throws SQLException {
    return query(c, "SELECT * FROM outbox WHERE ticket_id = ? ORDER BY id", ticketId);
  }

  public static List<Entry> all(Connection c) throws SQLException {
    return query(c, "SELECT * FROM outbox ORDER BY id");
  }

  /**
   * Claims a pending row for {@code owner} until {@code until}: true when it is theirs now (free,
   * its lease run out, already theirs, or held by an instance whose heartbeat stopped before {@code
   * silentSince}). Only the process holding the claim sends the row.
   *
   * <p>An instance killed mid-pass held its page of rows for the whole claim; its heartbeat (see
   * {@code store.Instances}) says it died long before that runs out, so its replies leave within
   * the takeover time, as its mailbox does. A command line's claims are no instance's, and only run
   * out.
   */
  public static boolean claim(
      Connection c, long id, String owner, Instant now, Instant until, Instant silentSince)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'pending'"
                + " AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?"
                + " OR claimed_by IN (SELECT id FROM instance WHERE heartbeat < ?))")) {
      ps.setString(1, owner);
      ps.setString(2, DbTime.of(until));
      ps.setLong(3, id);
      ps.setString(4, DbTime.of(now));
      ps.setString(5, owner);
      ps.setString(6, DbTime.of(silentSince));
      return ps.executeUpdate() == 1;
    }
  }

  /** Whether {@code owner} still holds this row, unsent. */
  public static boolean heldBy(Connection c, long id, String owner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM outbox WHERE id = ? AND claimed_by = ? AND status = 'pending'")) {
      ps.setLong(1, id);
      ps.setString(2, owner);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Frees the pending rows {@code owner} holds, so another process need not wait for the lease. */
  public static void release(Connection c, String owner) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE claimed_by = ? AND status = 'pending'")) {
      ps.setString(1, owner);
      ps.executeUpdate();
    }
  }

  public static void markSent(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                + "WHERE id = ? AND sent_at IS NULL")) {
      ps.setString(1, DbTime.of(at));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** A temporary refusal of this message: tried again at {@code nextAttempt}. */
  public static void markFailed(Connection c, long id, String error, Instant nextAttempt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
      ps.setString(1, error);
      ps.setString(2, DbTime.of(nextAttempt));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  static List<Entry> query(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(map(rs));
      }
      return out;
    }
  }

  private static Entry map(ResultSet rs) throws SQLException {
    OutgoingMail m =
        new OutgoingMail(
            rs.getString("message_id"),
            rs.getString("ticket_id"),
            rs.getString("kind"),
            rs.getString("recipient"),
            split(rs.getString("bcc")),
            rs.getString("subject"),
            rs.getString("body"),
            rs.getString("in_reply_to"),
            split(rs.getString("refs")),
            OutboxColumns.attachments(rs.getString("attachments")),
            rs.getString("html"),
            OutboxColumns.inline(rs.getString("inline_images")),
            rs.getString("sender"));
    String sent = rs.getString("sent_at");
    Instant created = DbTime.parse(rs.getString("created_at"));
    String retried = rs.getString("retried_at");
    return new Entry(
        rs.getLong("id"),
        m,
        rs.getInt("attempts"),
        created,
        sent == null ? null : Instant.parse(sent),
        rs.getString("last_error"),
        Status.of(rs.getString("status")),
        retried == null ? created : DbTime.parse(retried),
        DbTime.parse(rs.getString("next_attempt_at")));
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }
}
