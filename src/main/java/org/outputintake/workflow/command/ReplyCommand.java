package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #reply} + text: a message in the ticket's thread that neither blocks nor changes the
 * ticket ("we expect to finish by Thursday"). To the researcher; while the ticket is with its data
 * owners and one of them wrote, to the data owner who wrote last, so an officer can answer them.
 */
public final class ReplyCommand implements OfficerCommand {
  @Override
  public String name() {
    return "reply";
  }

  @Override
  public String help() {
    return "#reply text      a message to the researcher (or to the data owner who wrote last, while"
        + " with the data owners); the ticket does not change";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state.isOpen();
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    inv.requireOpen();
    inv.requireText("your message");
    inv.requireNoAttachments();
    String text = inv.command().text();
    Optional<String> owner = ownerWhoWroteLast(inv);
    String to = owner.orElse(inv.ticket().researcher());
    WorkflowStore.addNote(
        inv.c(), inv.id(), inv.sender(), "reply", text, inv.now(), inv.messageKey());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.REPLY_SENT,
        owner.isPresent() ? "to the data owner who wrote last" : "to the researcher");
    if (owner.isPresent()) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("text", TextBlock.of(text));
      facts.put("owner", true);
      inv.mail()
          .queue(
              inv.c(),
              inv.ctx()
                  .composer()
                  .ticketMail(
                      "officer-reply", inv.ticket(), to, List.of(), null, facts, List.of(), null),
              inv.now());
    } else {
      inv.mail()
          .toResearcher(
              inv.c(),
              inv.ticket(),
              "officer-reply",
              Map.of("text", TextBlock.of(text), "owner", false),
              List.of(),
              List.of(),
              inv.now());
    }
    return new Done(
        "Your message was sent to "
            + (owner.isPresent() ? "the data owner " + to : "the researcher " + to)
            + " in the thread of "
            + inv.id()
            + ".",
        "Nothing else changes: the ticket is " + inv.ticket().state().name() + ".");
  }

  /** While the ticket is with its data owners, the owner whose words were stored last. */
  private static Optional<String> ownerWhoWroteLast(Invocation inv) throws SQLException {
    if (!(inv.ticket().state() instanceof TicketState.WithDataOwner)) return Optional.empty();
    List<WorkflowStore.Note> notes = WorkflowStore.notes(inv.c(), inv.id());
    for (int i = notes.size() - 1; i >= 0; i--) {
      WorkflowStore.Note n = notes.get(i);
      if (n.kind().equals("owner-note")) return Optional.of(n.author());
    }
    return Optional.empty();
  }
}
