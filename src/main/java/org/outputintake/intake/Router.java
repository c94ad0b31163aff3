package org.outputintake.intake;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.outputintake.mail.BounceReader;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.SentReplies;
import org.outputintake.scan.Finding;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;

/**
 * Decides what an email is ({@link Route}) and writes nothing. The message's turn records the
 * decision; the early review asks the same question to guess which messages will open a ticket.
 */
final class Router {
  private final IntakeContext ctx;
  private final StaffOutsideTickets staff;
  private final ResearcherProof researcherProof;

  Router(IntakeContext ctx) {
    this.ctx = ctx;
    this.staff = new StaffOutsideTickets(ctx);
    this.researcherProof = new ResearcherProof(ctx);
  }

  /**
   * The order matters: a bounce and a ticket's thread come before the loop guard (both are stored
   * on their ticket), and staff's mail is settled before the subject is read as a request.
   *
   * @throws IOException when the raw message cannot be read again for a delivery report
   */
  Route decide(InboundMessage m, RawStore.Stored raw) throws IOException {
    Optional<String> noReply = ctx.loopGuard().reasonNotToReply(m);
    Optional<Ticket> ticket = ticketFor(m);
    Optional<BounceReader.Bounce> bounce = BounceReader.read(raw.path(), m);
    if (bounce.isPresent()) return new Route.Bounce(bounce.get(), ticket);
    if (ticket.isPresent()) return new Route.OnTicket(ticket.get(), noReply);
    if (noReply.isPresent()) return new Route.Automatic(noReply.get());
    // an answer to a digest (or other staff mail) is never a request, whatever its subject says
    Optional<String> answered = staff.answeredStaffMail(m);
    if (answered.isPresent()) {
      Optional<Ticket> named = staff.namedTicket(m);
      if (named.isPresent()) return new Route.OnTicket(named.get(), noReply);
    }
    if (ctx.workflow().isOfficerCommandOutsideTicket(m)) return new Route.OfficerCommand();
    if (answered.isPresent()) return new Route.StaffNoTicket(answered);
    if (m.files().isEmpty() && answersARefusal(m)) return new Route.ReplyToRefusal();
    LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), ctx.config().sla().zone());
    SubjectParser.Outcome subject = ctx.subjects().parse(m.subject(), today);
    if (subject instanceof SubjectParser.Valid valid) {
      Optional<String> unproven = researcherProof.refusal(m);
      if (unproven.isPresent()) return new Route.Unauthenticated(unproven.get());
      Optional<Finding> refusal = NewRequestHandler.refusal(ctx, valid, m.from());
      if (refusal.isPresent()) return new Route.Refused(valid, refusal.get());
      return new Route.NewRequest(
          valid, ctx.registry().get().find(valid.projectNumber()).orElseThrow());
    }
    // staff's own mail that is no request: theirs is the desk, not the researchers' subject help
    if (staff.fromStaff(m)) {
      Optional<Ticket> named = staff.namedTicket(m);
      if (named.isPresent()) return new Route.OnTicket(named.get(), noReply);
      return new Route.StaffNoTicket(Optional.empty());
    }
    return new Route.SubjectHelp((SubjectParser.Invalid) subject);
  }

  /**
   * The refusal asks a researcher who thinks it wrong to reply and say why: that reply is for a
   * person.
   */
  private boolean answersARefusal(InboundMessage m) {
    return ctx.db()
        .read(
            c -> {
              for (String id : m.threadIds()) {
                if (SentReplies.kindOf(c, id).filter("request-refused"::equals).isPresent())
                  return true;
              }
              return false;
            });
  }

  /**
   * The ticket a message belongs to. A reference to one of the ticket's emails (In-Reply-To,
   * References) names it first: the bot's Message-IDs cannot be guessed, while anyone can type a
   * ticket id into a subject. When the subject's tag disagrees, the thread wins and staff are told
   * ({@code StaffCommands}). A tag alone names its ticket only for someone on that ticket (its
   * researchers, officers, data owners, managers): from anyone else, {@code [STATS10001] 07/12/26
   * Output request for Project 6789012} is a new request, and any other subject is answered with
   * the subject help, never stored on a stranger's ticket.
   */
  private Optional<Ticket> ticketFor(InboundMessage m) {
    Optional<TicketId> tagged =
        TicketId.findInSubject(m.subject(), ctx.config().tickets().allPrefixes());
    return ctx.db()
        .read(
            c -> {
              for (String id : m.threadIds()) {
                Optional<String> ticketId = ctx.tickets().ticketForMessageId(c, id);
                if (ticketId.isPresent()) return ctx.tickets().find(c, ticketId.get());
              }
              if (tagged.isEmpty()) return Optional.<Ticket>empty();
              return ctx.tickets().find(c, tagged.get().toString()).filter(t -> isOn(m, t));
            });
  }

  private boolean isOn(InboundMessage m, Ticket t) {
    var project = ctx.registry().get().find(t.projectNumber()).orElse(null);
    return !ctx.workflow().roles(m.from(), t, project).isEmpty();
  }
}
