package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #revise} + guidance and {@code #ask} + question: the text goes to the researcher from the
 * support address, in the ticket's thread, wrapped in a template; the ticket is blocked (out of the
 * queue) until they answer.
 */
public final class ResearcherMessageCommand implements OfficerCommand {
  /** What the officer writes to the researcher for, and so why the ticket is blocked. */
  public enum Purpose {
    REVISE(TicketState.Blocked.OfficerRequest.REVISIONS),
    ASK(TicketState.Blocked.OfficerRequest.QUESTION);

    private final TicketState.Blocked.OfficerRequest cause;

    Purpose(TicketState.Blocked.OfficerRequest cause) {
      this.cause = cause;
    }
  }

  private final boolean revise;
  private final TicketState.Blocked.OfficerRequest cause;

  public ResearcherMessageCommand(Purpose purpose) {
    this.revise = purpose == Purpose.REVISE;
    this.cause = purpose.cause;
  }

  @Override
  public String name() {
    return revise ? "revise" : "ask";
  }

  @Override
  public String help() {
    return revise
        ? "#revise guidance  send guidance on revisions to the researcher; the ticket is blocked"
        : "#ask question    send a question to the researcher; the ticket is blocked until they answer";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state.isOpen();
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireIndependentOfficer();
    inv.requireOpen();
    inv.requireText(
        revise ? "the guidance for the researcher" : "your question for the researcher");
    List<String> checkers = inv.checkers();
    if (!checkers.isEmpty() && !checkers.contains(inv.sender())) inv.requireChecker();
    inv.requireNoAttachments();
    String text = inv.command().text();
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), name(), text, inv.now(), inv.messageKey());
    inv.mail()
        .toResearcher(
            inv.c(),
            inv.ticket(),
            revise ? "researcher-revise" : "researcher-ask",
            Map.of("text", TextBlock.of(text)),
            List.of(),
            List.of(),
            inv.now());
    if (inv.ticket().state() instanceof TicketState.Blocked b) {
      Transitions.move(inv, b.stillBlocked(cause, inv.now()), cause.text() + " (already blocked)");
    } else if (inv.ticket().state() instanceof TicketState.Open open) {
      Transitions.move(inv, open.block(cause, inv.now()), cause.text());
    }
    return new Done(
        (revise ? "Your guidance" : "Your question")
            + " was sent to "
            + inv.ticket().researcher()
            + " and "
            + inv.id()
            + " is blocked (out of the queue).",
        "When the researcher replies, the ticket returns to the back of the queue and its checkers are told; "
            + (revise
                ? "new files reset the verdicts."
                : "an answer without files keeps the verdicts of an unfinished round, and"
                    + " starts a new round on the same files when both verdicts are in."));
  }
}
