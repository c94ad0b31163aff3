package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;

/**
 * The workflow's tables: checkers, verdicts, notes and the release record (the data owners'
 * decisions are {@link OwnerDecision}'s). Blindness is a rule here, on the data: {@link
 * #revealedVerdicts} is the only way mail composition reads another checker's verdict, and it
 * returns nothing until both verdicts of the round exist.
 */
public final class WorkflowStore {
  public record Verdict(String officer, int round, boolean pass, String notes, Instant at) {}

  public record Note(String author, String kind, String text, Instant at) {}

  public record Release(
      Instant at,
      String by,
      String recipient,
      String blindCopy,
      String filesJson,
      String messageId) {}

  /**
   * The number of checkers a ticket takes and of verdicts a round needs before they are revealed:
   * {@code workflow.checkers} for the ticket's kind (an output is checked by two officers
   * independently, seed 002 section 3). The one home of that rule: with one checker a round is
   * decided, and revealed, by its only verdict, so blindness and disagreement cannot arise.
   */
  public static int checksNeeded(WorkflowSettings.Checkers counts, Ticket t) {
    return counts.of(t.kind().code());
  }

  private WorkflowStore() {}

  // ---- checkers

  public static List<String> checkers(Connection c, String ticketId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT officer FROM checker WHERE ticket_id = ? ORDER BY taken_at, officer")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  public static void addChecker(Connection c, String ticketId, String officer, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO checker(ticket_id, officer, taken_at) VALUES (?, ?, ?)")) {
      ps.setString(1, ticketId);
      ps.setString(2, officer);
      ps.setString(3, DbTime.of(at));
      ps.executeUpdate();
    }
  }

  public static void removeChecker(Connection c, String ticketId, String officer)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM checker WHERE ticket_id = ? AND officer = ?")) {
      ps.setString(1, ticketId);
      ps.setString(2, officer);
      ps.executeUpdate();
    }
  }

  /** When the ticket last joined the queue: its place in the order of receipt. */
  public static Optional<Instant> queuedAt(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT queued_at FROM ticket WHERE id = ?")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        String at = rs.next() ? rs.getString(1) : null;
        return at == null ? Optional.empty() : Optional.of(DbTime.parse(at));
      }
    }
  }

  /**
   * Open tickets that need a checker, oldest in the queue first (tickets are actioned in order of
   * receipt): queued or being checked with fewer checkers than its kind takes, so a ticket one
   * checker dropped is offered again beside those nobody has taken.
   */
  public static List<String> needingChecker(
      Connection c, int limit, WorkflowSettings.Checkers counts) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT id FROM ticket t WHERE state IN ('queued', 'checking')
          AND (SELECT COUNT(*) FROM checker k WHERE k.ticket_id = t.id)
            < CASE t.kind WHEN ? THEN ? WHEN ? THEN ? ELSE ? END
        ORDER BY queued_at, number LIMIT ?""")) {
      ps.setString(1, RequestKind.INGEST.code());
      ps.setInt(2, counts.ingest());
      ps.setString(3, RequestKind.TRANSFER.code());
      ps.setInt(4, counts.transfer());
      ps.setInt(5, counts.output());
      ps.setInt(6, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * 1-based position in the queue (queued tickets, oldest first), or 0 when the ticket is not
   * queued.
   */
  public static int queuePosition(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT COUNT(*) FROM ticket q, ticket t WHERE t.id = ? AND t.state = 'queued' AND q.state = 'queued'
          AND (q.queued_at < t.queued_at OR (q.queued_at = t.queued_at AND q.number <= t.number))""")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  // ---- verdicts

  public static void addVerdict(
      Connection c,
      String ticketId,
      int round,
      String officer,
      boolean pass,
      String notes,
      Instant at,
      String messageKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO verdict(ticket_id, round, officer, verdict, notes, at, message_key) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, ticketId);
      ps.setInt(2, round);
      ps.setString(3, officer);
      ps.setString(4, pass ? "pass" : "fail");
      ps.setString(5, notes);
      ps.setString(6, DbTime.of(at));
      ps.setString(7, messageKey);
      ps.executeUpdate();
    }
  }

  /**
   * This officer's own verdict in the round: the only verdict an officer may see before both are
   * in.
   */
  public static Optional<Verdict> ownVerdict(
      Connection c, String ticketId, int round, String officer) throws SQLException {
    return verdicts(c, ticketId, round).stream()
        .filter(v -> v.officer().equals(officer))
        .findFirst();
  }

  /**
   * How many verdicts the ticket's current round takes: its checkers', and a deciding checker's
   * when a manager assigned one after they disagreed.
   */
  public static int verdictsExpected(Connection c, Ticket t, WorkflowSettings.Checkers counts)
      throws SQLException {
    return checksNeeded(counts, t)
        + (DecidingChecker.of(c, t.idText(), t.round()).isPresent() ? 1 : 0);
  }

  /** How many verdicts the round has, without their content. */
  public static int verdictCount(Connection c, String ticketId, int round) throws SQLException {
    return verdicts(c, ticketId, round).size();
  }

  /**
   * Every checker's verdict of the round, or empty while fewer exist than the ticket takes: the
   * blindness rule.
   */
  public static Optional<List<Verdict>> revealedVerdicts(
      Connection c, Ticket t, int round, WorkflowSettings.Checkers counts) throws SQLException {
    List<Verdict> all = verdicts(c, t.idText(), round);
    return all.size() >= checksNeeded(counts, t) ? Optional.of(all) : Optional.empty();
  }

  /**
   * Whether some round of the ticket holds fewer verdicts than it takes: one another checker must
   * not see.
   */
  public static boolean hasLoneVerdict(Connection c, Ticket t, WorkflowSettings.Checkers counts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT 1 FROM verdict WHERE ticket_id = ? GROUP BY round HAVING COUNT(*) < ?""")) {
      ps.setString(1, t.idText());
      ps.setInt(2, checksNeeded(counts, t));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every round's verdicts whose round is complete (all in), for {@code tickets show}. */
  public static List<Verdict> revealedHistory(
      Connection c, Ticket t, WorkflowSettings.Checkers counts) throws SQLException {
    List<Verdict> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT round FROM verdict WHERE ticket_id = ? ORDER BY round")) {
      ps.setString(1, t.idText());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) revealedVerdicts(c, t, rs.getInt(1), counts).ifPresent(out::addAll);
      }
    }
    return out;
  }

  private static List<Verdict> verdicts(Connection c, String ticketId, int round)
      throws SQLException {
    List<Verdict> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT officer, round, verdict, notes, at FROM verdict WHERE ticket_id = ? AND round = ? ORDER BY id")) {
      ps.setString(1, ticketId);
      ps.setInt(2, round);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Verdict(
                  rs.getString(1),
                  rs.getInt(2),
                  "pass".equals(rs.getString(3)),
                  rs.getString(4),
                  DbTime.parse(rs.getString(5))));
        }
      }
    }
    return out;
  }

  // ---- notes

  public static void addNote(
      Connection c,
      String ticketId,
      String author,
      String kind,
      String text,
      Instant at,
      String messageKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ticket_note(ticket_id, author, kind, text, at, message_key) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, ticketId);
      ps.setString(2, author);
      ps.setString(3, kind);
      ps.setString(4, text);
      ps.setString(5, DbTime.of(at));
      ps.setString(6, messageKey);
      ps.executeUpdate();
    }
  }

  public static List<Note> notes(Connection c, String ticketId) throws SQLException {
    List<Note> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT author, kind, text, at FROM ticket_note WHERE ticket_id = ? ORDER BY id")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Note(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  DbTime.parse(rs.getString(4))));
        }
      }
    }
    return out;
  }

  // ---- a researcher's emails (mail_message is intake's record; read here for the greeting)

  /** The raw-copy hashes of {@code sender}'s latest emails in on the ticket, newest first. */
  public static List<String> latestEmailsFrom(
      Connection c, String ticketId, String sender, int limit) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT raw_sha256 FROM mail_message
        WHERE ticket_id = ? AND direction = 'in' AND sender = ? AND raw_sha256 IS NOT NULL
        ORDER BY id DESC LIMIT ?""")) {
      ps.setString(1, ticketId);
      ps.setString(2, sender);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  // ---- release

  public static void recordRelease(Connection c, String ticketId, Release r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO release_record(ticket_id, released_at, released_by, recipient, blind_copy, files, message_id)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, ticketId);
      ps.setString(2, DbTime.of(r.at()));
      ps.setString(3, r.by());
      ps.setString(4, r.recipient());
      ps.setString(5, r.blindCopy());
      ps.setString(6, r.filesJson());
      ps.setString(7, r.messageId());
      ps.executeUpdate();
    }
  }

  public static Optional<Release> release(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM release_record WHERE ticket_id = ?")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(
            new Release(
                DbTime.parse(rs.getString("released_at")),
                rs.getString("released_by"),
                rs.getString("recipient"),
                rs.getString("blind_copy"),
                rs.getString("files"),
                rs.getString("message_id")));
      }
    }
  }
}
