package org.outputintake.workflow.command;

import java.sql.SQLException;
import org.outputintake.ticket.AuditLog;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.WorkflowStore;

/** {@code #note} + text: an internal note on the ticket, never sent to the researcher. */
public final class NoteCommand implements OfficerCommand {
  @Override
  public String name() {
    return "note";
  }

  @Override
  public String help() {
    return "#note text       an internal note on the ticket (never sent to the researcher)";
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    inv.requireText("the note's text");
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), "note", inv.command().text(), inv.now(), inv.messageKey());
    AuditLog.append(inv.c(), inv.id(), inv.now(), inv.sender(), "note-added", "internal note");
    return new Done(
        "Your note is on " + inv.id() + ".",
        "Nothing else changes: the ticket is " + inv.ticket().state().name() + ".");
  }
}
