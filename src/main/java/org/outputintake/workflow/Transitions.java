package org.outputintake.workflow;

import java.sql.SQLException;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/** Saves a ticket's next state with its audit event, in the command's transaction. */
public final class Transitions {
  private Transitions() {}

  public static Ticket move(Invocation inv, TicketState next, String detail) throws SQLException {
    Ticket updated = inv.ticket().withState(next);
    inv.ctx().tickets().update(inv.c(), updated);
    AuditLog.append(inv.c(), inv.id(), inv.now(), inv.sender(), "state-" + next.name(), detail);
    return updated;
  }
}
