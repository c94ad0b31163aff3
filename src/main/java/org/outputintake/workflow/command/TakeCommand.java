package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.List;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.FilesForCheckers;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/** {@code #take}: I am one of the two independent checkers. */
public final class TakeCommand implements OfficerCommand {
  @Override
  public String name() {
    return "take";
  }

  @Override
  public String help() {
    return "#take            become one of the two independent checkers of this ticket";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Queued || state instanceof TicketState.Checking;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireIndependentOfficer();
    inv.requireOpen();
    int n = take(inv);
    return withFiles(
        inv,
        "You are checker " + n + " of " + inv.checksNeeded() + " on " + inv.id() + ".",
        "Check the files and give your independent verdict: reply with #pass or #fail and your"
            + " notes. You will not see the other checker's verdict until both are in.");
  }

  /**
   * {@code head}, then the latest submission's files as stored (check round, name, role and SHA-256
   * of each), all attached whatever their size: what a checker needs to check by email. Shared with
   * {@code #assign}, whose officer gets the same.
   */
  static Done withFiles(Invocation inv, String head, String next) throws SQLException {
    List<TicketFiles.StoredAttachment> files = TicketFiles.latestSubmission(inv.c(), inv.id());
    FilesForCheckers.Prepared sent =
        FilesForCheckers.of(
            inv.ctx().files().files(),
            files,
            FilesForCheckers.Attach.ALWAYS,
            inv.ctx().config().staff().attachLimitBytes());
    StringBuilder list = new StringBuilder();
    for (TicketFiles.StoredAttachment a : files) {
      list.append("\n  - ")
          .append(SafeFileName.of(a.originalName()).display())
          .append(" (")
          .append(a.role())
          .append(")\n    SHA-256 ")
          .append(a.sha256());
    }
    return new Done(
        head
            + (files.isEmpty()
                ? ""
                : "\n\nThe submission's files are attached as stored (check round "
                    + inv.ticket().round()
                    + "), each with its SHA-256:"
                    + list),
        next,
        sent.attachments());
  }

  /** Adds the sender as a checker; returns their number (1 or 2). Shared with {@code #next}. */
  static int take(Invocation inv) throws SQLException {
    List<String> checkers = inv.checkers();
    if (checkers.contains(inv.sender())) throw new Refused("you already hold " + inv.id());
    if (checkers.size() >= inv.checksNeeded()) {
      throw new Refused(
          inv.id()
              + " already has its "
              + (inv.checksNeeded() == 1 ? "checker" : inv.checksNeeded() + " checkers")
              + ": "
              + String.join(" and ", checkers));
    }
    if (inv.ticket().state() instanceof TicketState.Blocked) {
      throw new Refused(inv.id() + " is blocked waiting for the researcher (" + inv.reason() + ")");
    }
    WorkflowStore.addChecker(inv.c(), inv.id(), inv.sender(), inv.now());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.CHECKER_ADDED,
        "checker " + (checkers.size() + 1));
    if (inv.ticket().state() instanceof TicketState.Queued q) {
      Transitions.move(inv, q.take(inv.now()), "taken by " + inv.sender());
    } else {
      // the second checker changes no state, but a third who read the ticket before must fail
      inv.ctx().tickets().touch(inv.c(), inv.ticket());
    }
    return checkers.size() + 1;
  }
}
