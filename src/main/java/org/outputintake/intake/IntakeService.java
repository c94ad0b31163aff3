package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.MalformedMessageException;
import org.outputintake.mail.MessageParser;
import org.outputintake.scan.Finding;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one email, start to finish. The raw message is already safe on disk; this decides
 * what it is (a reply on a ticket, an automatic message, a new request, or something we cannot
 * read) and records the outcome in one transaction. It never throws for bad input: a message that
 * makes any step fail is quarantined with its reason. Only a database failure propagates, so the
 * caller leaves the message in the inbox for the next poll.
 */
public final class IntakeService {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  public enum Disposition {
    PROCESSED,
    QUARANTINED
  }

  /**
   * @param ticketId the ticket the message went to, or null
   */
  public record Outcome(Disposition disposition, String ticketId, String summary) {}

  private final IntakeContext ctx;
  private final MessageParser parser = new MessageParser();
  private final NewRequestHandler requests;
  private final TicketReplyHandler replies;
  private final ReviewAhead reviewAhead;
  private final BounceHandler bounces;
  private final ResearcherProof researcherProof;
  private final StaffOutsideTickets staff;
  private final Router router;

  public IntakeService(IntakeContext ctx) {
    this.ctx = ctx;
    this.router = new Router(ctx);
    this.requests = new NewRequestHandler(ctx);
    this.replies = new TicketReplyHandler(ctx, requests);
    this.reviewAhead = new ReviewAhead(ctx, router, requests);
    this.bounces = new BounceHandler(ctx);
    this.researcherProof = new ResearcherProof(ctx);
    this.staff = new StaffOutsideTickets(ctx);
  }

  /** Reads and handles one message in one go: {@link #prepare} then {@link #commit}. */
  public Outcome handle(RawStore.Stored raw) throws IOException {
    return commit(prepare(raw));
  }

  /**
   * The part of handling that needs no other message: parsing into a working directory and, for
   * what looks like a new request, the review of its form and files. Safe to run for several
   * messages at once; it decides nothing and writes nothing but its working directory (and, in
   * folder mode, a snapshot), so {@link #commit} in arrival order keeps every decision as if the
   * messages had been handled one by one.
   *
   * @throws IOException when the working directory cannot be made (an operational problem)
   */
  public Prepared prepare(RawStore.Stored raw) throws IOException {
    Path work;
    try {
      work = Files.createTempDirectory(workRoot(), "msg-");
    } catch (IOException e) {
      throw new RawStore.Unwritable(ctx.config().storage().dataDir(), e);
    }
    InboundMessage m;
    try {
      m = parser.parse(raw.path(), work);
    } catch (RawStore.Unwritable e) {
      throw e; // our disk, not the message: it stays in the inbox
    } catch (MalformedMessageException | IOException e) {
      return new Prepared(raw, work, parser.parseHeaders(raw.path()), e.getMessage(), ctx.review());
    } catch (RuntimeException e) {
      // a parser bug, not a bad message as such; still this message's problem, never the poll's
      return new Prepared(
          raw,
          work,
          parser.parseHeaders(raw.path()),
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          ctx.review());
    }
    return new Prepared(raw, work, m, null, reviewAhead.prepare(m, raw, work));
  }

  /**
   * Decides and records what a prepared message is, in one transaction, and removes its working
   * directory. Never throws for bad input (the message is quarantined); a failure of the database
   * or of the bot's own disk ({@link StoreUnavailable}) propagates so that the caller leaves the
   * message in the inbox.
   */
  public Outcome commit(Prepared p) {
    try {
      InboundMessage m = p.message();
      MessageKeys.Decision decision = ctx.db().read(c -> MessageKeys.decide(c, m, p.raw()));
      String key = decision.key();
      if (decision.duplicate()) {
        LOG.info(
            "message {} was handled before ({}); finishing its move", key, decision.seenAs().get());
        return new Outcome(
            "quarantined".equals(decision.seenAs().get())
                ? Disposition.QUARANTINED
                : Disposition.PROCESSED,
            null,
            "duplicate of " + key);
      }
      if (decision.reusedId()) {
        LOG.warn(
            "Message-ID {} was already used by a different email; handling this one as {}",
            m.messageId(),
            key);
      }
      try {
        if (p.parseError() != null) return quarantine(key, p.raw(), m, p.parseError());
        return decide(m, key, p);
      } catch (MailLog.AlreadyRecorded e) {
        String seenAs = ctx.db().read(c -> MailLog.disposition(c, key)).orElse("processed");
        LOG.info("message {} was handled meanwhile by another writer; finishing its move", key);
        return new Outcome(
            "quarantined".equals(seenAs) ? Disposition.QUARANTINED : Disposition.PROCESSED,
            null,
            "duplicate of " + key);
      }
    } finally {
      discard(p);
    }
  }

  private Outcome decide(InboundMessage m, String key, Prepared p) {
    try {
      return record(router.decide(m, p.raw()), m, key, p);
    } catch (MailLog.AlreadyRecorded | Database.DatabaseException | Database.FenceLost e) {
      throw e;
    } catch (RawStore.Unwritable e) {
      throw new StoreUnavailable(e);
    } catch (Exception | StackOverflowError e) {
      LOG.warn("message {} could not be processed", key, e);
      return quarantine(key, p.raw(), m, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The bot's own disk failed while a message was handled: like a database failure, the message
   * stays in the inbox and the poll stops.
   */
  public static final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailable(RawStore.Unwritable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Drops a prepared message without deciding anything: it stays in the inbox for the next poll.
   */
  public void discard(Prepared p) {
    ReviewAhead.discardUnused(p.review());
    deleteRecursively(p.work());
  }

  /**
   * A message read ahead of its turn.
   *
   * @param message the parsed message; when it could not be parsed ({@code parseError} says why),
   *     its headers alone, or null when even they could not be read
   * @param review the review to use for it: the shared one, or one holding a result worked out
   *     ahead
   */
  public record Prepared(
      RawStore.Stored raw,
      Path work,
      InboundMessage message,
      String parseError,
      RequestReview review) {}

  /** Records what {@link Router#decide} made of the message: one branch per {@link Route}. */
  private Outcome record(Route route, InboundMessage m, String key, Prepared p) throws IOException {
    RawStore.Stored raw = p.raw();
    Instant now = ctx.clock().instant();
    if (route instanceof Route.Bounce b) return bounces.handle(m, key, raw, b.report(), b.thread());
    if (route instanceof Route.OnTicket t)
      return replies.handle(m, key, raw, t.ticket(), t.noReply(), p.work(), p.review());
    if (route instanceof Route.NewRequest n)
      return requests.handle(m, key, raw, n, p.work(), p.review());
    if (route instanceof Route.Refused r) return requests.refuse(m, key, raw, r);
    if (route instanceof Route.Unauthenticated u)
      return researcherProof.refuse(m, key, raw, null, u.reason());
    if (route instanceof Route.StaffNoTicket s)
      return staff.whereToWrite(m, key, raw, s.answered(), now);
    if (route instanceof Route.OfficerCommand) return officerOutsideTicket(m, key, raw, now);
    if (route instanceof Route.Automatic a) {
      Outcome o =
          new Receipt(
                  null,
                  "automated",
                  "ignored",
                  a.reason(),
                  AuditType.Action.EMAIL_IGNORED,
                  a.reason() + " " + key,
                  Optional.empty(),
                  "ignored: " + a.reason())
              .settle(ctx, m, key, raw, now);
      ctx.events().ignored(m.from(), a.reason());
      return o;
    }
    if (route instanceof Route.ReplyToRefusal) {
      Outcome o =
          new Receipt(
                  null,
                  "reply-to-refusal",
                  "processed",
                  "kept for staff",
                  AuditType.Action.EMAIL_FOR_STAFF,
                  "reply to a refusal " + key,
                  Optional.empty(),
                  "reply to a refusal: kept for staff")
              .settle(ctx, m, key, raw, now);
      LOG.info(
          "reply to a refusal from {} kept for staff (no automatic answer): {}", m.from(), key);
      ctx.events().ignored(m.from(), "a reply to a refusal, kept for staff to answer");
      return o;
    }
    if (route instanceof Route.SubjectHelp help)
      return SubjectHelp.answer(ctx, m, key, raw, help.subject(), ctx.accepts(), now);
    throw new IllegalStateException("no record for " + route);
  }

  private Outcome officerOutsideTicket(
      InboundMessage m, String key, RawStore.Stored raw, Instant now) {
    var result =
        ctx.db()
            .inTransaction(
                c -> {
                  MailLog.record(c, key, m, null, "staff", "processed", null, raw, now);
                  AuditLog.append(
                      c,
                      null,
                      now,
                      m.from(),
                      AuditType.Action.EMAIL_RECEIVED,
                      "staff " + m.messageId());
                  return ctx.workflow().officerCommandOutsideTicket(c, m, key, raw.sha256(), now);
                });
    LOG.info("officer {} wrote outside a ticket: {}", m.from(), result.summary());
    return new Outcome(Disposition.PROCESSED, null, result.summary());
  }

  private Outcome quarantine(String key, RawStore.Stored raw, InboundMessage m, String reason) {
    Instant now = ctx.clock().instant();
    String why =
        reason == null
            ? "unknown error"
            : reason.length() > 500 ? reason.substring(0, 500) : reason;
    ctx.db()
        .inTransaction(
            c -> {
              if (MailLog.disposition(c, key).isEmpty()) {
                MailLog.record(c, key, m, null, "unprocessable", "quarantined", why, raw, now);
              }
              AuditLog.append(
                  c, null, now, "system", AuditType.Action.QUARANTINED, key + ": " + why);
              if (m != null && ctx.loopGuard().reasonNotToReply(m).isEmpty()) {
                ctx.queueReply(
                    c,
                    ctx.composer()
                        .plainReply(
                            "could-not-process",
                            m.answering(),
                            Map.of("reference", raw.sha256().substring(0, 12)),
                            List.of()),
                    now);
              }
              return null;
            });
    LOG.warn("quarantined {}: {}", key, why);
    ctx.events().quarantined(key, why);
    return new Outcome(Disposition.QUARANTINED, null, "quarantined: " + why);
  }

  private Path workRoot() throws IOException {
    return Files.createDirectories(ctx.config().storage().dataDir().resolve("work"));
  }

  static String codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).distinct().collect(Collectors.joining(", "));
  }

  static boolean hasCode(List<Finding> findings, String code) {
    return findings.stream().anyMatch(f -> f.code().equals(code));
  }

  /** No form was read (none sent, or one we could not read): the reply brings the blank forms. */
  static boolean needsBlankForms(List<Finding> problems) {
    return hasCode(problems, "FORM_MISSING")
        || hasCode(problems, "FORM_UNREADABLE")
        || hasCode(problems, "FORM_WRONG_KIND");
  }

  static void deleteRecursively(Path dir) {
    try {
      org.outputintake.store.TempFiles.deleteTree(dir);
    } catch (IOException e) {
      LOG.warn("could not clean the working directory {}: {}", dir, e.getMessage());
    }
  }
}
