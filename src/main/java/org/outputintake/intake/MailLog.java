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

/** The mail_message table: every email in, keyed by its idempotency key, with what became of it. */
public final class MailLog {
  /** A row as shown by {@code tickets show}. */
  public record Entry(String messageKey, String direction, String ticketId, String sender, String subject,
      String classification, String disposition, String reason, String rawSha256, Instant at) {}

  private MailLog() {}

  public static Optional<String> disposition(Connection c, String messageKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT disposition FROM mail_message WHERE message_key = ?")) {
      ps.setString(1, messageKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public static void record(Connection c, String key, InboundMessage m, String ticketId, String classification,
      String disposition, String reason, RawStore.Stored raw, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO mail_message(message_key, message_id, direction, ticket_id, sender, subject, classification,
          disposition, reason, raw_sha256, raw_size, at) VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
      ps.executeUpdate();
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
          out.add(new Entry(rs.getString("message_key"), rs.getString("direction"), rs.getString("ticket_id"),
              rs.getString("sender"), rs.getString("subject"), rs.getString("classification"),
              rs.getString("disposition"), rs.getString("reason"), rs.getString("raw_sha256"),
              DbTime.parse(rs.getString("at"))));
        }
      }
      return out;
    }
  }
}
