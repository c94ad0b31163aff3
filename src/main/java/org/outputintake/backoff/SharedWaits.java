package org.outputintake.backoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;

/**
 * The back-offs every instance of the bot shares ({@code server_backoff}): a refused login or a
 * server outage recorded by one instance makes the others wait too, so two instances never double
 * the attempts against a mail server (whose lockout counts attempts, not instances).
 */
public final class SharedWaits {
  /** A wait in force: after {@code failures} failures in a row, nothing is tried before then. */
  public record Wait(int failures, Instant retryAt) {
    public Wait {
      java.util.Objects.requireNonNull(retryAt, "retryAt");
      if (failures < 0) throw new IllegalArgumentException("failures must not be negative");
    }
  }

  /**
   * @param fresh whether this failure started the wait (false: another instance's wait was running)
   */
  public record Failure(Wait current, boolean fresh) {
    public Failure {
      java.util.Objects.requireNonNull(current, "current");
    }
  }

  private final Database db;

  public SharedWaits(Database db) {
    this.db = java.util.Objects.requireNonNull(db, "db");
  }

  public Optional<Wait> current(String key) {
    return db.read(c -> read(c, key));
  }

  /**
   * Records a failure: the wait after {@code failures} earlier failures, unless another instance's
   * wait already runs past now (the same failure seen twice), which is kept and returned.
   */
  public Failure failed(String key, Backoff policy, Instant now, String reason) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO server_backoff(server_key, failures, retry_at, reason)"
                      + " VALUES (?, 0, ?, NULL) ON CONFLICT (server_key) DO NOTHING")) {
            ps.setString(1, key);
            ps.setString(2, DbTime.of(Instant.EPOCH));
            ps.executeUpdate();
          }
          Wait before = lock(c, key);
          if (now.isBefore(before.retryAt())) return new Failure(before, false);
          Wait after = new Wait(before.failures() + 1, now.plus(policy.after(before.failures())));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE server_backoff SET failures = ?, retry_at = ?, reason = ?"
                      + " WHERE server_key = ?")) {
            ps.setInt(1, after.failures());
            ps.setString(2, DbTime.of(after.retryAt()));
            ps.setString(3, reason);
            ps.setString(4, key);
            ps.executeUpdate();
          }
          return new Failure(after, true);
        });
  }

  /** The server answered: the next failure starts again at the first wait. */
  public void cleared(String key) {
    if (current(key).isEmpty()) return; // the usual case: no write on every successful login
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM server_backoff WHERE server_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static Optional<Wait> read(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT failures, retry_at FROM server_backoff WHERE server_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Wait(rs.getInt(1), DbTime.parse(rs.getString(2))))
            : Optional.empty();
      }
    }
  }

  private static Wait lock(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT failures, retry_at FROM server_backoff WHERE server_key = ?"
                + org.outputintake.store.Vendor.of(c).forUpdate())) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Wait(rs.getInt(1), DbTime.parse(rs.getString(2)));
      }
    }
  }
}
