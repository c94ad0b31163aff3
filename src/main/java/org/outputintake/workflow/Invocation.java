package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * One command as given: by whom (and in which roles), on which ticket (read inside the
 * transaction), with what text. The guards here are the rules every command shares; each turns a
 * violation into a {@link Refused}.
 */
public record Invocation(
    Connection c,
    WorkflowContext ctx,
    StaffMail mail,
    Ticket ticket,
    Project project,
    String sender,
    Set<Role> roles,
    ParsedCommand command,
    InboundMessage message,
    String messageKey,
    Instant now) {

  public String id() {
    return ticket.idText();
  }

  public void requireOfficer() {
    if (!roles.contains(Role.OFFICER))
      throw new Refused("only the output checking officers can use #" + command.name());
  }

  /**
   * An officer with no stake in the request: the checks and the release must be independent of the
   * requester.
   */
  public void requireIndependentOfficer() {
    requireOfficer();
    if (Role.conflicted(roles)) {
      throw new Refused(
          "you are "
              + (roles.contains(Role.REQUESTER)
                  ? "the requester of this ticket"
                  : "a researcher on project " + ticket.projectNumber())
              + ", so you cannot check or release it");
    }
  }

  public void requireOpen() {
    if (!ticket.state().isOpen()) throw new Refused("the ticket is closed (" + reason() + ")");
  }

  public void requireText(String what) {
    if (command.text().isBlank())
      throw new Refused("#" + command.name() + " needs " + what + " after the command");
  }

  /**
   * For commands whose text goes to the researcher: files from staff are never relayed (only {@code
   * #release} sends files, and only the checked ones), so the text alone would tell the researcher
   * to "see the attached" with nothing attached.
   */
  public void requireNoAttachments() {
    List<String> names = message.files().stream().map(f -> f.name()).toList();
    if (names.isEmpty()) return;
    String list = String.join(", ", names);
    throw new Refused(
        "your email has "
            + names.size()
            + " attachment(s) ("
            + (list.length() > 200 ? list.substring(0, 200) + "…" : list)
            + "), and #"
            + command.name()
            + " never sends files to the researcher (only #release does, and only the checked"
            + " files). Nothing was sent: put what they need in the text and send #"
            + command.name()
            + " again without attachments");
  }

  /** {@code workflow.checkers}, read where a command needs the rule for another ticket. */
  public WorkflowSettings.Checkers checkerCounts() {
    return ctx.config().workflow().checkers();
  }

  /** How many checkers this ticket takes (its kind's {@code workflow.checkers}). */
  public int checksNeeded() {
    return WorkflowStore.checksNeeded(checkerCounts(), ticket);
  }

  public List<String> checkers() throws SQLException {
    return WorkflowStore.checkers(c, id());
  }

  /**
   * The sender holds the ticket as a checker; with a free slot and an open check, taking it is
   * implicit.
   */
  public List<String> requireChecker() throws SQLException {
    List<String> checkers = checkers();
    // a deciding checker acts on the round they decided as its checkers do
    if (checkers.contains(sender) || DecidingChecker.is(c, ticket, sender)) return checkers;
    if (checkers.size() >= checksNeeded()) {
      throw new Refused(
          "the ticket is held by "
              + String.join(" and ", checkers)
              + "; only its checkers can use #"
              + command.name());
    }
    throw new Refused("you do not hold this ticket: take it first with #take");
  }

  public String reason() {
    return ticket.state() instanceof TicketState.Closed cl
        ? cl.reason()
        : ticket.state() instanceof TicketState.Blocked b ? b.reason() : "";
  }
}
