package org.outputintake.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.store.Database;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.BlindVerdicts;
import org.outputintake.workflow.WorkflowStore;

/**
 * The officers' view of tickets in the terminal: the queue, and a ticket's checks, decisions and
 * notes.
 */
final class TicketViews {
  static final List<String> STATES =
      List.of("queued", "checking", "checked", "with-data-owner", "approved", "blocked", "closed");

  private TicketViews() {}

  /**
   * Queued tickets in order of receipt, with position, age and who holds them; then the tickets
   * being checked that need a checker (one slot free), oldest first.
   */
  static int printQueue(Database db, TicketRepository repo, PrintWriter out, Clock clock) {
    List<Ticket> open = db.read(c -> repo.list(c));
    List<Ticket> queued =
        open.stream()
            .filter(t -> t.state() instanceof TicketState.Queued)
            .sorted(
                java.util.Comparator.comparing((Ticket t) -> t.state().since())
                    .thenComparing(t -> t.id().number()))
            .toList();
    List<String> needing = db.read(c -> WorkflowStore.needingChecker(c, Integer.MAX_VALUE));
    List<Ticket> halfHeld =
        needing.stream()
            .flatMap(id -> open.stream().filter(t -> t.idText().equals(id)))
            .filter(t -> !(t.state() instanceof TicketState.Queued))
            .toList();
    if (queued.isEmpty()) out.println("The queue is empty.");
    else printRows(db, out, clock, queued, true);
    if (!halfHeld.isEmpty()) {
      out.println();
      out.println(
          "Being checked, needing a checker (one slot free; #next offers them, oldest first):");
      printRows(db, out, clock, halfHeld, false);
    }
    return 0;
  }

  private static void printRows(
      Database db, PrintWriter out, Clock clock, List<Ticket> tickets, boolean positions) {
    out.printf(
        "%-4s %-12s %-10s %-10s %-34s %-30s %s%n",
        "POS", "TICKET", "PROJECT", "AGE", "RESEARCHER", "CHECKERS", "SUBJECT");
    int pos = 1;
    for (Ticket t : tickets) {
      List<String> checkers = db.read(c -> WorkflowStore.checkers(c, t.idText()));
      Instant since =
          positions
              ? t.state().since()
              : db.read(c -> WorkflowStore.queuedAt(c, t.idText())).orElse(t.createdAt());
      out.printf(
          "%-4s %-12s %-10s %-10s %-34s %-30s %s%n",
          positions ? String.valueOf(pos++) : "-",
          t.id(),
          t.projectNumber(),
          age(Duration.between(since, clock.instant())),
          t.researcher(),
          checkers.isEmpty() ? "-" : String.join(",", checkers),
          t.subject());
    }
  }

  /**
   * Checkers, verdicts (only rounds where both are in: the same blindness as the mail), owners,
   * notes, release.
   */
  static void printWorkflow(Connection c, PrintWriter out, Ticket t, BlindVerdicts blind)
      throws SQLException {
    String id = t.idText();
    List<String> checkers = WorkflowStore.checkers(c, id);
    out.printf(
        "Checks (round %d): checkers %s; verdicts this round: %d of %d%s%n",
        t.round(),
        checkers.isEmpty() ? "none yet" : String.join(", ", checkers),
        WorkflowStore.verdictCount(c, id, t.round()),
        WorkflowStore.CHECKERS,
        WorkflowStore.verdictCount(c, id, t.round()) > 0
                && WorkflowStore.verdictCount(c, id, t.round()) < WorkflowStore.CHECKERS
            ? " (hidden until both are in)"
            : "");
    for (WorkflowStore.Verdict v : WorkflowStore.revealedHistory(c, id)) {
      out.printf(
          "  - round %d %s %s: %s%n",
          v.round(),
          v.pass() ? "PASS" : "FAIL",
          v.officer(),
          v.notes() == null || v.notes().isBlank() ? "(no notes)" : oneLine(v.notes()));
    }
    List<WorkflowStore.OwnerDecision> decisions = WorkflowStore.ownerDecisions(c, id);
    if (!decisions.isEmpty()) {
      out.println("Data owner decisions:");
      for (WorkflowStore.OwnerDecision d : decisions) {
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

  private static String age(Duration d) {
    long h = d.toHours();
    return h >= 48 ? d.toDays() + "d" : h >= 1 ? h + "h" : d.toMinutes() + "m";
  }
}
