package org.outputintake.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The mailbox_state table: where the poller is in each IMAP folder (its UIDVALIDITY). */
final class MailboxState {
  private MailboxState() {}

  /**
   * Records the folder's UIDVALIDITY; returns the one recorded before, or -1 when there was none.
   */
  static long remember(Connection c, String folder, long validity) throws SQLException {
    long previous = -1;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT uid_validity FROM mailbox_state WHERE folder = ?")) {
      ps.setString(1, folder);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) previous = rs.getLong(1);
      }
    }
    if (previous != validity) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO mailbox_state(folder, uid_validity, last_uid) VALUES (?, ?, 0) "
                  + "ON CONFLICT(folder) DO UPDATE SET uid_validity = excluded.uid_validity, "
                  + "last_uid = 0")) {
        ps.setString(1, folder);
        ps.setLong(2, validity);
        ps.executeUpdate();
      }
    }
    return previous;
  }
}
