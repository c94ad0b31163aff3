package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.mail.DisplayNames;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.scan.Finding;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.OfficerNotifier;

/**
 * A new output request ({@link Route.NewRequest}): the review of form and files, then - in one
 * transaction - the ticket, its files, findings, audit events and acknowledgement. Or the refusal
 * of one its sender may not make ({@link Route.Refused}).
 */
final class NewRequestHandler {
  private final IntakeContext ctx;

  NewRequestHandler(IntakeContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param reviewer the review for this message, possibly holding a result worked out ahead of its
   *     turn
   */
  IntakeService.Outcome handle(
      InboundMessage m,
      String key,
      RawStore.Stored raw,
      Route.NewRequest request,
      Path workDir,
      RequestReview reviewer)
      throws IOException {
    Instant now = ctx.clock().instant();
    SubjectParser.Valid subject = request.subject();
    Project p = request.project();
    Reviewed reviewed = review(reviewer, input(ctx, p, subject, m, workDir));
    RequestReview.Result review = reviewed.result();
    List<StoredFile> stored = reviewed.stored();
    Ticket ticket =
        ctx.db()
            .inTransaction(
                c -> {
                  TicketId id =
                      ctx.tickets()
                          .allocate(c, ctx.config().tickets().prefix(subject.kind().code()));
                  TicketState state =
                      review.blocked()
                          ? new TicketState.Queued(now)
                              .block(
                                  new TicketState.Blocked.IntakeProblems(
                                      IntakeService.codes(review.problems())),
                                  now)
                          : new TicketState.Queued(now);
                  Ticket t =
                      Ticket.builder()
                          .id(id)
                          .projectNumber(p.number())
                          .researcher(m.from())
                          .subject(subject.subject())
                          .requestDate(subject.date())
                          .state(state)
                          .policy(review.policy())
                          .folder(review.folderName(), review.folderVersion())
                          .createdAt(now)
                          .rootMessageId(m.messageId())
                          .kind(subject.kind(), subject.destinationNumber())
                          .mailbox(ctx.mailbox().address())
                          .build();
                  // the email and the ticket's creation come before the state it enters, as they
                  // happened (the trail has no link to the ticket row to wait for)
                  AuditLog.append(
                      c,
                      id.toString(),
                      now,
                      m.from(),
                      AuditType.Action.EMAIL_RECEIVED,
                      "request " + m.messageId() + MessageNotes.otherParts(m));
                  AuditLog.append(
                      c,
                      id.toString(),
                      now,
                      "system",
                      AuditType.Action.TICKET_CREATED,
                      subject.kind().code()
                          + ", project "
                          + p.number()
                          + (subject.destinationNumber() == null
                              ? ""
                              : " to project " + subject.destinationNumber())
                          + ", "
                          + m.files().size()
                          + " file(s), policy "
                          + review.policy());
                  ctx.tickets()
                      .insert(
                          c,
                          new StateChange(
                              t,
                              "system",
                              state instanceof TicketState.Blocked b
                                  ? b.reason()
                                  : "ready for checking",
                              now));
                  MailLog.record(c, key, m, id.toString(), "request", "processed", null, raw, now);
                  recordFiles(c, id.toString(), key, stored, review, m);
                  if (review.folderSnapshot() != null)
                    ctx.tickets().saveFolderSnapshot(c, id.toString(), review.folderSnapshot());
                  if (!(state instanceof TicketState.Blocked))
                    ctx.workflow().ticketQueued(c, t, OfficerNotifier.Arrival.NEW_REQUEST, now);
                  Map<String, Object> facts =
                      ctx.workflow().withServiceLevel(c, t, facts(m, review, stored), now);
                  List<OutgoingMail.FileRef> attach =
                      IntakeService.needsBlankForms(review.problems())
                          ? blankForms(subject.kind())
                          : List.of();
                  ctx.queueReply(
                      c,
                      ctx.composer()
                          .ticketReply("acknowledgement", t, m.answering(), facts, attach),
                      now);
                  return t;
                });
    ctx.events().ticketOpened(ticket, review);
    return new IntakeService.Outcome(
        IntakeService.Disposition.PROCESSED,
        ticket.id().toString(),
        "ticket " + ticket.id() + " " + ticket.state().name());
  }

  /** Someone who may not ask for this project is told why; nothing is opened. */
  IntakeService.Outcome refuse(
      InboundMessage m, String key, RawStore.Stored raw, Route.Refused refused) {
    Finding refusal = refused.refusal();
    Map<String, Object> facts = new HashMap<>();
    facts.put("problems", ReplyComposer.rows(List.of(refusal), null));
    facts.put("code", refusal.code());
    facts.put("requestName", refused.subject().kind().displayName());
    IntakeService.Outcome outcome =
        new Receipt(
                null,
                "request",
                "refused",
                refusal.code(),
                AuditType.Action.REQUEST_REFUSED,
                refusal.code()
                    + " for "
                    + refused.subject().kind().code()
                    + ", project "
                    + refused.subject().projectNumber()
                    + " ("
                    + m.messageId()
                    + ")",
                Optional.of(
                    ctx.composer().plainReply("request-refused", m.answering(), facts, List.of())),
                "refused: " + refusal.code())
            .settle(ctx, m, key, raw, ctx.clock().instant());
    ctx.events().refused(m.from(), refusal.code());
    return outcome;
  }

  /**
   * Why this request opens no ticket, or empty when it may: a transfer the desk cannot serve, then
   * who may ask ({@link Eligibility}). {@link ReviewAhead} asks the same before reviewing early.
   */
  static Optional<Finding> refusal(IntakeContext ctx, SubjectParser.Valid subject, String sender) {
    if (!ctx.accepts().contains(subject.kind())) return Optional.of(wrongMailbox(ctx, subject));
    if (subject.kind() == RequestKind.TRANSFER && ctx.config().scanning().shareRoot() == null) {
      return Optional.of(
          Finding.blocker(
              RequestReview.TRANSFER_NEEDS_FOLDER_MODE,
              "request",
              "Transfers between projects are not handled by email at this desk: the files are inside"
                  + " the SRS, and this mailbox cannot read project folders. Please contact SRS"
                  + " Customer Support for the transfer."));
    }
    return Eligibility.refusal(ctx.registry().get(), subject, sender);
  }

  /** A request sent to a mailbox that does not take its kind: where to send it instead. */
  private static Finding wrongMailbox(IntakeContext ctx, SubjectParser.Valid subject) {
    String name = subject.kind().displayName();
    String where =
        ctx.config()
            .mailboxFor(subject.kind().code())
            .map(
                mb ->
                    "Please send your "
                        + name
                        + " to "
                        + mb.address()
                        + ", with the same subject, form and files.")
            .orElse("No mailbox of this desk takes them: please contact SRS Customer Support.");
    return Finding.blocker(
        "WRONG_MAILBOX",
        "request",
        "This mailbox (" + ctx.mailbox().address() + ") does not take " + name + "s. " + where);
  }

  /**
   * What a new request's review looks at; {@link ReviewAhead} builds the same input to work it out
   * early.
   */
  static RequestReview.Input input(
      IntakeContext ctx, Project p, SubjectParser.Valid subject, InboundMessage m, Path workDir) {
    Project destination =
        subject.destinationNumber() == null
            ? null
            : ctx.registry().get().find(subject.destinationNumber()).orElseThrow();
    return new RequestReview.Input(
        p,
        subject.projectNumber(),
        m.files(),
        ownText(m),
        null,
        workDir,
        subject.kind(),
        destination);
  }

  /**
   * What the sender wrote in this email, without the history their client quoted or their
   * signature: the part of the body that is scanned and read for a folder name. A reply quoting the
   * bot's mail (an officer's guidance, with the officer's signature and phone number) must not be
   * scanned as the researcher's own text. The same reading as the officers' mail ({@link
   * org.outputintake.mail.text.ReplyText}).
   */
  static String ownText(InboundMessage m) {
    return org.outputintake.mail.text.ReplyText.of(m).newText();
  }

  /** A submission's review and its files copied into the store. */
  record Reviewed(RequestReview.Result result, List<StoredFile> stored) {}

  /**
   * Reviews a submission and stores its files, or takes both from an early review of exactly this
   * input.
   */
  Reviewed review(RequestReview reviewer, RequestReview.Input input) throws IOException {
    Optional<Reviewed> early = ReviewAhead.take(reviewer, input);
    if (early.isPresent()) return early.get();
    RequestReview.Result result = reviewer.review(input);
    return new Reviewed(result, storeFiles(result));
  }

  /** A file kept on the ticket: where it is stored and what the review made of it. */
  record StoredFile(RequestReview.FileOutcome outcome, RawStore.Stored stored) {}

  /**
   * Copies every file into the content-addressed store before the transaction: file I/O never holds
   * the lock.
   */
  List<StoredFile> storeFiles(RequestReview.Result review) throws IOException {
    List<StoredFile> out = new ArrayList<>();
    for (RequestReview.FileOutcome f : review.files()) {
      out.add(new StoredFile(f, ctx.files().putFile(f.attachment().file(), "")));
    }
    return out;
  }

  static void recordFiles(
      java.sql.Connection c,
      String ticketId,
      String key,
      List<StoredFile> stored,
      RequestReview.Result review,
      InboundMessage m)
      throws java.sql.SQLException {
    for (StoredFile s : stored) {
      RequestReview.FileOutcome f = s.outcome();
      TicketFiles.addAttachment(
          c,
          ticketId,
          key,
          new TicketFiles.StoredAttachment(
              f.attachment().name(),
              s.stored().path().toString(),
              f.mediaType(),
              s.stored().size(),
              s.stored().sha256(),
              f.role()));
    }
    List<TicketFiles.StoredFinding> findings = new ArrayList<>();
    review.problems().forEach(p -> findings.add(new TicketFiles.StoredFinding(null, p)));
    review
        .bodyFindings()
        .forEach(p -> findings.add(new TicketFiles.StoredFinding("email body", p)));
    MessageNotes.findings(m).forEach(p -> findings.add(new TicketFiles.StoredFinding("email", p)));
    for (RequestReview.FileOutcome f : review.files()) {
      // a file rule's blocker is already among the problems (named with its file): stored once
      f.report()
          .forEach(
              r ->
                  r.findings().stream()
                      .filter(x -> !x.blocksRequest())
                      .forEach(x -> findings.add(new TicketFiles.StoredFinding(r.file(), x))));
    }
    if (!findings.isEmpty()) TicketFiles.addFindings(c, ticketId, key, findings);
  }

  /** What the acknowledgement and revision templates are told. */
  static Map<String, Object> facts(
      InboundMessage m, RequestReview.Result review, List<StoredFile> stored) {
    Map<String, Object> facts = new HashMap<>();
    // never the address, nor a header's raw text: no name fit to greet by is "Dear researcher,"
    DisplayNames.greeting(m.fromName()).ifPresent(name -> facts.put("researcherName", name));
    List<Map<String, Object>> files = new ArrayList<>();
    List<Map<String, Object>> scan = new ArrayList<>();
    for (StoredFile s : stored) {
      RequestReview.FileOutcome f = s.outcome();
      files.add(
          Map.of(
              "name",
              f.attachment().name(),
              "size",
              ReplyComposer.humanSize(s.stored().size()),
              "role",
              f.role()));
      for (var r : f.report()) {
        List<Finding> shown = r.findings().stream().filter(x -> !x.blocksRequest()).toList();
        if (!shown.isEmpty())
          scan.add(Map.of("file", r.file(), "findings", ReplyComposer.rows(shown, null)));
      }
    }
    facts.put("files", files);
    facts.put("fileCount", files.size());
    facts.put("hasFiles", !files.isEmpty());
    facts.put("problems", ReplyComposer.rows(review.problems(), null));
    facts.put("hasProblems", review.blocked());
    facts.put("problemCount", review.problems().size());
    List<Finding> aboutEmail = new ArrayList<>(review.bodyFindings());
    aboutEmail.addAll(MessageNotes.findings(m));
    if (!aboutEmail.isEmpty()) {
      scan.add(Map.of("file", "your email", "findings", ReplyComposer.rows(aboutEmail, null)));
    }
    facts.put("scan", scan);
    facts.put("hasScanFindings", !scan.isEmpty());
    facts.put("folderName", review.folderName() == null ? "" : review.folderName());
    facts.put("formMissing", IntakeService.needsBlankForms(review.problems()));
    return facts;
  }

  /** The blank forms of the request's kind, Word and Excel, for a request that lacks its own. */
  List<OutgoingMail.FileRef> blankForms(RequestKind kind) {
    Path dir = ctx.config().storage().dataDir().resolve("forms");
    String stem = kind.code() + "-request-form";
    return List.of(
        new OutgoingMail.FileRef(
            stem + ".docx",
            ctx.templates().file("forms/" + stem + ".docx", dir),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        new OutgoingMail.FileRef(
            stem + ".xlsx",
            ctx.templates().file("forms/" + stem + ".xlsx", dir),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }
}
