package org.outputintake.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The desk's counts for the metrics endpoint, read in one go: a read-only view across the tables
 * (tickets, outbox, schedule runs) whose owners write them; nothing here decides anything.
 *
 * @param ticketsByState tickets by their stored state name
 * @param ticketsByMailbox tickets by the address of the mailbox their request came to, as stored
 *     (the empty string for tickets that do not record it)
 */
public record DeskCounts(
    Map<String, Long> ticketsByState,
    long tickets,
    long outboxPending,
    long outboxFailed,
    long breachAlerts,
    Map<String, Long> ticketsByMailbox) {
  public DeskCounts {
    ticketsByState = Map.copyOf(ticketsByState);
    ticketsByMailbox = Map.copyOf(ticketsByMailbox);
  }

  public static DeskCounts read(Connection c) throws SQLException {
    Map<String, Long> byState = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT state, COUNT(*) FROM ticket GROUP BY state");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) byState.put(rs.getString(1), rs.getLong(2));
    }
    Map<String, Long> byMailbox = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT mailbox, COUNT(*) FROM ticket GROUP BY mailbox");
        ResultSet rs = s.executeQuery()) {
      while (rs.next())
        byMailbox.merge(Objects.toString(rs.getString(1), ""), rs.getLong(2), Long::sum);
    }
    return new DeskCounts(
        byState,
        count(c, "SELECT COUNT(*) FROM ticket"),
        count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"),
        // the same dead letters the managers' digest counts
        count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"),
        // one row per ticket whose breach alert went out (ServiceLevelReminders claims it)
        count(c, "SELECT COUNT(*) FROM schedule_run WHERE name LIKE 'sla-breached:%'"),
        byMailbox);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
