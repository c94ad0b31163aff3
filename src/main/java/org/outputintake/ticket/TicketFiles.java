package org.outputintake.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.Severity;

/** The files and findings recorded on a ticket. */
public final class TicketFiles {
  /**
   * @param role {@code form}, {@code output} or {@code supporting}
   */
  public record StoredAttachment(
      String originalName,
      String storedPath,
      String mediaType,
      long size,
      String sha256,
      String role) {}

  public record StoredFinding(String file, Finding finding) {}

  private TicketFiles() {}

  public static void addAttachment(
      Connection c, String ticketId, String messageKey, StoredAttachment a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO attachment(ticket_id, message_key, original_name, stored_path, media_type, size, sha256, role)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, ticketId);
      ps.setString(2, messageKey);
      ps.setString(3, a.originalName());
      ps.setString(4, a.storedPath());
      ps.setString(5, a.mediaType());
      ps.setLong(6, a.size());
      ps.setString(7, a.sha256());
      ps.setString(8, a.role());
      ps.executeUpdate();
    }
  }

  public static void addFindings(
      Connection c, String ticketId, String messageKey, List<StoredFinding> findings)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO finding(ticket_id, message_key, file, code, severity, location, message, evidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
      for (StoredFinding sf : findings) {
        Finding f = sf.finding();
        ps.setString(1, ticketId);
        ps.setString(2, messageKey);
        ps.setString(3, sf.file());
        ps.setString(4, f.code());
        ps.setString(5, f.severity().label());
        ps.setString(6, f.location());
        ps.setString(7, f.message());
        ps.setString(8, f.evidence());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public static List<StoredAttachment> attachments(Connection c, String ticketId)
      throws SQLException {
    return attachmentRows(c, "WHERE ticket_id = ? ORDER BY id", ticketId);
  }

  /**
   * The messages that brought files or findings to the ticket (its submissions), oldest first, in
   * the order the emails were recorded. A clean revision stores files and no findings, and still
   * counts.
   */
  public static List<String> submissions(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT m.message_key FROM mail_message m WHERE m.ticket_id = ?
          AND (EXISTS (SELECT 1 FROM attachment a WHERE a.ticket_id = m.ticket_id AND a.message_key = m.message_key)
            OR EXISTS (SELECT 1 FROM finding f WHERE f.ticket_id = m.ticket_id AND f.message_key = m.message_key))
        ORDER BY m.id""")) {
      ps.setString(1, ticketId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    }
  }

  /** The message that brought the ticket's latest submission, if any came. */
  public static java.util.Optional<String> latestSubmissionKey(Connection c, String ticketId)
      throws SQLException {
    List<String> keys = submissions(c, ticketId);
    return keys.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(keys.get(keys.size() - 1));
  }

  /** Findings of the latest submission on the ticket: none when that submission was clean. */
  public static List<StoredFinding> latestFindings(Connection c, String ticketId)
      throws SQLException {
    List<String> keys = submissions(c, ticketId);
    return keys.isEmpty() ? List.of() : findings(c, ticketId, keys.get(keys.size() - 1));
  }

  /**
   * The files of the latest submission, in the order sent: what the officers checked, and so what
   * may be released.
   */
  public static List<StoredAttachment> latestSubmission(Connection c, String ticketId)
      throws SQLException {
    List<String> keys = submissions(c, ticketId);
    return keys.isEmpty() ? List.of() : attachments(c, ticketId, keys.get(keys.size() - 1));
  }

  /** The files one submission brought, in the order they were attached. */
  public static List<StoredAttachment> attachments(Connection c, String ticketId, String messageKey)
      throws SQLException {
    return attachmentRows(
        c, "WHERE ticket_id = ? AND message_key = ? ORDER BY id", ticketId, messageKey);
  }

  private static List<StoredAttachment> attachmentRows(Connection c, String where, String... args)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT original_name, stored_path, media_type, size, sha256, role FROM attachment "
                + where)) {
      for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
      List<StoredAttachment> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredAttachment(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return out;
    }
  }

  public static List<StoredFinding> findings(Connection c, String ticketId, String messageKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT file, code, severity, location, message, evidence FROM finding
        WHERE ticket_id = ? AND message_key = ? ORDER BY id""")) {
      ps.setString(1, ticketId);
      ps.setString(2, messageKey);
      List<StoredFinding> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredFinding(
                  rs.getString(1),
                  new Finding(
                      rs.getString(2),
                      Severity.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6))));
        }
      }
      return out;
    }
  }

  /** The findings that block the request, by the email they came with: they name no file row. */
  public static List<StoredFinding> requestFindings(Connection c, String ticketId, String key)
      throws SQLException {
    return findings(c, ticketId, key).stream().filter(f -> f.file() == null).toList();
  }

  /** Whose a ticket is and of which kind: what decides whether its refused files are kept. */
  public record Requester(RequestKind kind, String researcher) {
    public Requester {
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(researcher, "researcher");
    }
  }

  public static java.util.Optional<Requester> requester(Connection c, String ticketId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT kind, researcher FROM ticket WHERE id = ?")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.of(
                new Requester(RequestKind.stored(rs.getString(1)), rs.getString(2)))
            : java.util.Optional.empty();
      }
    }
  }
}
