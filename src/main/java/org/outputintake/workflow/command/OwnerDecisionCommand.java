package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.Map;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.OwnerDecision;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.Transitions;

/**
 * {@code #approve} / {@code #deny} + reason: a data owner of the ticket's project decides. A denial
 * returns the ticket to its checkers, as a fail does (seed 002: data owners can deny only for
 * disclosure or governance reasons).
 */
public final class OwnerDecisionCommand implements OfficerCommand {
  /** Which of the data owner's two answers this command is. */
  public enum Decision {
    APPROVE,
    DENY
  }

  private final boolean approve;

  public OwnerDecisionCommand(Decision decision) {
    this.approve = decision == Decision.APPROVE;
  }

  @Override
  public boolean decision() {
    return true;
  }

  @Override
  public String name() {
    return approve ? "approve" : "deny";
  }

  @Override
  public String help() {
    return approve
        ? "#approve         (data owners) approve the release of the files sent to you"
        : "#deny reason     (data owners) deny release, for disclosure or governance reasons";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.WithDataOwner;
  }

  @Override
  public boolean forDataOwners() {
    return true;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    if (!inv.roles().contains(Role.DATA_OWNER)) {
      throw new Refused(
          "only the data owners of project "
              + inv.ticket().projectNumber()
              + " can use #"
              + name());
    }
    inv.requireOpen();
    if (!approve) inv.requireText("the reason (a disclosure or governance concern)");
    if (!(inv.ticket().state() instanceof TicketState.WithDataOwner waiting)) {
      throw new Refused(
          inv.id()
              + " is not waiting for a data owner's decision (it is "
              + inv.ticket().state().name()
              + ")");
    }
    String reason = inv.command().text();
    OwnerDecision.add(
        inv.c(),
        inv.id(),
        inv.ticket().round(),
        inv.sender(),
        approve,
        reason,
        inv.now(),
        inv.messageKey());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        approve ? AuditType.Action.OWNER_APPROVE : AuditType.Action.OWNER_DENY,
        approve ? "approved" : CloseCommand.firstLine(reason));
    Ticket t =
        Transitions.move(
            inv,
            approve ? waiting.approve(inv.now()) : waiting.deny(inv.now()),
            "data owner " + inv.sender() + (approve ? " approved" : " denied"));
    String next =
        approve
            ? "A checker can now release the files with #release."
            : "A checker must now reply #revise (guidance to the researcher), #ask or #reject.";
    inv.mail()
        .toCheckers(
            inv.c(),
            t,
            "owner-decided",
            "Data owner " + (approve ? "approved" : "denied"),
            Map.of(
                "owner",
                inv.sender(),
                "decision",
                approve ? "APPROVED" : "DENIED",
                "reason",
                TextBlock.of(reason.isBlank() ? "(no reason given)" : reason),
                "next",
                next),
            inv.now());
    return new Done(
        "Your decision ("
            + (approve ? "approve" : "deny")
            + ") on "
            + inv.id()
            + " is recorded and the "
            + "checkers were told.",
        approve
            ? "The officers will release the files to the researcher."
            : "The officers will ask the researcher to revise the output.");
  }
}
