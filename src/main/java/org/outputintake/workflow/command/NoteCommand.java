package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.workflow.BlindVerdicts;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #note} + text: an internal note on the ticket, never sent to the researcher, and sent to
 * the ticket's other checkers, who would otherwise never know it was written.
 */
public final class NoteCommand implements OfficerCommand {
  @Override
  public String name() {
    return "note";
  }

  @Override
  public String help() {
    return "#note text       an internal note on the ticket, sent to its other checkers (never to the"
        + " researcher)";
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    inv.requireText("the note's text");
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), "note", inv.command().text(), inv.now(), inv.messageKey());
    AuditLog.append(
        inv.c(), inv.id(), inv.now(), inv.sender(), AuditType.Action.NOTE_ADDED, "internal note");
    List<String> others =
        inv.checkers().stream().filter(a -> !a.equalsIgnoreCase(inv.sender())).toList();
    // a note must not carry a verdict to the other checker before both are in (blind checks), nor
    // an identifier value in clear
    String shown =
        BlindVerdicts.of(inv.c(), inv.ticket(), inv.checkerCounts())
            .mask(new IdentifierFinder().maskedText(inv.command().text()));
    for (String to : others) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("author", inv.sender());
      facts.put("note", TextBlock.of(shown));
      facts.put("state", inv.ticket().state().name());
      facts.put("round", inv.ticket().round());
      inv.mail()
          .queue(
              inv.c(),
              inv.ctx()
                  .composer()
                  .ticketMail(
                      "officer-note",
                      inv.ticket(),
                      to,
                      List.of(),
                      "Note from " + inv.sender(),
                      facts,
                      List.of(),
                      null),
              inv.now());
    }
    return new Done(
        "Your note is on "
            + inv.id()
            + (others.isEmpty()
                ? " (no other checker holds it, so nobody else was sent it)."
                : " and was sent to " + String.join(" and ", others) + "."),
        "Nothing else changes: the ticket is " + inv.ticket().state().name() + ".");
  }
}
