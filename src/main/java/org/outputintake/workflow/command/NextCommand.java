package org.outputintake.workflow.command;

import java.sql.SQLException;
import org.outputintake.project.Project;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #next}: take the oldest ticket that needs a checker (nobody holds it, or one checker does)
 * and get its notification; tickets are actioned in order of receipt. Works from any ticket's
 * thread. A ticket the officer may not check (their own project's) is skipped.
 */
public final class NextCommand implements OfficerCommand {
  /** Sends a ticket's full notification to one officer (the same mail the officers' list got). */
  public interface Notifier {
    void notifyOne(Invocation inv, Ticket t, String officer) throws SQLException;
  }

  private final Notifier notifier;

  public NextCommand(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public String name() {
    return "next";
  }

  @Override
  public String help() {
    return "#next            take the oldest ticket that needs a checker, and get its details";
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    for (String id : WorkflowStore.needingChecker(inv.c(), 100, inv.checkerCounts())) {
      // the one they hold already needs another officer, not them
      if (WorkflowStore.checkers(inv.c(), id).contains(inv.sender())) continue;
      Ticket t = inv.ctx().tickets().find(inv.c(), id).orElseThrow();
      Project p = inv.ctx().registry().get().find(t.projectNumber()).orElse(null);
      Invocation on =
          new Invocation(
              inv.c(),
              inv.ctx(),
              inv.mail(),
              t,
              p,
              inv.sender(),
              Role.of(inv.sender(), t, p, inv.ctx().config().staff()),
              inv.command(),
              inv.message(),
              inv.messageKey(),
              inv.now());
      // a ticket of a kind this officer does not work (staff.lists) is left for those who do
      if (!on.roles().contains(Role.OFFICER) || Role.conflicted(on.roles())) continue;
      TakeCommand.take(on);
      notifier.notifyOne(on, inv.ctx().tickets().find(inv.c(), id).orElseThrow(), inv.sender());
      return new Done(
          "You took "
              + id
              + " (the oldest ticket needing a checker); its details are in a separate email.",
          "Reply to that email with #pass or #fail and your notes.");
    }
    throw new Refused("the queue is empty: no ticket is waiting for a checker you could be");
  }
}
