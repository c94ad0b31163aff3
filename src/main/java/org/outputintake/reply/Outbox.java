package org.outputintake.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A row: the mail and its delivery state. */
  public record Entry(long id, OutgoingMail mail, int attempts, Instant createdAt, Instant sentAt, String lastError) {}

  private Outbox() {}

  public static void enqueue(Connection c, OutgoingMail m, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO outbox(message_id, ticket_id, kind, recipient, bcc, subject, body, in_reply_to, refs, attachments,
          created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, m.messageId());
      ps.setString(2, m.ticketId());
      ps.setString(3, m.kind());
      ps.setString(4, m.to().toLowerCase(java.util.Locale.ROOT));
      ps.setString(5, String.join(" ", m.bcc()));
      ps.setString(6, m.subject());
      ps.setString(7, m.body());
      ps.setString(8, m.inReplyTo());
      ps.setString(9, String.join(" ", m.references()));
      ps.setString(10, attachmentsJson(m.attachments()));
      ps.setString(11, DbTime.of(now));
      ps.setString(12, DbTime.of(now));
      ps.executeUpdate();
    }
  }

  public static List<Entry> due(Connection c, Instant now, int limit) throws SQLException {
    return query(c, "SELECT * FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?",
        DbTime.of(now), limit);
  }

  public static List<Entry> forTicket(Connection c, String ticketId) throws SQLException {
    return query(c, "SELECT * FROM outbox WHERE ticket_id = ? ORDER BY id", ticketId);
  }

  public static List<Entry> all(Connection c) throws SQLException {
    return query(c, "SELECT * FROM outbox ORDER BY id");
  }

  public static void markSent(Connection c, long id, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND sent_at IS NULL")) {
      ps.setString(1, DbTime.of(at));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  public static void markFailed(Connection c, long id, String error, Instant nextAttempt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")) {
      ps.setString(1, error);
      ps.setString(2, DbTime.of(nextAttempt));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** How many replies were written to this address since {@code since}: the per-sender cap counts these. */
  /** The kind of reply ({@code request-refused}, ...) that went out with this Message-ID, if it was ours. */
  public static java.util.Optional<String> kindOf(Connection c, String messageId) throws SQLException {
    try (var ps = c.prepareStatement("SELECT kind FROM outbox WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
      }
    }
  }

  public static int countTo(Connection c, String recipient, Instant since) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND created_at >= ?")) {
      ps.setString(1, recipient.toLowerCase(java.util.Locale.ROOT));
      ps.setString(2, DbTime.of(since));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static List<Entry> query(Connection c, String sql, Object... args) throws SQLException {
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
    OutgoingMail m = new OutgoingMail(rs.getString("message_id"), rs.getString("ticket_id"), rs.getString("kind"),
        rs.getString("recipient"), split(rs.getString("bcc")), rs.getString("subject"), rs.getString("body"),
        rs.getString("in_reply_to"), split(rs.getString("refs")), attachments(rs.getString("attachments")));
    String sent = rs.getString("sent_at");
    return new Entry(rs.getLong("id"), m, rs.getInt("attempts"), DbTime.parse(rs.getString("created_at")),
        sent == null ? null : Instant.parse(sent), rs.getString("last_error"));
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }

  private static String attachmentsJson(List<OutgoingMail.FileRef> refs) {
    try {
      return JSON.writeValueAsString(refs.stream()
          .map(r -> Map.of("name", r.name(), "path", r.path().toString(), "type", r.contentType())).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<OutgoingMail.FileRef> attachments(String json) {
    if (json == null || json.isBlank()) return List.of();
    try {
      List<Map<String, String>> list = JSON.readValue(json, new TypeReference<>() {});
      return list.stream().map(m -> new OutgoingMail.FileRef(m.get("name"), Path.of(m.get("path")), m.get("type")))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox attachments column is not valid JSON", e);
    }
  }
}
