package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.command.DeskCommand;

/**
 * An officer's command in an email that is in no ticket's thread: a new email to the bot saying
 * {@code #next} on Monday morning. {@code #next} needs no ticket, so it is run as if given in the
 * thread of the oldest ticket nobody holds; every other command is answered with where to send it,
 * never with the researchers' subject-format help.
 */
final class OutsideTicketCommands {
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final StaffCommands commands;

  OutsideTicketCommands(WorkflowContext ctx, StaffMail mail, StaffCommands commands) {
    this.ctx = ctx;
    this.mail = mail;
    this.commands = commands;
  }

  /**
   * Whether this email is an officer's command outside any ticket: theirs to answer, not intake's.
   */
  boolean isOfficerCommand(InboundMessage m) {
    if (m.from() == null || !m.files().isEmpty()) return false;
    Optional<ParsedCommand> cmd = ParsedCommand.parse(ctx.newText().of(m));
    if (ctx.config().staff().isOfficer(m.from())) return cmd.isPresent();
    // a manager's #unassign on a new email: told to reply in the ticket's thread, not given the
    // researchers' subject help
    return ctx.config().staff().isManager(m.from())
        && cmd.isPresent()
        && commands.isCommand(cmd.get().name());
  }

  StaffCommands.Result handle(
      Connection c, InboundMessage m, String key, String rawSha256, Instant now)
      throws SQLException {
    String sender = m.from();
    ParsedCommand cmd = ParsedCommand.parse(ctx.newText().of(m)).orElseThrow();
    if (ctx.senderCheck().proof(m) instanceof SenderProof.Unproven unproven) {
      // no ticket to alert on and an unproven sender to answer: the audit trail and the log hold it
      AuditLog.append(
          c,
          null,
          now,
          sender,
          AuditType.Action.COMMAND_REFUSED,
          "#"
              + cmd.name()
              + " outside a ticket: sender not authenticated ("
              + unproven.why()
              + "), message sha256 "
              + rawSha256);
      return new StaffCommands.Result("refused: sender not authenticated", false);
    }
    boolean manager = !ctx.config().staff().isOfficer(sender);
    Optional<DeskCommand.View> view = DeskCommand.view(cmd.name());
    if (view.isPresent()) return deskView(c, m, cmd, view.get(), rawSha256, now);
    boolean next = !manager && cmd.name().equals("next");
    List<String> oldest =
        next ? WorkflowStore.needingChecker(c, 1, ctx.config().workflow().checkers()) : List.of();
    if (!oldest.isEmpty()) {
      Ticket t = ctx.tickets().lock(c, oldest.get(0)).orElseThrow();
      Project p = ctx.registry().get().find(t.projectNumber()).orElse(null);
      return commands.handle(
          c, t, p, m, key, rawSha256, Role.of(sender, t, p, ctx.config().staff()), now);
    }
    AuditLog.append(
        c,
        null,
        now,
        sender,
        AuditType.Action.COMMAND_REFUSED,
        "#" + cmd.name() + " outside a ticket's thread, message sha256 " + rawSha256);
    ReplyQueue.Result told =
        mail.queue(
            c,
            ctx.composer()
                .plainReply(
                    "officer-no-ticket",
                    m.answering(),
                    Map.of("command", cmd.name(), "next", next, "manager", manager),
                    List.of()),
            ReplyCap.Cause.STAFF_COMMAND,
            now);
    return new StaffCommands.Result("#" + cmd.name() + " outside a ticket: " + told.said(), false);
  }

  /** A look at the desk needs no ticket: answered in the thread of the email that asked. */
  private StaffCommands.Result deskView(
      Connection c,
      InboundMessage m,
      ParsedCommand cmd,
      DeskCommand.View view,
      String rawSha256,
      Instant now)
      throws SQLException {
    String summary;
    try {
      summary = String.join("\n", DeskCommand.lines(c, ctx, m.from(), view, cmd.text(), now));
    } catch (Refused r) {
      summary = "Not done: " + r.getMessage() + ".";
    }
    AuditLog.append(
        c,
        null,
        now,
        m.from(),
        AuditType.Action.COMMAND,
        "#" + cmd.name() + ", message sha256 " + rawSha256);
    ReplyQueue.Result told =
        mail.queue(
            c,
            ctx.composer()
                .plainReply(
                    "officer-desk",
                    m.answering(),
                    Map.of("command", cmd.name(), "summary", TextBlock.of(summary)),
                    List.of()),
            ReplyCap.Cause.STAFF_COMMAND,
            now);
    return new StaffCommands.Result("#" + cmd.name() + " outside a ticket: " + told.said(), false);
  }
}
