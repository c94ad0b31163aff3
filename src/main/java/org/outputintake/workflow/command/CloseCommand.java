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
 * {@code #reject} + reason and {@code #close} + reason: the ticket closes without release and the
 * researcher is told from a template. Reject is the checkers' decision on the output; close is
 * housekeeping (withdrawn, duplicate).
 */
public final class CloseCommand implements OfficerCommand {
  /**
   * How the ticket closes: rejected (the output cannot be cleared) or closed for another reason.
   */
  public enum Closing {
    REJECT,
    CLOSE
  }

  private final boolean reject;

  public CloseCommand(Closing closing) {
    this.reject = closing == Closing.REJECT;
  }

  @Override
  public String name() {
    return reject ? "reject" : "close";
  }

  @Override
  public String help() {
    return reject
        ? "#reject reason   close without release: the output cannot be cleared (researcher told)"
        : "#close reason    close without release for another reason, e.g. withdrawn (researcher told)";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state.isOpen();
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    if (reject) inv.requireIndependentOfficer();
    else inv.requireOfficer();
    inv.requireOpen();
    inv.requireText("the reason, which the researcher will read");
    inv.requireNoAttachments();
    if (reject) {
      List<String> checkers = inv.checkers();
      if (!checkers.isEmpty()) inv.requireChecker();
    }
    String reason = inv.command().text();
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), name(), reason, inv.now(), inv.messageKey());
    inv.mail()
        .toResearcher(
            inv.c(),
            inv.ticket(),
            reject ? "researcher-rejected" : "researcher-closed",
            Map.of("reason", TextBlock.of(reason)),
            List.of(),
            List.of(),
            inv.now());
    String stored = (reject ? "rejected: " : "closed: ") + firstLine(reason);
    Transitions.move(
        inv, ((TicketState.Open) inv.ticket().state()).close(stored, inv.now()), stored);
    return new Done(
        inv.id()
            + " is closed ("
            + (reject ? "rejected" : "closed")
            + ") and the researcher was told.",
        "Nothing more: a closed ticket is archived; the researcher is asked to open a new request if they write.");
  }

  static String firstLine(String s) {
    String line = s.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
