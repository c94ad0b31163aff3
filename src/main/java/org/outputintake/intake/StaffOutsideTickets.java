package org.outputintake.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.config.Staff;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.text.ReplyText;
import org.outputintake.reply.SentReplies;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail in no ticket's thread that is for staff, not a researcher's request: an answer to a digest
 * or to another of the bot's emails to staff, or an officer's or manager's own email whose subject
 * is no request. It never gets the researchers' subject help: a ticket id in its text takes it to
 * that ticket, as if written in its thread; otherwise its sender is told where to write.
 */
final class StaffOutsideTickets {
  private static final Logger LOG = LoggerFactory.getLogger(StaffOutsideTickets.class);

  /** The bot's emails to staff that belong to no ticket. */
  private static final Set<String> STAFF_KINDS =
      Set.of("digest", "officer-no-ticket", "staff-no-ticket");

  private final IntakeContext ctx;

  StaffOutsideTickets(IntakeContext ctx) {
    this.ctx = ctx;
  }

  /** The kind of the bot's staff email this one answers, if it answers one. */
  Optional<String> answeredStaffMail(InboundMessage m) {
    return ctx.db()
        .read(
            c -> {
              for (String id : m.threadIds()) {
                Optional<String> kind = SentReplies.kindOf(c, id).filter(STAFF_KINDS::contains);
                if (kind.isPresent()) return kind;
              }
              return Optional.<String>empty();
            });
  }

  /** Whether the sender is an officer, a manager or the officers' list. */
  boolean fromStaff(InboundMessage m) {
    Staff staff = ctx.config().staff();
    String from = m.from();
    return from != null
        && (staff.isOfficer(from)
            || staff.isManager(from)
            || from.equalsIgnoreCase(String.valueOf(staff.officersList())));
  }

  /** The ticket whose id the sender wrote in their new text, if it exists. */
  Optional<Ticket> namedTicket(InboundMessage m) {
    Optional<TicketId> id =
        TicketId.findInText(ReplyText.of(m).newText(), ctx.config().tickets().allPrefixes());
    if (id.isEmpty()) return Optional.empty();
    return ctx.db().read(c -> ctx.tickets().find(c, id.get().toString()));
  }

  /** No ticket named: nothing is done, and the sender is told where to write. */
  IntakeService.Outcome whereToWrite(
      InboundMessage m, String key, RawStore.Stored raw, Optional<String> answered, Instant now) {
    String what =
        answered
            .map(k -> k.equals("digest") ? "an answer to a digest" : "an answer to staff mail")
            .orElse("staff mail outside any ticket");
    Map<String, Object> facts = new HashMap<>();
    facts.put("digest", answered.filter("digest"::equals).isPresent());
    facts.put("example", ctx.config().tickets().prefix() + "12345");
    String list = ctx.config().staff().officersList();
    facts.put("officersList", list == null ? "" : list);
    facts.put("hasOfficersList", list != null);
    IntakeService.Outcome outcome =
        new Receipt(
                null,
                "staff",
                "processed",
                what,
                AuditType.Action.STAFF_MAIL_NO_TICKET,
                what + " " + key,
                Optional.of(
                    ctx.composer().plainReply("staff-no-ticket", m.answering(), facts, List.of())),
                what + ": told where to write")
            .settle(ctx, m, key, raw, now);
    LOG.info("{} from {}: no ticket named, told where to write", what, m.from());
    return outcome;
  }
}
