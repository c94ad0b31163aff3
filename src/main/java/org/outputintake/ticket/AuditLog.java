package org.outputintake.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.store.DbTime;

/**
 * The append-only audit trail. Events are written with the connection of the transaction whose
 * change they record, so the trail and the data can never disagree. The table refuses updates and
 * deletes.
 */
public final class AuditLog {
  private AuditLog() {}

  /**
   * @param type the stored code ({@link AuditType#code()}); rows written by other versions may hold
   *     codes this one does not write
   */
  public record Event(String ticketId, Instant at, String actor, String type, String detail) {}

  /** A state a ticket entered, read back from the trail. */
  public record Entered(Instant at, TicketState.Kind state) {}

  public static void append(
      Connection c, String ticketId, Instant at, String actor, AuditType type, String detail)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_event(ticket_id, at, actor, type, detail) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, ticketId);
      ps.setString(2, DbTime.of(at));
      ps.setString(3, actor);
      ps.setString(4, type.code());
      ps.setString(5, detail);
      ps.executeUpdate();
    }
  }

  public static List<Event> forTicket(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ticket_id, at, actor, type, detail FROM audit_event WHERE ticket_id = ? ORDER BY id")) {
      ps.setString(1, ticketId);
      return read(ps);
    }
  }

  /** The ticket's state changes in the order they happened (unknown state names are skipped). */
  public static List<Entered> statesEntered(Connection c, String ticketId) throws SQLException {
    List<Entered> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT at, type FROM audit_event WHERE ticket_id = ? AND type LIKE ? ORDER BY id")) {
      ps.setString(1, ticketId);
      ps.setString(2, AuditType.StateEntered.PREFIX + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant at = DbTime.parse(rs.getString(1));
          AuditType.StateEntered.parse(rs.getString(2))
              .ifPresent(state -> out.add(new Entered(at, state)));
        }
      }
    }
    return out;
  }

  public static List<Event> all(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ticket_id, at, actor, type, detail FROM audit_event ORDER BY id")) {
      return read(ps);
    }
  }

  private static List<Event> read(PreparedStatement ps) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Event(
                rs.getString(1),
                DbTime.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
      }
    }
    return out;
  }
}
