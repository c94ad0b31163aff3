package org.outputintake.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.config.Security;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.sender.SenderAuthentication;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;

/**
 * {@code security.require-authenticated-researchers}: where the site's own server writes
 * Authentication-Results for inbound mail, a researcher's email that it does not vouch for opens no
 * ticket and changes none. It is stored, and the address it claims to come from is told (that is
 * the real researcher, whoever wrote it).
 */
final class ResearcherProof {
  private final IntakeContext ctx;

  ResearcherProof(IntakeContext ctx) {
    this.ctx = ctx;
  }

  /** Why the message does not prove its researcher sender, or empty when it does or need not. */
  Optional<String> refusal(InboundMessage m) {
    Security security = ctx.config().security();
    if (!security.requireAuthenticatedResearchers()) return Optional.empty();
    SenderAuthentication.Verdict v =
        SenderAuthentication.check(
            m.authenticationResults(), m.from(), security.trustedAuthservId());
    return v.pass() ? Optional.empty() : Optional.of(v.reason());
  }

  /**
   * Stores the email (on {@code ticket} when it answers one), acts on none of it, and tells the
   * address it claims.
   */
  IntakeService.Outcome refuse(
      InboundMessage m, String key, RawStore.Stored raw, Ticket ticket, String why) {
    String ticketId = ticket == null ? null : ticket.idText();
    Map<String, Object> facts =
        Map.of("ticketId", ticketId == null ? "" : ticketId, "onTicket", ticket != null);
    OutgoingMail reply =
        ticket == null
            ? ctx.composer()
                .plainReply("researcher-unauthenticated", m.answering(), facts, List.of())
            : ctx.composer()
                .ticketReply("researcher-unauthenticated", ticket, m.answering(), facts, List.of());
    IntakeService.Outcome outcome =
        new Receipt(
                ticketId,
                "unauthenticated",
                "processed",
                why,
                AuditType.Action.EMAIL_UNAUTHENTICATED,
                "researcher's email not acted on: sender not authenticated (" + why + ") " + key,
                Optional.of(reply),
                "researcher's email not acted on: sender not authenticated")
            .settle(ctx, m, key, raw, ctx.clock().instant());
    ctx.events().ignored(m.from(), "sender not authenticated: " + why);
    return outcome;
  }
}
