package org.outputintake.intake;

import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.Ticket;

/** What happened, for whoever watches (the demo prints these; the daemon logs them). */
public interface IntakeEvents {
  default void ticketOpened(Ticket ticket, RequestReview.Result review) {}

  default void ticketUpdated(Ticket ticket, String what) {}

  default void refused(String sender, String code) {}

  default void notARequest(String sender, String subject) {}

  default void ignored(String sender, String reason) {}

  default void quarantined(String messageKey, String reason) {}

  default void replySent(OutgoingMail mail) {}

  IntakeEvents NONE = new IntakeEvents() {};
}
