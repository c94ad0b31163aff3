package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;

/**
 * The registry of staff commands and the one place where an email from staff becomes a command:
 * authenticated first, then parsed once from the new text, dispatched once, and every refusal
 * turned into a private reply. The command's writes and its confirmation commit together; a refused
 * command leaves nothing but the refusal.
 */
public final class StaffCommands {
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final CommandRegistry commands;
  private final StaffReplies replies;

  StaffCommands(WorkflowContext ctx, StaffMail mail, OfficerNotifier notifier) {
    this.ctx = ctx;
    this.mail = mail;
    this.commands = new CommandRegistry(notifier);
    this.replies = new StaffReplies(ctx, mail, commands);
  }

  /**
   * The command on the first line of {@code newText}: {@code #pass}, or {@code # pass} with a
   * space, which is as plainly an attempt at {@code #pass}.
   */
  public Optional<ParsedCommand> parse(String newText) {
    return commands.parse(newText);
  }

  /** Whether {@code name} (without {@code #}) is one of the desk's commands. */
  public boolean isCommand(String name) {
    return commands.find(name).isPresent();
  }

  /** What became of a staff email, for the log. */
  public record Result(String summary, boolean closedTicket) {}

  /**
   * Handles an email from an officer or a data owner on a ticket, in the caller's transaction
   * (which has already recorded the email itself).
   *
   * @param rawSha256 the stored email's hash, written with every command's audit event
   */
  public Result handle(
      Connection c,
      Ticket ticket,
      Project project,
      InboundMessage m,
      String key,
      String rawSha256,
      Set<Role> roles,
      Instant now)
      throws SQLException {
    String sender = m.from();
    String id = ticket.idText();
    // who sent it is settled before a word of it is read as a command
    SenderProof proof = ctx.senderCheck().proof(m);
    if (proof instanceof SenderProof.Unproven unproven) {
      return refuseUnproven(c, ticket, m, key, rawSha256, unproven, now);
    }
    String text = ctx.newText().of(m);
    Optional<ParsedCommand> parsed = parse(text);
    List<String> later = commands.laterCommands(text);
    Optional<OfficerCommand> known = parsed.flatMap(p -> commands.find(p.name()));
    if (known.isEmpty()) {
      return new WithoutCommand(
              mail,
              commands,
              replies,
              c,
              ticket,
              m,
              roles,
              text,
              WithoutCommand.FirstLine.of(parsed),
              later,
              now)
          .handle(key, rawSha256);
    }
    ParsedCommand cmd = parsed.get();
    OfficerCommand command = known.get();
    Savepoint before = c.setSavepoint();
    try {
      if (!later.isEmpty()) {
        // applying the first and dropping the rest would leave the officer believing both counted
        throw new Refused(
            "one command per email: this email also has "
                + String.join(", ", later)
                + ", so nothing was done. Send each command in its own reply, alone on its first"
                + " line");
      }
      CommandRegistry.authorise(command, roles);
      ProvenDecisions.record(c, id, key, sender, cmd.name(), proof, now);
      Invocation inv =
          new Invocation(c, ctx, mail, ticket, project, sender, roles, cmd, m, key, now);
      if (command.decision()) SeenRound.require(inv);
      OfficerCommand.Done done = command.apply(inv);
      AuditLog.append(
          c,
          id,
          now,
          sender,
          AuditType.Action.COMMAND,
          BlindVerdicts.neutral("#" + cmd.name()) + ", message sha256 " + rawSha256);
      Ticket after = ctx.tickets().find(c, id).orElse(ticket);
      if (!Confirmations.sendDone(c, sender, command, done))
        return new Result(
            BlindVerdicts.neutral("#" + cmd.name()) + " applied, no confirmation (errors-only)",
            !after.state().isOpen() && ticket.state().isOpen());
      ReplyQueue.Result confirmed =
          replies.send(
              c,
              after,
              m,
              "officer-confirmation",
              "#" + cmd.name() + ": done",
              roles,
              done.summary(),
              done.next(),
              done.attachments(),
              ReplyCap.Cause.STAFF_COMMAND,
              now);
      return new Result(
          BlindVerdicts.neutral("#" + cmd.name()) + " applied, " + confirmed.said(),
          !after.state().isOpen() && ticket.state().isOpen());
    } catch (Refused r) {
      c.rollback(before);
      // a refused verdict's reason can tell which it was (only #fail needs notes): it goes to its
      // author alone
      String why =
          BlindVerdicts.isVerdict(Optional.of(cmd.name()))
              ? BlindVerdicts.NEUTRAL_NAME + ": not recorded (the reason went to its author)"
              : BlindVerdicts.neutral("#" + cmd.name() + ": " + r.getMessage());
      AuditLog.append(
          c,
          id,
          now,
          sender,
          AuditType.Action.COMMAND_REFUSED,
          why + ", message sha256 " + rawSha256);
      ReplyQueue.Result told =
          replies.send(
              c,
              ticket,
              m,
              "officer-refused",
              "#" + cmd.name() + ": not done",
              roles,
              r.getMessage(),
              null,
              List.of(),
              ReplyCap.Cause.STAFF_COMMAND,
              now);
      return new Result("refused (" + told.said() + "): " + why, false);
    }
  }

  /**
   * Nothing an unproven email asks for is done: its text is kept on the ticket, and the officers
   * are told that someone wrote as {@code m.from()}.
   */
  private Result refuseUnproven(
      Connection c,
      Ticket ticket,
      InboundMessage m,
      String key,
      String rawSha256,
      SenderProof.Unproven unproven,
      Instant now)
      throws SQLException {
    String sender = m.from();
    String id = ticket.idText();
    WorkflowStore.addNote(c, id, sender, "unauthenticated", ctx.newText().of(m), now, key);
    AuditLog.append(
        c,
        id,
        now,
        sender,
        AuditType.Action.COMMAND_REFUSED,
        "sender not authenticated (" + unproven.why() + "), message sha256 " + rawSha256);
    mail.alert(
        c,
        ticket,
        StaffMail.Audience.OFFICERS,
        "Unauthenticated mail from " + sender,
        Map.of(
            "sender",
            sender,
            "what",
            "an email claiming to come from "
                + sender
                + " failed the sender check ("
                + unproven.why()
                + "). Nothing it asked for was done; its text is stored on the ticket."),
        now);
    return new Result("refused: sender not authenticated", false);
  }
}
