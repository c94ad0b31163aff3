package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/** Saves a ticket's next state with its audit event, in the command's transaction. */
public final class Transitions {
  private Transitions() {}

  public static Ticket move(Invocation inv, TicketState next, String detail) throws SQLException {
    return move(inv.c(), inv.ctx(), inv.ticket(), next, inv.sender(), inv.now(), detail);
  }

  /**
   * The same for work no email asked for (a scheduled withdrawal): {@code actor} is who the audit
   * trail names.
   */
  public static Ticket move(
      Connection c,
      WorkflowContext ctx,
      Ticket ticket,
      TicketState next,
      String actor,
      Instant now,
      String detail)
      throws SQLException {
    Ticket updated = ticket.withState(next);
    ctx.tickets().update(c, new StateChange(updated, actor, detail, now));
    return updated;
  }
}
