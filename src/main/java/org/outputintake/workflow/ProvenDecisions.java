package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.store.DbTime;

/**
 * Defence in depth for {@code #release}: every applied staff command records whether its sender was
 * authenticated ({@code command_sender}), and while {@code security.require-authenticated-sender}
 * is on, files leave only when the round's two verdicts, the data owner's approval (where needed)
 * and the release itself were each proven. A verdict given while the check was off, or before it
 * was recorded, does not count until its officer repeats it.
 */
public final class ProvenDecisions {
  private ProvenDecisions() {}

  /** Records the proof of the command in {@code key}, in the command's own transaction. */
  static void record(
      Connection c,
      String ticketId,
      String key,
      String sender,
      String command,
      SenderProof proof,
      Instant at)
      throws SQLException {
    if (proof instanceof SenderProof.Unproven) {
      throw new IllegalArgumentException("an unproven command is never applied");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO command_sender(ticket_id, message_key, sender, command, proof, detail, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, ticketId);
      ps.setString(2, key);
      ps.setString(3, sender);
      // which verdict is the verdict table's, read under the blindness rule; never written here
      ps.setString(4, command.equals("pass") || command.equals("fail") ? "verdict" : command);
      ps.setString(5, proof.code());
      ps.setString(6, proof.describe());
      ps.setString(7, DbTime.of(at));
      ps.executeUpdate();
    }
  }

  /** One applied staff command's sender, as {@code tickets show} lists them. */
  public record Entry(Instant at, String sender, String command, String proof) {}

  /** Every applied staff command on the ticket, oldest first (verdicts named "verdict"). */
  public static List<Entry> forTicket(Connection c, String ticketId) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT at, sender, command, detail FROM command_sender WHERE ticket_id = ?"
                + " ORDER BY at, message_key")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(
              new Entry(
                  DbTime.parse(rs.getString(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4)));
      }
    }
    return out;
  }

  /**
   * @throws Refused naming each decision of the round whose sender was not authenticated, and what
   *     to do, while sender authentication is required
   */
  public static void requireProven(Invocation inv, boolean approvalNeeded) throws SQLException {
    if (!inv.ctx().config().security().requireAuthenticatedSender()) return;
    List<String> unproven = new ArrayList<>();
    String id = inv.id();
    int round = inv.ticket().round();
    try (PreparedStatement ps =
        inv.c()
            .prepareStatement(
                """
        SELECT v.officer, s.proof FROM verdict v
          LEFT JOIN command_sender s ON s.ticket_id = v.ticket_id AND s.message_key = v.message_key
        WHERE v.ticket_id = ? AND v.round = ? ORDER BY v.id""")) {
      ps.setString(1, id);
      ps.setInt(2, round);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!"authenticated".equals(rs.getString(2))) {
            unproven.add("the verdict of " + rs.getString(1));
          }
        }
      }
    }
    if (approvalNeeded && !approvalProven(inv.c(), id, round)) {
      unproven.add("the data owner's approval");
    }
    if (!"authenticated".equals(proofCode(inv.c(), id, inv.messageKey()))) {
      unproven.add("this #release");
    }
    if (!unproven.isEmpty()) {
      boolean approval = unproven.contains("the data owner's approval");
      throw new Refused(
          "nothing was released: "
              + String.join(", ", unproven)
              + " in round "
              + round
              + " of "
              + id
              + " did not come from an authenticated sender (given while"
              + " security.require-authenticated-sender was off, or before it was recorded)."
              + " A checker confirms their verdict by sending the same #pass again from their"
              + " own mailbox"
              + (approval
                  ? "; an approval cannot be repeated: close the ticket with #close and your"
                      + " reason, and the researcher submits again"
                  : ""));
    }
  }

  /**
   * An officer repeating the verdict they gave unproven, now from an authenticated sender: the
   * verdict stays as given and is bound to the new, proven message. Returns whether it was.
   */
  public static boolean confirmRepeatedVerdict(
      Invocation inv, int round, WorkflowStore.Verdict own, boolean pass) throws SQLException {
    if (own.pass() != pass
        || !inv.ctx().config().security().requireAuthenticatedSender()
        || !"authenticated".equals(proofCode(inv.c(), inv.id(), inv.messageKey()))) {
      return false;
    }
    try (PreparedStatement ps =
        inv.c()
            .prepareStatement(
                """
        UPDATE verdict SET message_key = ? WHERE ticket_id = ? AND round = ? AND officer = ?
          AND NOT EXISTS (SELECT 1 FROM command_sender s WHERE s.ticket_id = verdict.ticket_id
            AND s.message_key = verdict.message_key AND s.proof = 'authenticated')""")) {
      ps.setString(1, inv.messageKey());
      ps.setString(2, inv.id());
      ps.setInt(3, round);
      ps.setString(4, inv.sender());
      return ps.executeUpdate() == 1;
    }
  }

  private static boolean approvalProven(Connection c, String id, int round) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT s.proof FROM owner_decision d
          LEFT JOIN command_sender s ON s.ticket_id = d.ticket_id AND s.message_key = d.message_key
        WHERE d.ticket_id = ? AND d.round = ? AND d.decision = 'approve' ORDER BY d.id DESC""")) {
      ps.setString(1, id);
      ps.setInt(2, round);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && "authenticated".equals(rs.getString(1));
      }
    }
  }

  private static String proofCode(Connection c, String id, String key) throws SQLException {
    if (key == null) return null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT proof FROM command_sender WHERE ticket_id = ? AND message_key = ?")) {
      ps.setString(1, id);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
