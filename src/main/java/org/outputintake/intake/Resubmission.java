package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.OfficerNotifier;
import org.outputintake.workflow.Workflow;
import org.outputintake.workflow.WorkflowStore;

/**
 * New files from a named researcher on an open ticket: the whole request is reviewed again as a new
 * submission and a new check round starts (earlier verdicts no longer apply). Clean, a blocked
 * ticket returns to the back of the queue and a ticket being checked goes back to its checkers;
 * still wrong, it is blocked with what remains.
 */
final class Resubmission {
  private final IntakeContext ctx;
  private final NewRequestHandler files;

  Resubmission(IntakeContext ctx, NewRequestHandler files) {
    this.ctx = ctx;
    this.files = files;
  }

  IntakeService.Outcome handle(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Ticket ticket,
      Project project,
      TicketState.Open state,
      Path workDir,
      Instant now,
      RequestReview reviewer)
      throws IOException {
    NewRequestHandler.Reviewed reviewed =
        files.review(
            reviewer,
            new RequestReview.Input(
                project,
                ticket.projectNumber(),
                m.files(),
                NewRequestHandler.ownText(m),
                ticket.folderVersion(),
                workDir,
                ticket.kind(),
                destination(ticket)));
    RequestReview.Result review = reviewed.result();
    List<NewRequestHandler.StoredFile> stored = reviewed.stored();
    Ticket updated =
        ctx.db()
            .inTransaction(
                c -> {
                  Ticket current = ctx.tickets().lock(c, ticket.idText()).orElseThrow();
                  if (!(current.state() instanceof TicketState.Open open))
                    throw new IllegalStateException("ticket closed meanwhile");
                  TicketState next;
                  if (review.blocked()) {
                    TicketState.Blocked.Cause codes =
                        new TicketState.Blocked.IntakeProblems(
                            IntakeService.codes(review.problems()));
                    next =
                        open instanceof TicketState.Blocked b
                            ? b.stillBlocked(codes, now)
                            : open.block(codes, now);
                  } else {
                    next = open.newSubmission(now);
                  }
                  Ticket t =
                      current
                          .withState(next)
                          .nextRound()
                          .withFolder(
                              review.folderName() != null
                                  ? review.folderName()
                                  : current.folderName(),
                              review.folderVersion() != null
                                  ? review.folderVersion()
                                  : current.folderVersion());
                  String id = t.idText();
                  MailLog.record(c, key, m, id, "revision", "processed", null, raw, now);
                  TicketReplyHandler.received(c, id, m, "revision", now);
                  NewRequestHandler.recordFiles(c, id, key, stored, review, m);
                  if (review.folderSnapshot() != null)
                    ctx.tickets().saveFolderSnapshot(c, id, review.folderSnapshot());
                  // saved after the email and its files, so the trail reads in the order it
                  // happened
                  ctx.tickets()
                      .update(
                          c,
                          new StateChange(
                              t,
                              "system",
                              review.blocked()
                                  ? IntakeService.codes(review.problems())
                                  : "new submission, check round "
                                      + t.round()
                                      + (next instanceof TicketState.Queued
                                              && !(open instanceof TicketState.Queued)
                                          ? ": back of the queue"
                                          : ""),
                              now));
                  Ticket saved = ctx.tickets().find(c, id).orElseThrow();
                  Map<String, Object> facts =
                      ctx.workflow()
                          .withServiceLevel(
                              c, saved, NewRequestHandler.facts(m, review, stored), now);
                  // a revision sent without a name in its From: still greets them as before
                  ctx.workflow()
                      .researcherName(c, saved, m)
                      .ifPresent(name -> facts.put("researcherName", name));
                  ctx.queueReply(
                      c,
                      ctx.composer()
                          .ticketReply(
                              review.blocked() ? "revision-problems" : "revision-accepted",
                              saved,
                              m.answering(),
                              facts,
                              review.blocked() && IntakeService.needsBlankForms(review.problems())
                                  ? files.blankForms(saved.kind())
                                  : List.of()),
                      now);
                  if (!WorkflowStore.checkers(c, id).isEmpty())
                    ctx.workflow()
                        .researcherWrote(
                            c, saved, m, key, Workflow.ResearcherUpdate.SENT_FILES, now);
                  if (next instanceof TicketState.Queued)
                    ctx.workflow().ticketQueued(c, saved, OfficerNotifier.Arrival.REVISED, now);
                  return saved;
                });
    ctx.events().ticketUpdated(updated, "revision: now " + updated.state().name());
    return TicketReplyHandler.outcome(
        updated, "revision on " + updated.id() + ", now " + updated.state().name());
  }

  /**
   * A transfer's destination as the registry has it now; a project removed from the registry since
   * the ticket opened cannot be reviewed against, and the message is quarantined for staff.
   */
  private Project destination(Ticket ticket) {
    if (ticket.destinationProject() == null) return null;
    return ctx.registry()
        .get()
        .find(ticket.destinationProject())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "project "
                        + ticket.destinationProject()
                        + ", the transfer's destination, is no longer in the registry"));
  }
}
