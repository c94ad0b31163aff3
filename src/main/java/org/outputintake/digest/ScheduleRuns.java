package org.outputintake.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.outputintake.store.DbTime;

/**
 * What the schedule has done, keyed by (name, due time): written in the transaction that queues the
 * mail, so a restart sees a run exactly when its mail is in the outbox.
 */
final class ScheduleRuns {
  static final String SENT = "sent";
  static final String SKIPPED = "skipped";
  static final String BASELINE = "baseline";

  private ScheduleRuns() {}

  /**
   * Records a run; false when one with this key exists already (another pass or instance did it).
   */
  static boolean claim(
      Connection c, String name, String dueKey, String status, Instant at, String messageId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schedule_run(name, due_at, status, ran_at, message_id) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT(name, due_at) DO NOTHING")) {
      ps.setString(1, name);
      ps.setString(2, dueKey);
      ps.setString(3, status);
      ps.setString(4, DbTime.of(at));
      ps.setString(5, messageId);
      return ps.executeUpdate() == 1;
    }
  }

  /** The latest due time recorded for a schedule. */
  static Optional<Instant> latest(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MAX(due_at) FROM schedule_run WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        String v = rs.next() ? rs.getString(1) : null;
        return v == null ? Optional.empty() : Optional.of(DbTime.parse(v));
      }
    }
  }

  static boolean exists(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM schedule_run WHERE name = ? LIMIT 1")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
