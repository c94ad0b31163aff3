package org.outputintake.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.store.Database;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.BlindVerdicts;
import org.outputintake.workflow.DeskViews;
import org.outputintake.workflow.OwnerDecision;
import org.outputintake.workflow.WorkflowStore;

/**
 * The officers' view of tickets in the terminal: the queue, and a ticket's checks, decisions and
 * notes.
 */
final class TicketViews {
  static final List<String> STATES =
      List.of("queued", "checking", "checked", "with-data-owner", "approved", "blocked", "closed");

  private TicketViews() {}

  /** The queue as {@code #queue} gives it by email ({@link DeskViews#queue}). */
  static int printQueue(
      Database db,
      TicketRepository repo,
      WorkflowSettings.Checkers counts,
      PrintWriter out,
      Clock clock) {
    db.read(c -> new DeskViews(c, repo, counts).queue(clock.instant())).forEach(out::println);
    return 0;
  }

  /** The tickets {@code #find} gives by email ({@link DeskViews#search}). */
  static int printSearch(
      Database db,
      TicketRepository repo,
      WorkflowSettings.Checkers counts,
      PrintWriter out,
      List<String> words) {
    db.read(c -> new DeskViews(c, repo, counts).search(words, Integer.MAX_VALUE))
        .forEach(out::println);
    return 0;
  }

  /**
   * Owners, senders, notes, release; the checks are in the ticket's summary ({@link
   * DeskViews#summary}).
   */
  static void printWorkflow(Connection c, PrintWriter out, Ticket t, BlindVerdicts blind)
      throws SQLException {
    String id = t.idText();
    List<OwnerDecision> decisions = OwnerDecision.forTicket(c, id);
    if (!decisions.isEmpty()) {
      out.println("Data owner decisions:");
      for (OwnerDecision d : decisions) {
        out.printf(
            "  - %s round %d %s %s%s%n",
            d.at(),
            d.round(),
            d.approve() ? "APPROVED" : "DENIED",
            d.owner(),
            d.reason() == null || d.reason().isBlank() ? "" : ": " + oneLine(d.reason()));
      }
    }
    List<org.outputintake.workflow.ProvenDecisions.Entry> senders =
        org.outputintake.workflow.ProvenDecisions.forTicket(c, id);
    if (!senders.isEmpty()) {
      out.println("Staff commands and their senders:");
      for (var e : senders) {
        out.printf("  - %s #%-8s %s: %s%n", e.at(), e.command(), e.sender(), e.proof());
      }
    }
    List<WorkflowStore.Note> notes = WorkflowStore.notes(c, id);
    if (!notes.isEmpty()) {
      out.println("Notes and messages:");
      for (WorkflowStore.Note n : notes) {
        String text =
            blind.hides(n.text())
                ? StoredEmailText.HIDDEN
                : blind.mask(new IdentifierFinder().maskedText(n.text()));
        out.printf("  - %s %-14s %s: %s%n", n.at(), n.kind(), n.author(), oneLine(text));
      }
    }
    WorkflowStore.release(c, id)
        .ifPresent(
            r ->
                out.printf(
                    "Released: %s by %s to %s%s, files %s, message %s%n",
                    r.at(),
                    r.by(),
                    r.recipient(),
                    r.blindCopy() == null ? "" : " (blind copy " + r.blindCopy() + ")",
                    r.filesJson(),
                    r.messageId()));
  }

  /** A note as one line; its identifier values masked, as in the emails' text. */
  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }
}
