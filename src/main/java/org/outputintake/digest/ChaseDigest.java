package org.outputintake.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.sla.ChaseRule;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.store.DbTime;
import org.outputintake.workflow.ResearcherChase;

/**
 * The digest's view of chasing: researchers reminded in the period, tickets that will be withdrawn
 * (with the day), and tickets withdrawn in the period. Dates come from the same {@link ChaseRule}
 * the scheduled job acts on, so what a manager reads is what will happen.
 */
final class ChaseDigest {
  /** The three lists, each row a map for the templates. */
  record Lists(
      List<Map<String, Object>> chased,
      List<Map<String, Object>> toWithdraw,
      List<Map<String, Object>> withdrawn) {}

  private final Connection c;
  private final ServiceLevel serviceLevel;
  private final ChaseRule rule;

  ChaseDigest(Connection c, ServiceLevel serviceLevel, ChaseRule rule) {
    this.c = c;
    this.serviceLevel = serviceLevel;
    this.rule = rule;
  }

  Lists lists(Instant from, Instant now) throws SQLException {
    List<Map<String, Object>> chased = new ArrayList<>();
    List<Map<String, Object>> toWithdraw = new ArrayList<>();
    // every reminder sent, joined to its ticket as it stands now
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT t.id, t.project_number, t.state, t.updated_at, r.due_at, r.ran_at
          FROM schedule_run r JOIN ticket t ON r.name = ? || t.id
         WHERE r.name LIKE ? AND r.status = ? ORDER BY r.ran_at, t.number""")) {
      ps.setString(1, Chasing.CHASE);
      ps.setString(2, Chasing.CHASE + "%");
      ps.setString(3, ScheduleRuns.SENT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant ranAt = DbTime.parse(rs.getString(6));
          Instant blockedSince = DbTime.parse(rs.getString(5));
          Map<String, Object> row = new HashMap<>();
          row.put("ticketId", rs.getString(1));
          row.put("project", rs.getString(2));
          row.put("chasedOn", serviceLevel.day(ranAt));
          Instant withdrawAt = rule.withdrawAt(blockedSince, ranAt);
          row.put("withdrawOn", serviceLevel.day(withdrawAt));
          row.put("withdrawAt", withdrawAt);
          // a ticket's state moment is its updated_at (TicketRepository): still the blocked
          // moment the reminder was for, unless the researcher answered or it was blocked anew
          boolean stillWaiting =
              "blocked".equals(rs.getString(3)) && rs.getString(5).equals(rs.getString(4));
          if (!ranAt.isBefore(from) && ranAt.isBefore(now.plusNanos(1))) chased.add(row);
          if (stillWaiting) toWithdraw.add(row);
        }
      }
    }
    toWithdraw.sort(Comparator.comparing(r -> (Instant) r.get("withdrawAt")));
    List<Map<String, Object>> withdrawn = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT id, project_number, researcher, closed_at FROM ticket
         WHERE state = 'closed' AND state_reason = ? AND closed_at >= ? AND closed_at <= ?
         ORDER BY closed_at, number""")) {
      ps.setString(1, ResearcherChase.WITHDRAWN);
      ps.setString(2, DbTime.of(from));
      ps.setString(3, DbTime.of(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          row.put("ticketId", rs.getString(1));
          row.put("project", rs.getString(2));
          row.put("researcher", rs.getString(3));
          row.put("withdrawnOn", serviceLevel.day(DbTime.parse(rs.getString(4))));
          withdrawn.add(row);
        }
      }
    }
    return new Lists(chased, toWithdraw, withdrawn);
  }
}
