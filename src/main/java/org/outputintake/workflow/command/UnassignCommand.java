package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #unassign officer reason}: a manager frees the slot of a checker who is away without a
 * word, so the ticket does not wait for them. The effects are those of the checker's own {@code
 * #drop}, with the same limit: a verdict given stays, because the other checker may have relied on
 * it being independent and it is part of the record. The removed officer is told who freed their
 * slot and why, so they do not go on checking when they come back.
 */
public final class UnassignCommand implements OfficerCommand {
  /** The officer's address (bare, in angle brackets, or as a mailto link), then the reason. */
  static final Pattern ARGS =
      Pattern.compile(
          "^<?(?:mailto:)?([^\\s<>,;:@]+@[^\\s<>,;:@]+?)>?[,;:.]?(?:\\s+(.*))?$", Pattern.DOTALL);

  private static final String EXAMPLE = "#unassign alice.officer@example.org on leave until Monday";

  @Override
  public String name() {
    return "unassign";
  }

  @Override
  public String help() {
    // one word after the name, as the other help lines, so a quoted copy is never read as a command
    return "#unassign officer  free the slot of a checker who is away (before their verdict):"
        + " their address, then why";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state.isOpen();
  }

  @Override
  public boolean forManagers() {
    return true;
  }

  /** Who checks a request must not be chosen by someone with a stake in it. */
  static void requireNoStake(Invocation inv) {
    if (Role.researcher(inv.roles())) {
      throw new Refused(
          "you are "
              + (inv.roles().contains(Role.REQUESTER)
                  ? "the requester of this ticket"
                  : "a researcher on project " + inv.ticket().projectNumber())
              + ", so you cannot change who checks it");
    }
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOpen();
    requireNoStake(inv);
    Matcher args = ARGS.matcher(inv.command().text());
    if (!args.matches()) {
      throw new Refused(
          "#unassign needs the address of the officer whose slot you free, then your reason: "
              + EXAMPLE);
    }
    String officer = args.group(1).toLowerCase(Locale.ROOT);
    String reason = args.group(2) == null ? "" : args.group(2).strip();
    if (reason.isEmpty()) {
      throw new Refused(
          "#unassign needs your reason after the officer's address (the officer and the audit"
              + " trail get it): "
              + EXAMPLE);
    }
    List<String> checkers = inv.checkers();
    if (!checkers.contains(officer)) {
      // the addresses only: whether either has given a verdict is none of this reply's business
      throw new Refused(
          officer
              + " is not a checker of "
              + inv.id()
              + (checkers.isEmpty()
                  ? "; nobody holds it"
                  : checkers.size() == 1
                      ? "; its checker is " + checkers.get(0)
                      : "; its checkers are " + String.join(" and ", checkers)));
    }
    int round = inv.ticket().round();
    if (WorkflowStore.ownVerdict(inv.c(), inv.id(), round, officer).isPresent()) {
      throw new Refused(
          officer
              + " has given their verdict for round "
              + round
              + ", which stays part of the record; a checker's slot can be freed only before"
              + " their verdict");
    }
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.CHECKER_UNASSIGNED,
        officer + ": " + reason);
    String where =
        DropCommand.freeSlot(
            inv,
            checkers,
            officer,
            // the reason ("off sick") is the officer's business: it goes to them, never the list
            inv.sender() + ", a manager, freed the slot of " + officer + " on " + inv.id(),
            "slot of " + officer + " freed by " + inv.sender());
    inv.mail()
        .toPerson(
            inv.c(),
            inv.ticket(),
            officer,
            "officer-unassigned",
            "You no longer hold " + inv.id(),
            Map.of("manager", inv.sender(), "reason", TextBlock.of(reason), "where", where),
            null,
            inv.now());
    return new Done(
        "You freed the slot of " + officer + " on " + inv.id() + ". " + where,
        "The officers have been told it needs a checker, and "
            + officer
            + " that you freed their slot and why.");
  }
}
