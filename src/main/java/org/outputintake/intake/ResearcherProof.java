package org.outputintake.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.sender.SenderAuthentication;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
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
    IntakeConfig.Security security = ctx.config().security();
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
    Instant now = ctx.clock().instant();
    String ticketId = ticket == null ? null : ticket.idText();
    ctx.db()
        .inTransaction(
            c -> {
              MailLog.record(c, key, m, ticketId, "unauthenticated", "processed", why, raw, now);
              AuditLog.append(
                  c,
                  ticketId,
                  now,
                  String.valueOf(m.from()),
                  AuditType.Action.EMAIL_UNAUTHENTICATED,
                  "researcher's email not acted on: sender not authenticated (" + why + ") " + key);
              Map<String, Object> facts =
                  Map.of("ticketId", ticketId == null ? "" : ticketId, "onTicket", ticket != null);
              ctx.queueReply(
                  c,
                  ticket == null
                      ? ctx.composer()
                          .plainReply("researcher-unauthenticated", m.answering(), facts, List.of())
                      : ctx.composer()
                          .ticketReply(
                              "researcher-unauthenticated",
                              ticket,
                              m.answering(),
                              facts,
                              List.of()),
                  now);
              return null;
            });
    ctx.events().ignored(m.from(), "sender not authenticated: " + why);
    return new IntakeService.Outcome(
        IntakeService.Disposition.PROCESSED,
        ticketId,
        "researcher's email not acted on: sender not authenticated");
  }
}
