package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketState;

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

  StaffCommands(WorkflowContext ctx, StaffMail mail, OfficerNotifier notifier) {
    this.ctx = ctx;
    this.mail = mail;
    this.commands = new CommandRegistry(notifier);
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
    String text = ctx.newText().of(m);
    Optional<ParsedCommand> parsed = parse(text);
    List<String> later = commands.laterCommands(text);
    Optional<OfficerCommand> known = parsed.flatMap(p -> commands.find(p.name()));
    if (known.isEmpty()) {
      return withoutCommand(c, ticket, m, key, rawSha256, roles, text, parsed, later, now);
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
          reply(
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
          reply(
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
   * No known command on the first line: the text is kept as a note and the sender gets the commands
   * and the ticket's state. A data owner's plain answer ("Approved, thanks") is no decision, so the
   * checkers get their words and the data owner is told what to write.
   */
  private Result withoutCommand(
      Connection c,
      Ticket ticket,
      InboundMessage m,
      String key,
      String rawSha256,
      Set<Role> roles,
      String text,
      Optional<ParsedCommand> parsed,
      List<String> later,
      Instant now)
      throws SQLException {
    String id = ticket.idText();
    String sender = m.from();
    boolean unknown = parsed.isPresent() && !parsed.get().name().equals("help");
    boolean stored = !text.isBlank() && (parsed.isEmpty() || unknown);
    // only officers and data owners reach here without a command: a manager's mail does not
    boolean ownerOnly = !roles.contains(Role.OFFICER);
    String missed =
        later.isEmpty()
            ? ""
            : "Nothing was done: only the first line of your reply is read as a command, and "
                + String.join(", ", later)
                + (later.size() == 1 ? " is" : " are")
                + " not on it. Reply again with the command alone on the first line. ";
    if (stored) {
      WorkflowStore.addNote(c, id, sender, ownerOnly ? "owner-note" : "note", text, now, key);
    }
    AuditLog.append(
        c,
        id,
        now,
        sender,
        AuditType.Action.COMMAND_HELP,
        BlindVerdicts.neutral(
            (unknown
                    ? "unknown command #" + parsed.get().name()
                    : parsed.isPresent() ? "#help" : "no command: stored as a note")
                + (later.isEmpty() ? "" : "; not on the first line: " + String.join(", ", later))
                + ", message sha256 "
                + rawSha256));
    // a command in the wrong place or a mistyped one is still a command the sender gave: they hear
    // what became of it, whatever the count
    boolean gaveCommand = parsed.isPresent() || !later.isEmpty();
    if (!gaveCommand && mail.answersStaffNotice(c, m)) {
      // a reply-all or an auto-responder's answer to the officers' list: answering it, with the
      // help or an alert, is how the list and the bot would mail each other forever
      AuditLog.append(
          c,
          id,
          now,
          "system",
          AuditType.Action.REPLY_NOT_QUEUED,
          "officer-help: the email answers a notification to the officers and gave no command;"
              + " such an answer is stored, never answered");
      return new Result(
          "stored as a note, not answered: it answers a notification to the officers", false);
    }
    boolean ownerWrote = ownerOnly && stored;
    // a for-information owner answering the release, or any owner on a ticket not awaiting them,
    // has nothing to approve: asking for #approve there would be asking for a decision that
    // cannot be taken
    boolean ownerAsked = ticket.state() instanceof TicketState.WithDataOwner;
    if (ownerWrote) {
      mail.alert(
          c,
          ticket,
          StaffMail.Audience.CHECKERS,
          "The data owner wrote: no decision recorded",
          Map.of(
              "sender",
              sender,
              "what",
              TextBlock.of(
                  "Data owner "
                      + sender
                      + " wrote on "
                      + id
                      + " without #approve or #deny on the first line, so no decision is recorded and"
                      + " the ticket is still "
                      + ticket.state().name()
                      + ". Their new text:\n\n"
                      + new IdentifierFinder().maskedText(text)
                      + (ownerAsked
                          ? "\n\nAnswer their question if they asked one; they were told how to"
                              + " approve or deny."
                          : "\n\nAnswer their question if they asked one; no decision is asked of"
                              + " them now."))),
          now);
    }
    String summary =
        (unknown
                ? "#"
                    + parsed.get().name()
                    + " is not a command"
                    + commands.didYouMean(parsed.get().name())
                    + ". "
                : "")
            + missed
            + (ownerWrote && !ownerAsked
                ? "Your text is stored on "
                    + id
                    + " and the output checking officers have it. No decision is asked of you: "
                    + id
                    + (ticket.state() instanceof TicketState.Closed cl
                        ? " is closed" + (cl.released() ? " (its outputs were released)" : "")
                        : " is not waiting for a data owner's decision")
                    + "."
                : ownerWrote
                    ? "No decision was recorded: your email does not start with #approve or #deny."
                        + " Your text is stored on "
                        + id
                        + " and the output checking officers have it. To decide, reply with #approve,"
                        + " or #deny followed by your reason, on the first line."
                    : stored
                        ? "Your email is stored on "
                            + id
                            + " as an internal note (the researcher does not see it)."
                        : "Nothing was changed.");
    String topic =
        unknown
            ? "#" + parsed.get().name() + " is not a command"
            : !later.isEmpty()
                ? later.get(0).replaceFirst(" .*", "") + " was not applied"
                : ownerWrote
                    ? "No decision recorded"
                    : parsed.isPresent() ? "Commands" : "Stored as an internal note";
    ReplyQueue.Result helped =
        reply(
            c,
            ticket,
            m,
            "officer-help",
            topic,
            roles,
            summary,
            null,
            List.of(),
            gaveCommand ? ReplyCap.Cause.STAFF_COMMAND : ReplyCap.Cause.STAFF_WITHOUT_COMMAND,
            now);
    return new Result(
        (parsed.isPresent() ? "help" : stored ? "stored as a note" : "no command")
            + ", "
            + helped.said(),
        false);
  }

  /**
   * The subject names another ticket than the thread this email answers: the thread decided
   * (Router#ticketFor), and the sender must not believe the command went where the subject says.
   */
  private String otherTicketNamed(InboundMessage m, Ticket t) {
    Optional<TicketId> tag =
        TicketId.findInSubject(m.subject(), ctx.config().tickets().allPrefixes());
    if (tag.isEmpty() || tag.get().toString().equals(t.idText())) return "";
    return "\n\nNote: the subject of your email names "
        + tag.get()
        + ", but your email answers the bot's email about "
        + t.idText()
        + ", so it was taken as an email about "
        + t.idText()
        + ", not "
        + tag.get()
        + ". To act on "
        + tag.get()
        + ", reply to an email about it.";
  }

  private ReplyQueue.Result reply(
      Connection c,
      Ticket t,
      InboundMessage m,
      String kind,
      String topic,
      Set<Role> roles,
      String summary,
      String next,
      List<org.outputintake.reply.OutgoingMail.FileRef> attachments,
      ReplyCap.Cause cause,
      Instant now)
      throws SQLException {
    // the subject is stored and shown beside the ticket (tickets show): it never names a verdict
    topic = BlindVerdicts.neutral(topic);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("summary", TextBlock.of((summary == null ? "" : summary) + otherTicketNamed(m, t)));
    facts.put("next", next == null ? "" : next);
    facts.put("hasNext", next != null && !next.isBlank());
    facts.put("state", t.state().name());
    List<String> checkers = WorkflowStore.checkers(c, t.idText());
    facts.put("checkers", String.join(", ", checkers));
    facts.put("hasCheckers", !checkers.isEmpty());
    facts.put("round", t.round());
    facts.put("verdictCount", WorkflowStore.verdictCount(c, t.idText(), t.round()));
    facts.put(
        "verdictsExpected",
        WorkflowStore.verdictsExpected(c, t, ctx.config().workflow().checkers()));
    facts.put("commands", commands.help(roles, t));
    // a data owner is offered their own two commands, a manager their one, not the officers' list
    boolean owner = !roles.contains(Role.OFFICER) && roles.contains(Role.DATA_OWNER);
    boolean asked = t.state() instanceof TicketState.WithDataOwner;
    facts.put("ownerOnly", owner && asked);
    facts.put("ownerNotAsked", owner && !asked);
    facts.put("managerOnly", !roles.contains(Role.OFFICER) && roles.contains(Role.MANAGER));
    return mail.toPerson(c, t, m.from(), kind, topic, facts, attachments, m, cause, now);
  }
}
