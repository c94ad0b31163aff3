package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.store.DbTime;

/**
 * A data owner's {@code #approve} or {@code #deny} of a round, as kept in the owner_decision table
 * (stored as {@code approve}/{@code deny}); {@link ProvenDecisions} and the archive read the same
 * rows for their proof and record.
 */
public record OwnerDecision(String owner, int round, boolean approve, String reason, Instant at) {

  public static void add(
      Connection c,
      String ticketId,
      int round,
      String owner,
      boolean approve,
      String reason,
      Instant at,
      String messageKey)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO owner_decision(ticket_id, round, owner, decision, reason, at, message_key)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, ticketId);
      ps.setInt(2, round);
      ps.setString(3, owner);
      ps.setString(4, approve ? "approve" : "deny");
      ps.setString(5, reason);
      ps.setString(6, DbTime.of(at));
      ps.setString(7, messageKey);
      ps.executeUpdate();
    }
  }

  /** The ticket's decisions, every round's, in the order they were given. */
  public static List<OwnerDecision> forTicket(Connection c, String ticketId) throws SQLException {
    List<OwnerDecision> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT owner, round, decision, reason, at FROM owner_decision WHERE ticket_id = ? ORDER BY id")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OwnerDecision(
                  rs.getString(1),
                  rs.getInt(2),
                  "approve".equals(rs.getString(3)),
                  rs.getString(4),
                  DbTime.parse(rs.getString(5))));
        }
      }
    }
    return out;
  }
}
