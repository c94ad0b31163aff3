package org.outputintake.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.store.DbTime;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;

/** The mail_message table: every email in, keyed by its idempotency key, with what became of it. */
public final class MailLog {
  /** A row as shown by {@code tickets show}. */
  public record Entry(
      String messageKey,
      String direction,
      String ticketId,
      String sender,
      String subject,
      String classification,
      String disposition,
      String reason,
      String rawSha256,
      Instant at) {}

  private MailLog() {}

  public static Optional<String> disposition(Connection c, String messageKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT disposition FROM mail_message WHERE message_key = ?")) {
      ps.setString(1, messageKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * An earlier email with a given Message-ID: its key, what became of it, and its content digest
   * (null before V6).
   */
  public record Seen(String messageKey, String disposition, String contentSha256) {}

  public static List<Seen> withMessageId(Connection c, String messageId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT message_key, disposition, content_sha256 FROM mail_message
        WHERE direction = 'in' AND (message_id = ? OR message_key = ?) ORDER BY id""")) {
      ps.setString(1, messageId);
      ps.setString(2, messageId);
      List<Seen> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new Seen(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
      return out;
    }
  }

  /**
   * Records an email in. When its key says it reuses another email's Message-ID, the reuse is
   * audited in the same transaction, on the ticket it went to.
   */
  public static void record(
      Connection c,
      String key,
      InboundMessage m,
      String ticketId,
      String classification,
      String disposition,
      String reason,
      RawStore.Stored raw,
      Instant at)
      throws SQLException {
    if (MessageKeys.isReuse(key)) {
      AuditLog.append(
          c,
          ticketId,
          at,
          "system",
          AuditType.Action.MESSAGE_ID_REUSED,
          m.messageId()
              + " was already used by a different email; this one is handled on its own as "
              + key);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO mail_message(message_key, message_id, direction, ticket_id, sender, subject, classification,
          disposition, reason, raw_sha256, raw_size, at, content_sha256)
        VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(message_key) DO NOTHING""")) {
      ps.setString(1, key);
      ps.setString(2, m == null ? null : m.messageId());
      ps.setString(3, ticketId);
      ps.setString(4, m == null ? null : m.from());
      ps.setString(5, m == null ? null : m.subject());
      ps.setString(6, classification);
      ps.setString(7, disposition);
      ps.setString(8, reason);
      ps.setString(9, raw.sha256());
      ps.setLong(10, raw.size());
      ps.setString(11, DbTime.of(at));
      ps.setString(12, m == null ? null : m.contentSha256());
      if (ps.executeUpdate() == 0) throw new AlreadyRecorded(key);
    }
  }

  /**
   * The email was recorded by another transaction after this one decided it was new (another
   * instance, or a poll running beside this one): the write is where the duplicate check holds, so
   * this transaction is rolled back and decides nothing.
   */
  public static final class AlreadyRecorded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    AlreadyRecorded(String key) {
      super("message " + key + " was recorded meanwhile by another writer");
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public static List<Entry> forTicket(Connection c, String ticketId) throws SQLException {
    return query(c, "SELECT * FROM mail_message WHERE ticket_id = ? ORDER BY id", ticketId);
  }

  public static List<Entry> withDisposition(Connection c, String disposition) throws SQLException {
    return query(c, "SELECT * FROM mail_message WHERE disposition = ? ORDER BY id", disposition);
  }

  private static List<Entry> query(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getString("message_key"),
                  rs.getString("direction"),
                  rs.getString("ticket_id"),
                  rs.getString("sender"),
                  rs.getString("subject"),
                  rs.getString("classification"),
                  rs.getString("disposition"),
                  rs.getString("reason"),
                  rs.getString("raw_sha256"),
                  DbTime.parse(rs.getString("at"))));
        }
      }
      return out;
    }
  }
}
