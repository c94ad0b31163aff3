package org.outputintake.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The desk's counts for the metrics endpoint, read in one go: a read-only view across the tables
 * (tickets, outbox, schedule runs) whose owners write them; nothing here decides anything.
 *
 * @param ticketsByState tickets by their stored state name
 */
public record DeskCounts(
    Map<String, Long> ticketsByState,
    long tickets,
    long outboxPending,
    long outboxFailed,
    long breachAlerts) {
  public DeskCounts {
    ticketsByState = Map.copyOf(ticketsByState);
  }

  public static DeskCounts read(Connection c) throws SQLException {
    Map<String, Long> byState = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT state, COUNT(*) FROM ticket GROUP BY state");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) byState.put(rs.getString(1), rs.getLong(2));
    }
    return new DeskCounts(
        byState,
        count(c, "SELECT COUNT(*) FROM ticket"),
        count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"),
        // the same dead letters the managers' digest counts
        count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"),
        // one row per ticket whose breach alert went out (ServiceLevelReminders claims it)
        count(c, "SELECT COUNT(*) FROM schedule_run WHERE name LIKE 'sla-breached:%'"));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
