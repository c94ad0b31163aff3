package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.outputintake.mail.DisplayNames;
import org.outputintake.mail.InboundMessage;
import org.outputintake.store.RawStore;

/**
 * The name a researcher is greeted by in the bot's mail on their ticket. The ticket keeps no name,
 * so it is read where the acknowledgement found it: the display name of the researcher's own {@code
 * From:}, in the email being answered or else in the raw copy of their latest email on the ticket.
 * Only the header is read again, never the message.
 */
final class ResearcherNames {
  /** How many of their latest emails are looked at before giving up on a name. */
  private static final int LOOK_BACK = 5;

  private final RawStore messages;

  ResearcherNames(RawStore messages) {
    this.messages = messages;
  }

  /**
   * The name to greet {@code to} by on this ticket, or empty for the neutral greeting.
   *
   * @param current the email being answered, when there is one (it may carry the name itself)
   */
  Optional<String> of(Connection c, String ticketId, String to, InboundMessage current)
      throws SQLException {
    if (to == null) return Optional.empty();
    String address = to.toLowerCase(Locale.ROOT);
    if (current != null && address.equals(current.from())) {
      Optional<String> name = DisplayNames.greeting(current.fromName());
      if (name.isPresent()) return name;
    }
    for (String sha : WorkflowStore.latestEmailsFrom(c, ticketId, address, LOOK_BACK)) {
      if (sha.length() != 64) continue; // not a hash this store wrote
      Optional<String> name = DisplayNames.ofStoredMessage(messages.located(sha, ".eml", null));
      if (name.isPresent()) return name;
    }
    return Optional.empty();
  }
}
