package org.outputintake.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code mailbox_lease} table: which instance reads each mailbox, until when, under which
 * epoch. Every change of holder raises the epoch, and a holder's transactions commit only while the
 * row still carries the epoch they started under ({@link #fence}), so an instance that was paused
 * or cut off past its lease cannot decide an email another instance now reads.
 */
public final class MailboxLeases {
  private MailboxLeases() {}

  /**
   * @param mailboxKey the mailbox's stable identity (username@host/folder)
   * @param holder the instance id
   * @param epoch the fencing token: raised at every change of holder
   * @param since when this holder took it
   * @param expires when another instance may take it unless renewed
   */
  public record Lease(
      String mailboxKey, String holder, long epoch, Instant since, Instant expires) {
    public Lease {
      Objects.requireNonNull(mailboxKey, "mailboxKey");
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(expires, "expires");
      if (epoch < 1) throw new IllegalArgumentException("a lease's epoch starts at 1: " + epoch);
    }

    public boolean liveAt(Instant now) {
      return expires.isAfter(now);
    }
  }

  /** When a lease still running under another holder may be taken. */
  public enum Takeover {
    /** Only once it has expired: the holder may be alive (several instances share the database). */
    WHEN_EXPIRED,
    /**
     * At once: nothing else can be running on this database (SQLite, where the data-directory lock
     * refuses a second process), so a live-looking lease is one a killed process left.
     */
    AT_ONCE
  }

  /**
   * Takes the lease of {@code key} for {@code instance} if it is free, expired, already this
   * instance's, or {@code takeover} allows it; empty when another instance holds it.
   */
  public static Optional<Lease> take(
      Connection c, String key, String instance, Instant now, Instant expires, Takeover takeover)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mailbox_lease (mailbox_key, holder, epoch, since, expires)"
                + " VALUES (?, ?, 1, ?, ?) ON CONFLICT (mailbox_key) DO NOTHING")) {
      ps.setString(1, key);
      ps.setString(2, instance);
      ps.setString(3, DbTime.of(now));
      ps.setString(4, DbTime.of(expires));
      if (ps.executeUpdate() == 1) return find(c, key);
    }
    // one conditional statement: of two instances taking an expired lease at once, the second
    // re-reads the row the first changed and finds it live
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mailbox_lease SET epoch = epoch + 1, since = ?, expires = ?, holder = ?"
                + " WHERE mailbox_key = ? AND (expires <= ? OR ? = 1)"
                + " AND NOT (holder = ? AND expires > ?)")) {
      ps.setString(1, DbTime.of(now));
      ps.setString(2, DbTime.of(expires));
      ps.setString(3, instance);
      ps.setString(4, key);
      ps.setString(5, DbTime.of(now));
      ps.setInt(6, takeover == Takeover.AT_ONCE ? 1 : 0);
      ps.setString(7, instance);
      ps.setString(8, DbTime.of(now));
      if (ps.executeUpdate() == 1) return find(c, key);
    }
    return find(c, key).filter(l -> l.holder().equals(instance) && l.liveAt(now));
  }

  /** Extends a lease still held under its epoch; false when another instance has taken it. */
  public static boolean renew(Connection c, Lease lease, Instant expires) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mailbox_lease SET expires = ?"
                + " WHERE mailbox_key = ? AND holder = ? AND epoch = ?")) {
      ps.setString(1, DbTime.of(expires));
      ps.setString(2, lease.mailboxKey());
      ps.setString(3, lease.holder());
      ps.setLong(4, lease.epoch());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * The fence: true while the row still carries this lease's holder and epoch. An update, not a
   * read, so that on PostgreSQL it locks the row until the caller's transaction ends and a takeover
   * waits for that transaction (or this one finds the takeover already committed).
   */
  public static boolean fence(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mailbox_lease SET epoch = epoch"
                + " WHERE mailbox_key = ? AND holder = ? AND epoch = ?")) {
      ps.setString(1, lease.mailboxKey());
      ps.setString(2, lease.holder());
      ps.setLong(3, lease.epoch());
      return ps.executeUpdate() == 1;
    }
  }

  /** The holder finished a poll of this mailbox without error at {@code at}. */
  public static void polled(Connection c, Lease lease, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mailbox_lease SET last_poll = ?"
                + " WHERE mailbox_key = ? AND holder = ? AND epoch = ?")) {
      ps.setString(1, DbTime.of(at));
      ps.setString(2, lease.mailboxKey());
      ps.setString(3, lease.holder());
      ps.setLong(4, lease.epoch());
      ps.executeUpdate();
    }
  }

  /** When each mailbox's holder last finished a poll, by key; absent before the first. */
  public static java.util.Map<String, Instant> lastPolls(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT mailbox_key, last_poll FROM mailbox_lease WHERE last_poll IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      java.util.Map<String, Instant> out = new java.util.TreeMap<>();
      while (rs.next()) out.put(rs.getString(1), DbTime.parse(rs.getString(2)));
      return out;
    }
  }

  /** Gives a lease up (a clean stop): another instance may take it at once. */
  public static void release(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mailbox_lease SET expires = ?"
                + " WHERE mailbox_key = ? AND holder = ? AND epoch = ?")) {
      ps.setString(1, DbTime.of(Instant.EPOCH));
      ps.setString(2, lease.mailboxKey());
      ps.setString(3, lease.holder());
      ps.setLong(4, lease.epoch());
      ps.executeUpdate();
    }
  }

  public static Optional<Lease> find(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT mailbox_key, holder, epoch, since, expires FROM mailbox_lease"
                + " WHERE mailbox_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(lease(rs)) : Optional.empty();
      }
    }
  }

  /** Every mailbox ever leased, by key. */
  public static List<Lease> all(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT mailbox_key, holder, epoch, since, expires FROM mailbox_lease"
                    + " ORDER BY mailbox_key");
        ResultSet rs = ps.executeQuery()) {
      List<Lease> out = new ArrayList<>();
      while (rs.next()) out.add(lease(rs));
      return out;
    }
  }

  private static Lease lease(ResultSet rs) throws SQLException {
    return new Lease(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        DbTime.parse(rs.getString(4)),
        DbTime.parse(rs.getString(5)));
  }
}
