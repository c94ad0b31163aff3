package org.outputintake.workflow;

import java.sql.SQLException;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/** Saves a ticket's next state with its audit event, in the command's transaction. */
public final class Transitions {
  private Transitions() {}

  public static Ticket move(Invocation inv, TicketState next, String detail) throws SQLException {
    Ticket updated = inv.ticket().withState(next);
    inv.ctx().tickets().update(inv.c(), new StateChange(updated, inv.sender(), detail, inv.now()));
    return updated;
  }
}
