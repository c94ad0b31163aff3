package org.outputintake.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket in the state it has just entered, with who caused it and why: saved by {@link
 * TicketRepository} together with its audit event, so the trail and the row cannot disagree.
 *
 * @param at when the change happened (not always the state's {@code since}: a ticket handed back
 *     keeps its old queue place)
 */
public record StateChange(Ticket ticket, String actor, String detail, Instant at) {
  public StateChange {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }

  public AuditType.StateEntered event() {
    return ticket.state().kind().entered();
  }
}
