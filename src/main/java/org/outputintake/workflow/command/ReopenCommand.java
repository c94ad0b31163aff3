package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outputintake.project.Project;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #reopen reason}: a ticket closed by mistake ({@code #reject} meant as {@code #revise}, a
 * {@code #close} on the wrong thread) goes back to where it was when it was closed, with its
 * checkers and verdicts, and the researcher is told it is open again. Never after a release (the
 * files have left) nor on a project that is no longer live. The managers may reopen any such
 * ticket; an officer only one they closed themselves, since undoing a colleague's decision is the
 * managers' call.
 */
public final class ReopenCommand implements OfficerCommand {
  @Override
  public String name() {
    return "reopen";
  }

  @Override
  public String help() {
    return "#reopen reason   reopen a ticket closed by mistake (not after a release): back to where"
        + " it was, researcher told";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Closed closed && !closed.released();
  }

  @Override
  public boolean forManagersToo() {
    return true;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    if (!(inv.ticket().state() instanceof TicketState.Closed closed)) {
      throw new Refused(
          inv.id()
              + " is open ("
              + inv.ticket().state().name()
              + "); #reopen is for a ticket closed by mistake");
    }
    if (closed.released()) {
      throw new Refused(
          inv.id()
              + " was released: its files have gone to the researcher and a release cannot be"
              + " undone, so it is never reopened. Further outputs need a new request");
    }
    Project p = inv.project();
    if (p == null || p.status() != Project.Status.LIVE) {
      throw new Refused(
          "project " + inv.ticket().projectNumber() + " is not live, so its tickets stay closed");
    }
    UnassignCommand.requireNoStake(inv);
    List<AuditLog.Event> trail = AuditLog.forTicket(inv.c(), inv.id());
    int closing = lastIndex(trail, "state-closed");
    String closer = closing < 0 ? "system" : trail.get(closing).actor();
    if (!inv.roles().contains(Role.MANAGER) && !closer.equalsIgnoreCase(inv.sender())) {
      throw new Refused(
          "only the officer who closed "
              + inv.id()
              + " ("
              + closer
              + ") or a manager can reopen it; ask them, or a manager");
    }
    inv.requireText("your reason, which the researcher will read");
    String reason = inv.command().text();
    int before = closing < 0 ? -1 : lastOpenState(trail, closing);
    String was = before < 0 ? "queued" : trail.get(before).type().substring("state-".length());
    String blockedReason = before < 0 ? "" : trail.get(before).detail();
    Instant queuedAt = WorkflowStore.queuedAt(inv.c(), inv.id()).orElse(inv.now());
    TicketState.Open open = closed.reopen(was, inv.now(), queuedAt, blockedReason);
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), "reopen", reason, inv.now(), inv.messageKey());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.TICKET_REOPENED,
        "closed by " + closer + " (" + closed.reason() + "); back to " + open.name());
    Ticket t = Transitions.move(inv, open, "reopened: " + CloseCommand.firstLine(reason));
    inv.mail()
        .toResearcher(
            inv.c(),
            t,
            "researcher-reopened",
            Map.of(
                "reason",
                TextBlock.of(reason),
                "blocked",
                open instanceof TicketState.Blocked,
                "queued",
                open instanceof TicketState.Queued),
            List.of(),
            List.of(),
            inv.now());
    inv.mail()
        .toCheckers(
            inv.c(),
            t,
            "officers-alert",
            inv.id() + " is open again",
            Map.of(
                "what",
                TextBlock.of(
                    inv.sender()
                        + " reopened "
                        + inv.id()
                        + ", closed by mistake ("
                        + closed.reason()
                        + "). It is "
                        + open.name()
                        + " again, with its checkers and verdicts as they were. Their reason:\n\n"
                        + reason)),
            inv.now());
    return new Done(
        inv.id()
            + " is open again: "
            + open.name()
            + ", as it was before it was closed, with its checkers and verdicts. The researcher"
            + " was told.",
        open instanceof TicketState.Queued
            ? "It waits in the queue at its old place for #take."
            : "Its checkers carry on from where it was closed.");
  }

  private static int lastIndex(List<AuditLog.Event> trail, String type) {
    for (int i = trail.size() - 1; i >= 0; i--) if (trail.get(i).type().equals(type)) return i;
    return -1;
  }

  /** The state the ticket was in when it closed: the last state event before the closing one. */
  private static int lastOpenState(List<AuditLog.Event> trail, int closing) {
    for (int i = closing - 1; i >= 0; i--) {
      String type = trail.get(i).type();
      if (type.startsWith("state-") && !type.equals("state-closed")) return i;
    }
    return -1;
  }
}
