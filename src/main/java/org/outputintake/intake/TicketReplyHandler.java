package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.OfficerNotifier;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.StaffCommands;
import org.outputintake.workflow.Workflow;
import org.outputintake.workflow.WorkflowStore;

/**
 * An email in a ticket's thread, classified by who sent it for this ticket before its text is read:
 * automatic mail is stored and never answered; officers and data owners reach the workflow's
 * commands (a manager only with a command); anyone else with no researcher's role is stored, never
 * relayed; the project's researchers' mail is handled here. A reply with files from a named
 * researcher on any open ticket is a new submission: reviewed, recorded and answered, and its
 * verdicts reset.
 */
final class TicketReplyHandler {
  private final IntakeContext ctx;
  private final NewRequestHandler files;
  private final ResearcherProof researcherProof;

  TicketReplyHandler(IntakeContext ctx, NewRequestHandler files) {
    this.ctx = ctx;
    this.files = files;
    this.researcherProof = new ResearcherProof(ctx);
  }

  IntakeService.Outcome handle(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Ticket ticket,
      Optional<String> noReply,
      Path workDir,
      RequestReview reviewer)
      throws IOException {
    try {
      return route(m, key, raw, ticket, noReply, workDir, reviewer);
    } catch (TicketRepository.StaleTicketException e) {
      // another writer changed the ticket between our read and our write: decide again on what is
      // there now
      Ticket fresh = ctx.db().read(c -> ctx.tickets().find(c, ticket.idText())).orElseThrow();
      return route(m, key, raw, fresh, noReply, workDir, reviewer);
    }
  }

  private IntakeService.Outcome route(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Ticket ticket,
      Optional<String> noReply,
      Path workDir,
      RequestReview reviewer)
      throws IOException {
    Instant now = ctx.clock().instant();
    Optional<Project> project = ctx.registry().get().find(ticket.projectNumber());
    if (noReply.isPresent()) return store(m, key, raw, ticket, "automated", noReply.get(), now);
    Set<Role> roles = ctx.workflow().roles(m.from(), ticket, project.orElse(null));
    if (ctx.workflow().isStaffMail(roles, m))
      return staff(m, key, raw, ticket, project.orElse(null), roles, now);
    if (!Role.researcher(roles)) {
      ctx.db()
          .inTransaction(
              c -> {
                MailLog.record(
                    c,
                    key,
                    m,
                    ticket.idText(),
                    "outsider",
                    "processed",
                    "not on the ticket",
                    raw,
                    now);
                received(c, ticket.idText(), m, "outsider", now);
                ctx.workflow().outsider(c, ticket, m, key, now);
                return null;
              });
      return outcome(ticket, "outsider's mail stored on " + ticket.id() + ", officers told");
    }
    Optional<String> unproven = researcherProof.refusal(m);
    if (unproven.isPresent()) return researcherProof.refuse(m, key, raw, ticket, unproven.get());
    boolean projectLive = project.isPresent() && project.get().status() == Project.Status.LIVE;
    if (ticket.state() instanceof TicketState.Open open && projectLive && !m.files().isEmpty()) {
      return new Resubmission(ctx, files)
          .handle(m, key, raw, ticket, project.get(), open, workDir, now, reviewer);
    }
    return researcherText(m, key, raw, ticket, now);
  }

  private IntakeService.Outcome staff(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Ticket ticket,
      Project project,
      Set<Role> roles,
      Instant now) {
    StaffCommands.Result result =
        ctx.db()
            .inTransaction(
                c -> {
                  Ticket fresh = ctx.tickets().lock(c, ticket.idText()).orElseThrow();
                  MailLog.record(c, key, m, ticket.idText(), "staff", "processed", null, raw, now);
                  received(c, ticket.idText(), m, "staff", now);
                  return ctx.workflow()
                      .staffMail(c, fresh, project, m, key, raw.sha256(), roles, now);
                });
    ctx.events().ticketUpdated(ticket, result.summary());
    if (result.closedTicket()) {
      // the permanent record, once the close is committed; a failure is logged and audited, never
      // the email's
      org.outputintake.archive.TicketArchive.forConfig(ctx.config(), ctx.clock())
          .exportOnClose(ctx.db(), ticket.idText());
    }
    return outcome(ticket, result.summary());
  }

  /** A researcher's email without new files (or on a closed ticket). */
  private IntakeService.Outcome researcherText(
      InboundMessage m, String key, RawStore.Stored raw, Ticket ticket, Instant now) {
    String id = ticket.idText();
    String summary =
        ctx.db()
            .inTransaction(
                c -> {
                  Ticket t = ctx.tickets().lock(c, id).orElseThrow();
                  MailLog.record(c, key, m, id, "ticket-reply", "processed", null, raw, now);
                  received(c, id, m, "ticket-reply", now);
                  if (!t.state().isOpen()) {
                    ctx.workflow().closedTicketMail(c, t, m, now);
                    return "reply to closed ticket " + id + ": asked to open a new request";
                  }
                  // an answer alone lifts a block only when the officers asked something, not
                  // when intake found a fault
                  if (t.state() instanceof TicketState.Blocked b
                      && b.cause() instanceof TicketState.Blocked.OfficerRequest) {
                    Ticket back = t.withState(b.researcherReplied(now));
                    // verdicts given before the answer stand while the round is unfinished; once
                    // both are in, no verdict could change and the ticket would sit in the queue
                    // with nothing its checkers can do but ask again, so the answer opens a round
                    boolean newRound =
                        WorkflowStore.verdictCount(c, id, t.round())
                            >= WorkflowStore.checksNeeded(ctx.config().workflow().checkers(), t);
                    if (newRound) back = back.nextRound();
                    ctx.tickets()
                        .update(
                            c,
                            new StateChange(
                                back,
                                m.from(),
                                "researcher answered: back of the queue"
                                    + (newRound
                                        ? ", check round "
                                            + back.round()
                                            + " on the same files (both verdicts of round "
                                            + t.round()
                                            + " were in)"
                                        : ""),
                                now));
                    Ticket saved = ctx.tickets().find(c, id).orElseThrow();
                    ctx.workflow()
                        .researcherWrote(
                            c,
                            saved,
                            m,
                            key,
                            newRound
                                ? Workflow.ResearcherUpdate.ANSWERED_NEW_ROUND
                                : Workflow.ResearcherUpdate.ANSWERED,
                            now);
                    ctx.workflow().ticketQueued(c, saved, OfficerNotifier.Arrival.REVISED, now);
                    int position = WorkflowStore.queuePosition(c, id);
                    Map<String, Object> facts =
                        ctx.workflow()
                            .withServiceLevel(c, saved, Map.of("position", position), now);
                    ctx.workflow()
                        .researcherName(c, saved, m)
                        .ifPresent(name -> facts.put("researcherName", name));
                    ctx.queueReply(
                        c,
                        ctx.composer()
                            .ticketReply("answer-received", saved, m.answering(), facts, List.of()),
                        now);
                    return "researcher answered on " + id + ": back in the queue";
                  }
                  if (t.state() instanceof TicketState.Blocked b) {
                    // the stored findings that blocked it are those its cause names
                    Map<String, Object> facts =
                        Map.of(
                            "problems",
                            ReplyComposer.rows(
                                TicketFiles.latestFindings(c, id).stream()
                                    .map(TicketFiles.StoredFinding::finding)
                                    .filter(
                                        f ->
                                            b.cause()
                                                    instanceof
                                                    TicketState.Blocked.IntakeProblems problems
                                                && problems.includes(f.code()))
                                    .toList(),
                                null));
                    ctx.queueReply(
                        c,
                        ctx.composer()
                            .ticketReply(
                                "still-blocked",
                                t,
                                m.answering(),
                                ctx.workflow().withServiceLevel(c, t, facts, now),
                                List.of()),
                        now);
                    ctx.workflow()
                        .researcherWrote(c, t, m, key, Workflow.ResearcherUpdate.WROTE, now);
                    return "correspondence stored on " + id + " (still blocked)";
                  }
                  ctx.workflow()
                      .researcherWrote(c, t, m, key, Workflow.ResearcherUpdate.WROTE, now);
                  // "any news?": the researcher hears where the request is and by when, rather
                  // than nothing (automatic mail never reaches here)
                  Map<String, Object> news =
                      ctx.workflow()
                          .withServiceLevel(
                              c, t, Map.of("position", WorkflowStore.queuePosition(c, id)), now);
                  ctx.workflow()
                      .researcherName(c, t, m)
                      .ifPresent(name -> news.put("researcherName", name));
                  ctx.queueReply(
                      c,
                      ctx.composer()
                          .ticketReply("news-received", t, m.answering(), news, List.of()),
                      now);
                  return "correspondence stored on "
                      + id
                      + ", forwarded to its checkers, the researcher told where it is";
                });
    ctx.events().ticketUpdated(ticket, summary);
    return outcome(ticket, summary);
  }

  private IntakeService.Outcome store(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Ticket ticket,
      String classification,
      String reason,
      Instant now) {
    ctx.db()
        .inTransaction(
            c -> {
              MailLog.record(
                  c, key, m, ticket.idText(), classification, "processed", reason, raw, now);
              AuditLog.append(
                  c,
                  ticket.idText(),
                  now,
                  m.from() == null ? "unknown" : m.from(),
                  AuditType.Action.EMAIL_RECEIVED,
                  classification
                      + " "
                      + m.messageId()
                      + MessageNotes.otherParts(m)
                      + " (no reply: "
                      + reason
                      + ")");
              for (var f : MessageNotes.findings(m)) {
                AuditLog.append(
                    c,
                    ticket.idText(),
                    now,
                    "system",
                    AuditType.Action.EMAIL_PART_UNREADABLE,
                    f.message());
              }
              return null;
            });
    ctx.events().ticketUpdated(ticket, "correspondence stored (" + reason + ")");
    return outcome(ticket, "stored on " + ticket.id());
  }

  /**
   * The email-received event, naming parts that are not files (signatures, reports) and parts we
   * could not read.
   */
  static void received(
      java.sql.Connection c, String id, InboundMessage m, String classification, Instant now)
      throws java.sql.SQLException {
    AuditLog.append(
        c,
        id,
        now,
        m.from() == null ? "unknown" : m.from(),
        AuditType.Action.EMAIL_RECEIVED,
        classification + " " + m.messageId() + MessageNotes.otherParts(m));
    for (var f : MessageNotes.findings(m))
      AuditLog.append(c, id, now, "system", AuditType.Action.EMAIL_PART_UNREADABLE, f.message());
  }

  static IntakeService.Outcome outcome(Ticket ticket, String summary) {
    return new IntakeService.Outcome(IntakeService.Disposition.PROCESSED, ticket.idText(), summary);
  }
}
