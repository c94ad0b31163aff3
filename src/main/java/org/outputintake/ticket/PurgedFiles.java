package org.outputintake.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a ticket's stored copies are kept and which were removed on purpose (an ingest's or
 * transfer's file refused for direct identifiers, and the raw email that carried it): the rows
 * stay, with when and why, while the bytes go. What {@code workflow.RefusedFiles} marks and sweeps,
 * and what {@code tickets show} and the archive tell.
 */
public final class PurgedFiles {
  private PurgedFiles() {}

  /** A file row whose bytes are still in the store, with the email that brought it. */
  public record KeptFile(
      long id,
      String originalName,
      String storedPath,
      long size,
      String sha256,
      String messageKey) {
    public KeptFile {
      java.util.Objects.requireNonNull(originalName, "originalName");
      java.util.Objects.requireNonNull(sha256, "sha256");
      java.util.Objects.requireNonNull(messageKey, "messageKey");
    }
  }

  /** The ticket's files whose bytes are still kept, oldest first. */
  public static List<KeptFile> keptFiles(Connection c, String ticketId) throws SQLException {
    return fileRows(c, ticketId, "purged_at IS NULL");
  }

  /** The ticket's files whose bytes were marked removed, oldest first. */
  public static List<KeptFile> purgedFiles(Connection c, String ticketId) throws SQLException {
    return fileRows(c, ticketId, "purged_at IS NOT NULL");
  }

  /** The hashes of the ticket's emails whose raw copies were marked removed. */
  public static List<String> purgedRawEmails(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT raw_sha256 FROM mail_message WHERE ticket_id = ? AND raw_purged_at IS NOT NULL"
                + " AND raw_sha256 IS NOT NULL")) {
      ps.setString(1, ticketId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static List<KeptFile> fileRows(Connection c, String ticketId, String purged)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, original_name, stored_path, size, sha256, message_key FROM attachment"
                + " WHERE ticket_id = ? AND "
                + purged
                + " ORDER BY id")) {
      ps.setString(1, ticketId);
      List<KeptFile> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(
              new KeptFile(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6)));
      }
      return out;
    }
  }

  /** Records that a file's bytes are gone; the row (name, size, SHA-256) stays. */
  public static void markPurged(Connection c, long attachmentId, String at, String reason)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE attachment SET purged_at = ?, purged_reason = ? WHERE id = ? AND purged_at IS NULL")) {
      ps.setString(1, at);
      ps.setString(2, reason);
      ps.setLong(3, attachmentId);
      ps.executeUpdate();
    }
  }

  /**
   * Every copy marked removed, on any ticket: the purged files' bytes and the purged emails' raw
   * copies, each with whether another record still needs those bytes.
   */
  public static List<PurgedCopy> purgedCopies(Connection c) throws SQLException {
    List<PurgedCopy> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT a.sha256, a.stored_path, EXISTS (SELECT 1 FROM attachment k"
                    + " WHERE k.sha256 = a.sha256 AND k.purged_at IS NULL) FROM attachment a"
                    + " WHERE a.purged_at IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next())
        out.add(
            new PurgedCopy(
                PurgedCopy.Kind.FILE, rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT m.raw_sha256, EXISTS (SELECT 1 FROM mail_message k"
                    + " WHERE k.raw_sha256 = m.raw_sha256 AND k.raw_purged_at IS NULL)"
                    + " FROM mail_message m WHERE m.raw_purged_at IS NOT NULL"
                    + " AND m.raw_sha256 IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next())
        out.add(new PurgedCopy(PurgedCopy.Kind.RAW_EMAIL, rs.getString(1), null, rs.getBoolean(2)));
    }
    return out;
  }

  /**
   * A stored copy marked removed.
   *
   * @param storedPath where the file was first written, if recorded
   * @param stillNeeded whether a record not removed holds the same bytes (they then stay)
   */
  public record PurgedCopy(Kind kind, String sha256, String storedPath, boolean stillNeeded) {
    public enum Kind {
      FILE,
      RAW_EMAIL
    }

    public PurgedCopy {
      java.util.Objects.requireNonNull(kind, "kind");
      java.util.Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Whether any ticket's file row still needs the bytes of that hash (the store dedupes). */
  public static boolean bytesStillNeeded(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM attachment WHERE sha256 = ? AND purged_at IS NULL")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Records that the raw copy of the email with that key is gone (the mail_message row and its hash
   * stay); returns its hash, or empty when there was none still kept.
   */
  public static java.util.Optional<String> markRawPurged(
      Connection c, String ticketId, String messageKey, String at) throws SQLException {
    String sha;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT raw_sha256 FROM mail_message WHERE ticket_id = ? AND message_key = ?"
                + " AND raw_purged_at IS NULL")) {
      ps.setString(1, ticketId);
      ps.setString(2, messageKey);
      try (ResultSet rs = ps.executeQuery()) {
        sha = rs.next() ? rs.getString(1) : null;
      }
    }
    if (sha == null) return java.util.Optional.empty();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mail_message SET raw_purged_at = ? WHERE ticket_id = ? AND message_key = ?")) {
      ps.setString(1, at);
      ps.setString(2, ticketId);
      ps.setString(3, messageKey);
      ps.executeUpdate();
    }
    return java.util.Optional.of(sha);
  }

  /** Whether another email recorded the same raw bytes and still keeps them. */
  public static boolean rawStillNeeded(Connection c, String rawSha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM mail_message WHERE raw_sha256 = ? AND raw_purged_at IS NULL")) {
      ps.setString(1, rawSha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A file whose bytes were removed on purpose, and why. */
  public record RemovedFile(String originalName, String sha256, String at, String reason) {}

  /** The files of one submission whose bytes were removed. */
  public static List<RemovedFile> removedFiles(Connection c, String ticketId, String messageKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT original_name, sha256, purged_at, purged_reason FROM attachment
        WHERE ticket_id = ? AND message_key = ? AND purged_at IS NOT NULL ORDER BY id""")) {
      ps.setString(1, ticketId);
      ps.setString(2, messageKey);
      List<RemovedFile> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(
              new RemovedFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
      return out;
    }
  }

  /** When the raw copy of that email was removed, if it was. */
  public static java.util.Optional<String> rawRemovedAt(
      Connection c, String ticketId, String messageKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT raw_purged_at FROM mail_message WHERE ticket_id = ? AND message_key = ?"
                + " AND raw_purged_at IS NOT NULL")) {
      ps.setString(1, ticketId);
      ps.setString(2, messageKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
      }
    }
  }
}
