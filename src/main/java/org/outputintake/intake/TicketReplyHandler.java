package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;

/**
 * An email in a ticket's thread. It is always stored on the ticket. When the ticket is blocked waiting for the
 * researcher and the researcher sends revised files, the whole request is reviewed again: clean, the ticket goes
 * to the back of the queue; still wrong, it stays blocked and the reply lists what remains. Officers' commands
 * arrive by this path too once their workflow exists.
 */
final class TicketReplyHandler {
  private final IntakeContext ctx;
  private final NewRequestHandler files;

  TicketReplyHandler(IntakeContext ctx, NewRequestHandler files) {
    this.ctx = ctx;
    this.files = files;
  }

  IntakeService.Outcome handle(InboundMessage m, String key, RawStore.Stored raw, Ticket ticket,
      Optional<String> noReply, Path workDir, RequestReview reviewer) throws IOException {
    Instant now = ctx.clock().instant();
    boolean fromResearcher = ticket.researcher().equalsIgnoreCase(m.from() == null ? "" : m.from());
    Optional<Project> project = ctx.registry().get().find(ticket.projectNumber());
    boolean projectLive = project.isPresent() && project.get().status() == Project.Status.LIVE;
    if (noReply.isEmpty() && fromResearcher && projectLive && ticket.state() instanceof TicketState.Blocked blocked
        && !m.files().isEmpty()) {
      return revision(m, key, raw, ticket, project.get(), blocked, workDir, now, reviewer);
    }
    ctx.db().inTransaction(c -> {
      String classification = noReply.isPresent() ? "automated" : "ticket-reply";
      MailLog.record(c, key, m, ticket.id().toString(), classification, "processed", noReply.orElse(null), raw, now);
      AuditLog.append(c, ticket.id().toString(), now, m.from() == null ? "unknown" : m.from(), "email-received",
          classification + " " + m.messageId() + MessageNotes.otherParts(m)
              + noReply.map(r -> " (no reply: " + r + ")").orElse(""));
      for (var f : MessageNotes.findings(m)) {
        AuditLog.append(c, ticket.id().toString(), now, "system", "email-part-unreadable", f.message());
      }
      if (noReply.isEmpty() && fromResearcher && ticket.state() instanceof TicketState.Blocked) {
        Map<String, Object> facts = Map.of("problems",
            ReplyComposer.rows(TicketFiles.latestFindings(c, ticket.id().toString()).stream()
                .map(TicketFiles.StoredFinding::finding).filter(f -> IntakeService.isRequestProblem(f.code())).toList(),
                null));
        ctx.queueReply(c, ctx.composer().ticketReply("still-blocked", ticket, m, facts, List.of()), now);
      }
      return null;
    });
    ctx.events().ticketUpdated(ticket, "correspondence stored" + noReply.map(r -> " (" + r + ")").orElse(""));
    return new IntakeService.Outcome(IntakeService.Disposition.PROCESSED, ticket.id().toString(),
        "stored on " + ticket.id());
  }

  private IntakeService.Outcome revision(InboundMessage m, String key, RawStore.Stored raw, Ticket ticket,
      Project project, TicketState.Blocked blocked, Path workDir, Instant now, RequestReview reviewer)
      throws IOException {
    NewRequestHandler.Reviewed reviewed = files.review(reviewer, new RequestReview.Input(project, ticket.projectNumber(),
        m.files(), m.bodyText(), ticket.folderVersion(), workDir));
    RequestReview.Result review = reviewed.result();
    List<NewRequestHandler.StoredFile> stored = reviewed.stored();
    Ticket updated = ctx.db().inTransaction(c -> {
      TicketState next = review.blocked()
          ? blocked.stillBlocked(IntakeService.codes(review.problems()), now)
          : blocked.researcherReplied(now);
      Ticket t = ticket.withState(next).withFolder(
          review.folderName() != null ? review.folderName() : ticket.folderName(),
          review.folderVersion() != null ? review.folderVersion() : ticket.folderVersion());
      ctx.tickets().update(c, t);
      MailLog.record(c, key, m, t.id().toString(), "revision", "processed", null, raw, now);
      AuditLog.append(c, t.id().toString(), now, m.from(), "email-received",
          "revision " + m.messageId() + MessageNotes.otherParts(m));
      NewRequestHandler.recordFiles(c, t.id().toString(), key, stored, review, m);
      if (review.folderSnapshot() != null) ctx.tickets().saveFolderSnapshot(c, t.id().toString(), review.folderSnapshot());
      AuditLog.append(c, t.id().toString(), now, "system", "state-" + next.name(),
          review.blocked() ? IntakeService.codes(review.problems()) : "revision accepted: back of the queue");
      Map<String, Object> facts = NewRequestHandler.facts(m, review, stored);
      ctx.queueReply(c, ctx.composer().ticketReply(review.blocked() ? "revision-problems" : "revision-accepted", t, m,
          facts, review.blocked() && IntakeService.hasCode(review.problems(), "FORM_MISSING")
              ? files.blankForms(workDir) : List.of()), now);
      return t;
    });
    ctx.events().ticketUpdated(updated, "revision: now " + updated.state().name());
    return new IntakeService.Outcome(IntakeService.Disposition.PROCESSED, updated.id().toString(),
        "revision on " + updated.id() + ", now " + updated.state().name());
  }

}
