package org.outputintake.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code instance} table: every running bot on this database, with its heartbeat. An instance
 * counts as alive while its heartbeat is younger than {@code ha.takeover}; a killed one stays
 * listed until it is a day old, so {@code status} can say what went.
 */
public final class Instances {
  private Instances() {}

  /**
   * @param id random per process: a restarted process is a new instance
   */
  public record Instance(String id, String host, long pid, Instant started, Instant heartbeat) {
    public Instance {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(heartbeat, "heartbeat");
      if (id.isBlank()) throw new IllegalArgumentException("an instance id is not blank");
    }
  }

  public static void register(Connection c, Instance i) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO instance (id, host, pid, started, heartbeat) VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, i.id());
      ps.setString(2, i.host());
      ps.setLong(3, i.pid());
      ps.setString(4, DbTime.of(i.started()));
      ps.setString(5, DbTime.of(i.heartbeat()));
      ps.executeUpdate();
    }
  }

  /** False when the row is gone (removed as dead by another instance): register again. */
  public static boolean heartbeat(Connection c, String id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE instance SET heartbeat = ? WHERE id = ?")) {
      ps.setString(1, DbTime.of(now));
      ps.setString(2, id);
      return ps.executeUpdate() == 1;
    }
  }

  /** Instances whose heartbeat is at or after {@code since}, oldest start first. */
  public static List<Instance> alive(Connection c, Instant since) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, host, pid, started, heartbeat FROM instance WHERE heartbeat >= ?"
                + " ORDER BY started, id")) {
      ps.setString(1, DbTime.of(since));
      try (ResultSet rs = ps.executeQuery()) {
        List<Instance> out = new ArrayList<>();
        while (rs.next())
          out.add(
              new Instance(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  DbTime.parse(rs.getString(4)),
                  DbTime.parse(rs.getString(5))));
        return out;
      }
    }
  }

  /** A clean stop, or rows of instances silent since {@code before}. */
  public static void remove(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM instance WHERE id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  public static void forgetSilentSince(Connection c, Instant before) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM instance WHERE heartbeat < ?")) {
      ps.setString(1, DbTime.of(before));
      ps.executeUpdate();
    }
  }
}
