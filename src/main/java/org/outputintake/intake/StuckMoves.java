package org.outputintake.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages already handled and recorded whose own IMAP move the server refuses. They stay in the
 * inbox; the poller skips them instead of downloading them again, and tries the move again at most
 * once per {@link #RETRY}. Kept in the database ({@code stuck_move}), not in the process: after a
 * restart or a takeover by another instance the message is still skipped, and its move is retried
 * once when due, by whichever instance claims the attempt first. Keyed by mailbox and UID, so a
 * change of UIDVALIDITY forgets that mailbox's rows.
 */
public final class StuckMoves {
  private static final Logger LOG = LoggerFactory.getLogger(StuckMoves.class);
  static final Duration RETRY = Duration.ofHours(1);

  /**
   * @param folder where the message should go
   * @param label how the log names it (UID and Message-ID or content digest)
   * @param nextAttempt as stored: an attempt is claimed by changing exactly this value
   */
  record Stuck(long uid, String folder, String label, String nextAttempt) {
    Stuck {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
  }

  /** A message handled and recorded that stays in the inbox, as {@code status} lists it. */
  public record Left(String mailboxKey, long uid, String folder, String label) {
    public Left {
      Objects.requireNonNull(mailboxKey, "mailboxKey");
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(label, "label");
    }
  }

  private final Database db;
  private final String mailbox;
  private final Clock clock;
  private long validity = -1;

  /**
   * @param mailbox the mailbox's key ({@code org.outputintake.config.Mailbox#key}), the same on
   *     every instance
   */
  StuckMoves(Database db, String mailbox, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The mailbox's UIDVALIDITY now: rows under another one name other messages, and go. */
  void uidValidity(long current) {
    if (current == validity) return;
    validity = current;
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM stuck_move WHERE mailbox_key = ? AND uid_validity <> ?")) {
            ps.setString(1, mailbox);
            ps.setLong(2, current);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The UIDs stuck in this mailbox, which a poll does not download. */
  Set<Long> uids() {
    return new HashSet<>(db.read(c -> select(c, "")).stream().map(Stuck::uid).toList());
  }

  int size() {
    return validity < 0 ? 0 : db.read(c -> select(c, "")).size();
  }

  /** The moves whose next attempt is due, oldest UID first. */
  List<Stuck> due() {
    String now = DbTime.of(clock.instant());
    return db.read(c -> select(c, now));
  }

  /**
   * Takes the attempt at this move for this instance: its next attempt moves an hour on. False when
   * another instance took it first (or it was moved meanwhile): the move is not tried here.
   */
  boolean claim(Stuck s) {
    String next = DbTime.of(clock.instant().plus(RETRY));
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE stuck_move SET next_attempt = ? WHERE mailbox_key = ?"
                      + " AND uid_validity = ? AND uid = ? AND next_attempt = ?")) {
            ps.setString(1, next);
            ps.setString(2, mailbox);
            ps.setLong(3, validity);
            ps.setLong(4, s.uid());
            ps.setString(5, s.nextAttempt());
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Records a failed move, and tells the operator the first time this message is stuck (on any
   * instance).
   *
   * @param error the server's answer, for the log
   */
  void failed(long uid, String folder, String label, String error) {
    String next = DbTime.of(clock.instant().plus(RETRY));
    boolean first =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO stuck_move"
                          + " (mailbox_key, uid_validity, uid, folder, label, next_attempt)"
                          + " VALUES (?, ?, ?, ?, ?, ?)"
                          + " ON CONFLICT (mailbox_key, uid_validity, uid) DO NOTHING")) {
                ps.setString(1, mailbox);
                ps.setLong(2, validity);
                ps.setLong(3, uid);
                ps.setString(4, folder);
                ps.setString(5, label);
                ps.setString(6, next);
                return ps.executeUpdate() == 1;
              }
            });
    if (first)
      LOG.warn(
          "message {} was handled and recorded, but the IMAP server fails to move it to {}"
              + " ({}). It stays in the inbox and is not handled again; the move is retried"
              + " once an hour, by one instance. Operator: move it to {} by hand, or delete"
              + " it from the inbox",
          label,
          folder,
          error,
          folder);
  }

  void moved(long uid) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM stuck_move WHERE mailbox_key = ? AND uid_validity = ? AND uid = ?")) {
            ps.setString(1, mailbox);
            ps.setLong(2, validity);
            ps.setLong(3, uid);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Every mailbox's messages whose move the server refuses, by mailbox and UID. */
  public static List<Left> all(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT mailbox_key, uid, folder, label FROM stuck_move ORDER BY mailbox_key, uid");
        ResultSet rs = ps.executeQuery()) {
      List<Left> out = new ArrayList<>();
      while (rs.next())
        out.add(new Left(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
      return out;
    }
  }

  /** This mailbox's rows, only those due by {@code dueBy} unless it is empty. */
  private List<Stuck> select(Connection c, String dueBy) throws SQLException {
    // times are fixed-width DbTime text, so comparing them as text orders them (as the outbox does)
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT uid, folder, label, next_attempt FROM stuck_move"
                + " WHERE mailbox_key = ? AND uid_validity = ?"
                + (dueBy.isEmpty() ? "" : " AND next_attempt <= ?")
                + " ORDER BY uid")) {
      ps.setString(1, mailbox);
      ps.setLong(2, validity);
      if (!dueBy.isEmpty()) ps.setString(3, dueBy);
      try (ResultSet rs = ps.executeQuery()) {
        List<Stuck> out = new ArrayList<>();
        while (rs.next())
          out.add(new Stuck(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        return out;
      }
    }
  }
}
