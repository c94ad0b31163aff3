package org.outputintake.workflow;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.outputintake.reply.SentReplies;
import org.outputintake.ticket.TicketFiles;

/**
 * A decision (a verdict, {@code #owner}, {@code #approve}, {@code #deny}, {@code #release}) counts
 * only for the files its author was shown: the bot's email it answers records the check round and
 * submission of the moment it was written, and a decision answering an email of a round that newer
 * files have replaced is refused, naming the current one. Without such an email (a new email with
 * only the ticket in its subject) nothing says which files were seen, so the decision is refused
 * too: a verdict given on a superseded submission must never count for the files that replaced it.
 */
final class SeenRound {
  private static final int MAX_FILES_NAMED = 5;

  private SeenRound() {}

  static void require(Invocation inv) throws SQLException {
    int current = inv.ticket().round();
    Optional<SentReplies.Shown> shown =
        SentReplies.answered(inv.c(), inv.id(), inv.message().threadIds());
    if (shown.isPresent() && shown.get().round() != null && shown.get().round() == current) return;
    String now =
        inv.id()
            + " is now at check round "
            + current
            + " ("
            + files(inv, TicketFiles.latestSubmissionKey(inv.c(), inv.id()).orElse(null))
            + ")";
    String where =
        inv.roles().contains(Role.OFFICER)
            ? "reply to the round-"
                + current
                + " notification, or to any later email from the bot about "
                + inv.id()
            : "reply to the bot's latest email about " + inv.id();
    String cmd = "#" + inv.command().name();
    if (shown.isEmpty()) {
      throw new Refused(
          "your email answers none of the bot's emails about "
              + inv.id()
              + " (a new email with the ticket in its subject), so nothing says which files your "
              + cmd
              + " is about. "
              + now
              + ": "
              + where
              + " with "
              + cmd
              + ". Nothing was recorded");
    }
    SentReplies.Shown s = shown.get();
    String seen =
        s.round() == null
            ? "an email of " + inv.id() + " written before the bot recorded check rounds"
            : "the "
                + what(s.kind())
                + " of round "
                + s.round()
                + " ("
                + files(inv, s.submission())
                + ")";
    throw new Refused(
        "you answered "
            + seen
            + "; "
            + now
            + ": "
            + where
            + ", so that your "
            + cmd
            + " is about the files you checked. Nothing was recorded");
  }

  private static String what(String kind) {
    return switch (kind) {
      case "officer-new-ticket" -> "notification";
      case "owner-review" -> "data-owner review";
      case "verdicts-revealed" -> "email with both verdicts";
      default -> "email";
    };
  }

  /** The files one submission brought, by name and the start of their SHA-256. */
  private static String files(Invocation inv, String submission) throws SQLException {
    if (submission == null) return "no files";
    List<TicketFiles.StoredAttachment> all = TicketFiles.attachments(inv.c(), inv.id(), submission);
    if (all.isEmpty()) return "no files";
    StringBuilder b = new StringBuilder("files ");
    for (int i = 0; i < Math.min(MAX_FILES_NAMED, all.size()); i++) {
      TicketFiles.StoredAttachment a = all.get(i);
      if (i > 0) b.append(", ");
      b.append(a.originalName()).append(" sha256 ").append(a.sha256(), 0, 12).append('…');
    }
    if (all.size() > MAX_FILES_NAMED)
      b.append(" and ").append(all.size() - MAX_FILES_NAMED).append(" more");
    return b.toString();
  }
}
