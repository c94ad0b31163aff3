package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outputintake.mail.BounceReader;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.MalformedMessageException;
import org.outputintake.mail.MessageParser;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.scan.Finding;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
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

  public IntakeService(IntakeContext ctx) {
    this.ctx = ctx;
    this.requests = new NewRequestHandler(ctx);
    this.replies = new TicketReplyHandler(ctx, requests);
    this.reviewAhead = new ReviewAhead(ctx, this, requests);
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
    return new Prepared(raw, work, m, null, reviewAhead.prepare(m, work));
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
      return route(m, key, p.raw(), p.work(), p.review());
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

  private Outcome route(
      InboundMessage m, String key, RawStore.Stored raw, Path work, RequestReview review)
      throws IOException {
    Optional<String> noReply = ctx.loopGuard().reasonNotToReply(m);
    Optional<Ticket> ticket = ticketFor(m);
    Optional<BounceReader.Bounce> bounce = BounceReader.read(raw.path(), m);
    if (bounce.isPresent()) return bounces.handle(m, key, raw, bounce.get(), ticket);
    if (ticket.isPresent()) return replies.handle(m, key, raw, ticket.get(), noReply, work, review);
    Instant now = ctx.clock().instant();
    if (noReply.isPresent()) {
      ctx.db()
          .inTransaction(
              c -> {
                MailLog.record(c, key, m, null, "automated", "ignored", noReply.get(), raw, now);
                AuditLog.append(
                    c,
                    null,
                    now,
                    String.valueOf(m.from()),
                    AuditType.Action.EMAIL_IGNORED,
                    noReply.get() + " " + key);
                return null;
              });
      ctx.events().ignored(m.from(), noReply.get());
      return new Outcome(Disposition.PROCESSED, null, "ignored: " + noReply.get());
    }
    // an answer to a digest (or other staff mail) is never a request, whatever its subject says
    Optional<String> answered = staff.answeredStaffMail(m);
    if (answered.isPresent()) {
      Optional<Ticket> named = staff.namedTicket(m);
      if (named.isPresent()) return replies.handle(m, key, raw, named.get(), noReply, work, review);
    }
    if (ctx.workflow().isOfficerCommandOutsideTicket(m))
      return officerOutsideTicket(m, key, raw, now);
    if (answered.isPresent()) return staff.whereToWrite(m, key, raw, answered, now);
    if (m.files().isEmpty() && answersARefusal(m)) return keepForStaff(m, key, raw, now);
    SubjectParser.Outcome subject =
        ctx.subjects().parse(m.subject(), LocalDate.ofInstant(now, ctx.config().sla().zone()));
    if (subject instanceof SubjectParser.Valid valid) {
      Optional<String> unproven = researcherProof.refusal(m);
      if (unproven.isPresent()) return researcherProof.refuse(m, key, raw, null, unproven.get());
      return requests.handle(m, key, raw, valid, work, review);
    }
    // staff's own mail that is no request: theirs is the desk, not the researchers' subject help
    if (staff.fromStaff(m)) {
      Optional<Ticket> named = staff.namedTicket(m);
      if (named.isPresent()) return replies.handle(m, key, raw, named.get(), noReply, work, review);
      return staff.whereToWrite(m, key, raw, Optional.empty(), now);
    }
    SubjectParser.Invalid invalid = (SubjectParser.Invalid) subject;
    ctx.db()
        .inTransaction(
            c -> {
              MailLog.record(
                  c,
                  key,
                  m,
                  null,
                  "not-a-request",
                  "processed",
                  codes(invalid.problems()),
                  raw,
                  now);
              AuditLog.append(
                  c,
                  null,
                  now,
                  m.from(),
                  AuditType.Action.SUBJECT_REJECTED,
                  codes(invalid.problems()) + " " + key);
              ctx.queueReply(
                  c,
                  ctx.composer()
                      .plainReply(
                          "subject-help",
                          m.answering(),
                          Map.of(
                              "problems",
                              ReplyComposer.rows(invalid.problems(), null),
                              "example",
                              ctx.subjects()
                                  .example(
                                      m.subject(),
                                      LocalDate.ofInstant(now, ctx.config().sla().zone()))),
                          List.of()),
                  now);
              return null;
            });
    ctx.events().notARequest(m.from(), m.subject());
    return new Outcome(
        Disposition.PROCESSED, null, "subject not understood: " + codes(invalid.problems()));
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
                if (Outbox.kindOf(c, id).filter("request-refused"::equals).isPresent()) return true;
              }
              return false;
            });
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

  private Outcome keepForStaff(InboundMessage m, String key, RawStore.Stored raw, Instant now) {
    ctx.db()
        .inTransaction(
            c -> {
              MailLog.record(
                  c, key, m, null, "reply-to-refusal", "processed", "kept for staff", raw, now);
              AuditLog.append(
                  c,
                  null,
                  now,
                  String.valueOf(m.from()),
                  AuditType.Action.EMAIL_FOR_STAFF,
                  "reply to a refusal " + key);
              return null;
            });
    LOG.info("reply to a refusal from {} kept for staff (no automatic answer): {}", m.from(), key);
    ctx.events().ignored(m.from(), "a reply to a refusal, kept for staff to answer");
    return new Outcome(Disposition.PROCESSED, null, "reply to a refusal: kept for staff");
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
  Optional<Ticket> ticketFor(InboundMessage m) {
    String prefix = ctx.config().tickets().prefix();
    Optional<TicketId> tagged = TicketId.findInSubject(m.subject(), prefix);
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
    return hasCode(problems, "FORM_MISSING") || hasCode(problems, "FORM_UNREADABLE");
  }

  static void deleteRecursively(Path dir) {
    try {
      org.outputintake.store.TempFiles.deleteTree(dir);
    } catch (IOException e) {
      LOG.warn("could not clean the working directory {}: {}", dir, e.getMessage());
    }
  }
}
