package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #drop}: I can no longer check this ticket (leave, illness, a conflict found late). The
 * slot is freed for another officer; a verdict already given stays, because the other checker may
 * have relied on it being independent and it is part of the record.
 */
public final class DropCommand implements OfficerCommand {
  @Override
  public String name() {
    return "drop";
  }

  @Override
  public String help() {
    return "#drop reason     hand your check back (before your verdict); another officer can #take it";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state.isOpen();
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    inv.requireOpen();
    List<String> checkers = inv.checkers();
    if (!checkers.contains(inv.sender())) {
      throw new Refused("you do not hold " + inv.id() + ", so there is nothing to hand back");
    }
    int round = inv.ticket().round();
    if (WorkflowStore.ownVerdict(inv.c(), inv.id(), round, inv.sender()).isPresent()) {
      throw new Refused(
          "your verdict for round "
              + round
              + " is recorded and stays part of the record; a checker can hand back a ticket only"
              + " before giving a verdict");
    }
    String why = inv.command().text().isBlank() ? "" : " (" + inv.command().text().strip() + ")";
    AuditLog.append(
        inv.c(), inv.id(), inv.now(), inv.sender(), AuditType.Action.CHECKER_DROPPED, why.strip());
    String where =
        freeSlot(
            inv,
            checkers,
            inv.sender(),
            inv.sender() + " handed back " + inv.id() + why,
            "handed back by " + inv.sender());
    return new Done(
        "You no longer hold " + inv.id() + ". " + where,
        "The officers have been told it needs a checker; nothing else changed on the ticket.");
  }

  /**
   * Frees {@code officer}'s slot, whoever asks ({@code #drop}, or a manager's {@code #unassign}): a
   * ticket with no checker left waits again at its old place in the queue, and the officers' list
   * is told it needs a checker.
   *
   * @param checkers the ticket's checkers before, {@code officer} among them
   * @param happened what the officers' list is told first, e.g. "alice handed back STATS10001"
   * @param transition the detail of the state change's audit event, should the ticket go back
   * @return where the ticket stands now, in a sentence
   */
  static String freeSlot(
      Invocation inv, List<String> checkers, String officer, String happened, String transition)
      throws SQLException {
    WorkflowStore.removeChecker(inv.c(), inv.id(), officer);
    boolean requeued = false;
    if (checkers.size() == 1 && inv.ticket().state() instanceof TicketState.Checking checking) {
      Instant queuedAt = WorkflowStore.queuedAt(inv.c(), inv.id()).orElse(inv.now());
      Transitions.move(inv, checking.handedBack(queuedAt), transition);
      requeued = true;
    }
    String where =
        requeued
            ? "It is back in the queue at its place in the order of receipt."
            : checkers.size() == inv.checksNeeded()
                ? "Its other checker keeps it; it needs a second checker."
                : "It is " + inv.ticket().state().name() + " and needs a checker.";
    inv.mail()
        .toOfficers(
            inv.c(),
            inv.ticket(),
            "officers-alert",
            inv.id() + " needs a checker",
            Map.of("what", happened + ". " + where + " Reply with #take to check it."),
            List.of(),
            inv.now());
    return where;
  }
}
