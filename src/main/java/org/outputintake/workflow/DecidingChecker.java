package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.Ticket;

/**
 * The third checker of a round whose two checkers disagree (one pass, one fail), assigned by a
 * manager with {@code #assign}: their verdict decides the round. Never one of the checkers ({@link
 * WorkflowStore#checksNeeded}: the independent checks stay two); a round has at most one, and until
 * they give their verdict the two earlier ones are hidden from them as a checker's own round is.
 */
public record DecidingChecker(
    String ticketId, int round, String officer, String assignedBy, Instant at) {
  public DecidingChecker {
    if (ticketId == null || ticketId.isBlank()) throw new IllegalArgumentException("ticketId");
    if (round < 1) throw new IllegalArgumentException("round " + round + " is not a check round");
    if (officer == null || !officer.contains("@"))
      throw new IllegalArgumentException("officer must be an address");
    officer = officer.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(assignedBy, "assignedBy");
    Objects.requireNonNull(at, "at");
  }

  /** The deciding checker of the ticket's round, if a manager assigned one. */
  public static Optional<DecidingChecker> of(Connection c, String ticketId, int round)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT officer, assigned_by, assigned_at FROM deciding_checker"
                + " WHERE ticket_id = ? AND round = ?")) {
      ps.setString(1, ticketId);
      ps.setInt(2, round);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(
            new DecidingChecker(
                ticketId, round, rs.getString(1), rs.getString(2), DbTime.parse(rs.getString(3))));
      }
    }
  }

  /** Whether {@code officer} is the deciding checker of the ticket's current round. */
  public static boolean is(Connection c, Ticket t, String officer) throws SQLException {
    return of(c, t.idText(), t.round())
        .map(d -> d.officer().equalsIgnoreCase(officer))
        .orElse(false);
  }

  /**
   * Whether {@code officer} is the current round's deciding checker and has not given their verdict
   * yet: the checkers' verdicts must not reach them before theirs is in.
   */
  public static boolean stillBlind(Connection c, Ticket t, String officer) throws SQLException {
    return is(c, t, officer)
        && WorkflowStore.ownVerdict(c, t.idText(), t.round(), officer.toLowerCase(Locale.ROOT))
            .isEmpty();
  }

  public void save(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO deciding_checker(ticket_id, round, officer, assigned_by, assigned_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, ticketId);
      ps.setInt(2, round);
      ps.setString(3, officer);
      ps.setString(4, assignedBy);
      ps.setString(5, DbTime.of(at));
      ps.executeUpdate();
    }
  }
}
