package org.outputintake.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.outputintake.text.OutsideText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages whose download the IMAP server refuses while the connection stays usable (a {@code NO}
 * to the FETCH of a message it holds corrupt). Without a record such a message would be fetched,
 * and logged, at every poll for ever, and nobody would look: so each refusal is counted in the
 * database ({@code fetch_failure}, across polls, restarts and instances), and at the {@link
 * #ATTEMPTS}th the message is moved to the quarantine folder unread, where a person can open it
 * with a mail client. The row stays as the record `status` shows.
 */
public final class BrokenFetches {
  private static final Logger LOG = LoggerFactory.getLogger(BrokenFetches.class);

  /** Polls that try a message before it is quarantined: one refusal may be the server's hiccup. */
  static final int ATTEMPTS = 3;

  /** What the server's refusal is kept as: enough to tell one failure from another. */
  private static final int ERROR_MAX = 300;

  /** What the poller does with a message whose download was refused. */
  enum Next {
    TRY_AGAIN,
    QUARANTINE
  }

  /** A message sent to quarantine unread, as {@code status} lists it. */
  public record Quarantined(
      String mailboxKey, long uid, int attempts, String lastError, String at) {
    public Quarantined {
      Objects.requireNonNull(mailboxKey, "mailboxKey");
      Objects.requireNonNull(lastError, "lastError");
      Objects.requireNonNull(at, "at");
    }
  }

  private final Database db;
  private final String mailbox;
  private final Clock clock;
  private long validity = -1;

  /** Refused before and not yet quarantined: a later successful download clears them. */
  private Set<Long> pending = Set.of();

  BrokenFetches(Database db, String mailbox, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The mailbox's UIDVALIDITY at the start of a poll: rows of another one that are still in the
   * inbox name other messages now, and go; the quarantined stay as the record.
   */
  void startPoll(long currentValidity) {
    if (currentValidity != validity) {
      validity = currentValidity;
      db.inTransaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM fetch_failure WHERE mailbox_key = ? AND uid_validity <> ?"
                        + " AND quarantined_at IS NULL")) {
              ps.setString(1, mailbox);
              ps.setLong(2, currentValidity);
              ps.executeUpdate();
            }
            return null;
          });
    }
    pending =
        db.read(
            c -> {
              Set<Long> out = new HashSet<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT uid FROM fetch_failure WHERE mailbox_key = ? AND uid_validity = ?"
                          + " AND quarantined_at IS NULL")) {
                ps.setString(1, mailbox);
                ps.setLong(2, currentValidity);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) out.add(rs.getLong(1));
                }
              }
              return out;
            });
  }

  /**
   * Counts one refused download of {@code uid}; at the last attempt the message is recorded as
   * quarantined and the poller moves it.
   *
   * @param error the server's answer (outside text: kept short, shown neutralised)
   */
  Next refused(long uid, String error) {
    String now = DbTime.of(clock.instant());
    String kept = OutsideText.line(String.valueOf(error));
    String stored = kept.length() > ERROR_MAX ? kept.substring(0, ERROR_MAX) + "…" : kept;
    int attempts =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO fetch_failure (mailbox_key, uid_validity, uid, attempts,"
                          + " last_error, first_failed_at, last_failed_at) VALUES (?, ?, ?, 1, ?, ?, ?)"
                          + " ON CONFLICT (mailbox_key, uid_validity, uid) DO UPDATE SET"
                          + " attempts = fetch_failure.attempts + 1, last_error = excluded.last_error,"
                          + " last_failed_at = excluded.last_failed_at")) {
                ps.setString(1, mailbox);
                ps.setLong(2, validity);
                ps.setLong(3, uid);
                ps.setString(4, stored);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
              }
              int n = attemptsOf(c, uid);
              if (n >= ATTEMPTS) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE fetch_failure SET quarantined_at = ? WHERE mailbox_key = ?"
                            + " AND uid_validity = ? AND uid = ?")) {
                  ps.setString(1, now);
                  ps.setString(2, mailbox);
                  ps.setLong(3, validity);
                  ps.setLong(4, uid);
                  ps.executeUpdate();
                }
              }
              return n;
            });
    if (attempts < ATTEMPTS) {
      LOG.warn(
          "message UID {} could not be downloaded ({}), attempt {} of {}: it stays in the inbox"
              + " and is tried again at the next poll",
          uid,
          stored,
          attempts,
          ATTEMPTS);
      return Next.TRY_AGAIN;
    }
    LOG.error(
        "message UID {} could not be downloaded {} times ({}): it is moved unread to the"
            + " quarantine folder, and `status` lists it. Operator: open it there with a mail"
            + " client or the mail server's tools, and ask its sender to send it again",
        uid,
        attempts,
        stored);
    return Next.QUARANTINE;
  }

  /** A message refused before came down whole after all: its count starts again. */
  void downloaded(long uid) {
    if (!pending.contains(uid)) return;
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM fetch_failure WHERE mailbox_key = ? AND uid_validity = ? AND uid = ?"
                      + " AND quarantined_at IS NULL")) {
            ps.setString(1, mailbox);
            ps.setLong(2, validity);
            ps.setLong(3, uid);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The messages of every mailbox sent to quarantine unread, the latest first. */
  public static List<Quarantined> quarantined(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT mailbox_key, uid, attempts, last_error, quarantined_at FROM fetch_failure"
                    + " WHERE quarantined_at IS NOT NULL ORDER BY quarantined_at DESC, uid DESC");
        ResultSet rs = ps.executeQuery()) {
      List<Quarantined> out = new ArrayList<>();
      while (rs.next())
        out.add(
            new Quarantined(
                rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
      return out;
    }
  }

  private int attemptsOf(Connection c, long uid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT attempts FROM fetch_failure WHERE mailbox_key = ? AND uid_validity = ?"
                + " AND uid = ?")) {
      ps.setString(1, mailbox);
      ps.setLong(2, validity);
      ps.setLong(3, uid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
