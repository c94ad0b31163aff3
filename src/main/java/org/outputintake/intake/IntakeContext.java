package org.outputintake.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.Workflow;

/** The collaborators every intake handler shares. */
public record IntakeContext(
    IntakeConfig config,
    Database db,
    RawStore files,
    TicketRepository tickets,
    Supplier<ProjectRegistry> registry,
    RequestReview review,
    ReplyComposer composer,
    Templates templates,
    LoopGuard loopGuard,
    SubjectParser subjects,
    Clock clock,
    IntakeEvents events,
    Workflow workflow,
    Mailbox mailbox) {

  /** The context of the first (or only) mailbox. */
  public IntakeContext(
      IntakeConfig config,
      Database db,
      RawStore files,
      TicketRepository tickets,
      Supplier<ProjectRegistry> registry,
      RequestReview review,
      ReplyComposer composer,
      Templates templates,
      LoopGuard loopGuard,
      SubjectParser subjects,
      Clock clock,
      IntakeEvents events,
      Workflow workflow) {
    this(
        config,
        db,
        files,
        tickets,
        registry,
        review,
        composer,
        templates,
        loopGuard,
        subjects,
        clock,
        events,
        workflow,
        config.mailbox());
  }

  /**
   * The same collaborators for another of the bot's mailboxes: its replies leave from it, and it
   * opens tickets only for the kinds it accepts.
   */
  public IntakeContext forMailbox(Mailbox other, ReplyComposer itsComposer) {
    return new IntakeContext(
        config,
        db,
        files,
        tickets,
        registry,
        review,
        itsComposer,
        templates,
        loopGuard,
        subjects,
        clock,
        events,
        workflow,
        other);
  }

  /** The kinds of request this mailbox opens tickets for. */
  public java.util.List<org.outputintake.ticket.RequestKind> accepts() {
    return java.util.Arrays.stream(org.outputintake.ticket.RequestKind.values())
        .filter(k -> mailbox.accepts().contains(k.code()))
        .toList();
  }

  /**
   * Queues a reply unless its recipient cannot be used, or the reply cap ({@link ReplyCap}) stops a
   * runaway correspondent. A suppressed reply is audited on its ticket and logged at WARN, so it is
   * visible.
   *
   * @return whether the reply was queued
   */
  public boolean queueReply(Connection c, OutgoingMail mail, Instant now) throws SQLException {
    return new ReplyQueue(
            config.replies().maxPerSenderPerHour(), org.outputintake.mail.Addresses::problem)
        .queue(c, mail, ReplyCap.Cause.OTHER, now)
        .queued();
  }
}
