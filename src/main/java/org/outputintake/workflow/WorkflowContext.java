package org.outputintake.workflow;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.store.DeskFiles;
import org.outputintake.ticket.TicketRepository;

/**
 * What the officers' workflow needs from the rest of the bot, passed in so the workflow depends on
 * nothing above it.
 *
 * @param newText the new text of a reply: quoted history and signature removed
 * @param senderCheck why a staff command must not count (authentication), or empty when it may
 * @param reportsDir where scan reports attached to officers' notifications are written
 * @param files the desk's stored files, found on this host whichever instance received them
 */
public record WorkflowContext(
    IntakeConfig config,
    TicketRepository tickets,
    Supplier<ProjectRegistry> registry,
    ReplyComposer composer,
    Clock clock,
    NewText newText,
    SenderCheck senderCheck,
    Path reportsDir,
    DeskFiles files) {

  /** The part of a reply that is new: quoting, attribution lines and signatures removed. */
  @FunctionalInterface
  public interface NewText {
    String of(InboundMessage m);
  }

  /** Whether a staff command may be believed to come from its sender. */
  @FunctionalInterface
  public interface SenderCheck {
    /** What the message proves of its sender, decided before any of its text is read. */
    SenderProof proof(InboundMessage m);
  }
}
