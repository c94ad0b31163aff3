package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * A staff email on a ticket with no known command on its first line: the text is kept as a note and
 * the sender gets the commands and the ticket's state. A data owner's plain answer ("Approved,
 * thanks") is no decision, so the checkers get their words and the data owner is told what to
 * write. One instance per email, its steps in the order they run in {@link #handle}.
 */
final class WithoutCommand {
  /** What the first line held. */
  sealed interface FirstLine {
    /** No command at all: the email is words, kept as a note. */
    record NoCommand() implements FirstLine {}

    /** {@code #help}: the sender asked for the commands, so nothing is kept. */
    record Help() implements FirstLine {}

    /** A name no command has: kept as a note, and the sender is told what they may have meant. */
    record Unknown(String name) implements FirstLine {}

    static FirstLine of(Optional<ParsedCommand> parsed) {
      if (parsed.isEmpty()) return new NoCommand();
      String name = parsed.get().name();
      return name.equals("help") ? new Help() : new Unknown(name);
    }
  }

  /** Only officers and data owners reach here without a command: a manager's mail does not. */
  private enum Writer {
    OFFICER,
    DATA_OWNER_ONLY;

    static Writer of(Set<Role> roles) {
      return roles.contains(Role.OFFICER) ? OFFICER : DATA_OWNER_ONLY;
    }
  }

  private final StaffMail mail;
  private final CommandRegistry commands;
  private final StaffReplies replies;
  private final Connection c;
  private final Ticket ticket;
  private final InboundMessage m;
  private final Set<Role> roles;
  private final String text;
  private final FirstLine firstLine;
  private final List<String> later;
  private final Instant now;
  private final String id;
  private final Writer writer;
  private final boolean stored;

  /**
   * @param later the commands found below the first line, where none is read
   */
  WithoutCommand(
      StaffMail mail,
      CommandRegistry commands,
      StaffReplies replies,
      Connection c,
      Ticket ticket,
      InboundMessage m,
      Set<Role> roles,
      String text,
      FirstLine firstLine,
      List<String> later,
      Instant now) {
    this.mail = mail;
    this.commands = commands;
    this.replies = replies;
    this.c = c;
    this.ticket = ticket;
    this.m = m;
    this.roles = roles;
    this.text = text;
    this.firstLine = firstLine;
    this.later = later;
    this.now = now;
    this.id = ticket.idText();
    this.writer = Writer.of(roles);
    this.stored = !text.isBlank() && !(firstLine instanceof FirstLine.Help);
  }

  /**
   * @param key the email's key, written with its note
   * @param rawSha256 the stored email's hash, written with the audit event
   */
  StaffCommands.Result handle(String key, String rawSha256) throws SQLException {
    if (stored) {
      WorkflowStore.addNote(
          c, id, m.from(), writer == Writer.OFFICER ? "note" : "owner-note", text, now, key);
    }
    audit(rawSha256);
    if (!gaveCommand() && mail.answersStaffNotice(c, m)) return leftUnanswered();
    if (ownerWrote()) alertCheckers();
    ReplyQueue.Result helped =
        replies.send(
            c,
            ticket,
            m,
            "officer-help",
            topic(),
            roles,
            summary(),
            null,
            List.of(),
            gaveCommand() ? ReplyCap.Cause.STAFF_COMMAND : ReplyCap.Cause.STAFF_WITHOUT_COMMAND,
            now);
    return new StaffCommands.Result(
        (firstLine instanceof FirstLine.NoCommand
                ? stored ? "stored as a note" : "no command"
                : "help")
            + ", "
            + helped.said(),
        false);
  }

  private void audit(String rawSha256) throws SQLException {
    String what =
        firstLine instanceof FirstLine.Unknown u
            ? "unknown command #" + u.name()
            : firstLine instanceof FirstLine.Help ? "#help" : "no command: stored as a note";
    AuditLog.append(
        c,
        id,
        now,
        m.from(),
        AuditType.Action.COMMAND_HELP,
        BlindVerdicts.neutral(
            what
                + (later.isEmpty() ? "" : "; not on the first line: " + String.join(", ", later))
                + ", message sha256 "
                + rawSha256));
  }

  /**
   * A command in the wrong place or a mistyped one is still a command the sender gave: they hear
   * what became of it, whatever the count.
   */
  private boolean gaveCommand() {
    return !(firstLine instanceof FirstLine.NoCommand) || !later.isEmpty();
  }

  /**
   * A reply-all or an auto-responder's answer to the officers' list: answering it, with the help or
   * an alert, is how the list and the bot would mail each other forever.
   */
  private StaffCommands.Result leftUnanswered() throws SQLException {
    AuditLog.append(
        c,
        id,
        now,
        "system",
        AuditType.Action.REPLY_NOT_QUEUED,
        "officer-help: the email answers a notification to the officers and gave no command;"
            + " such an answer is stored, never answered");
    return new StaffCommands.Result(
        "stored as a note, not answered: it answers a notification to the officers", false);
  }

  private boolean ownerWrote() {
    return writer == Writer.DATA_OWNER_ONLY && stored;
  }

  /**
   * A for-information owner answering the release, or any owner on a ticket not awaiting them, has
   * nothing to approve: asking for #approve there would be asking for a decision that cannot be
   * taken.
   */
  private boolean ownerAsked() {
    return ticket.state() instanceof TicketState.WithDataOwner;
  }

  private void alertCheckers() throws SQLException {
    mail.alert(
        c,
        ticket,
        StaffMail.Audience.CHECKERS,
        "The data owner wrote: no decision recorded",
        Map.of(
            "sender",
            m.from(),
            "what",
            TextBlock.of(
                "Data owner "
                    + m.from()
                    + " wrote on "
                    + id
                    + " without #approve or #deny on the first line, so no decision is recorded and"
                    + " the ticket is still "
                    + ticket.state().name()
                    + ". Their new text:\n\n"
                    + new IdentifierFinder().maskedText(text)
                    + (ownerAsked()
                        ? "\n\nAnswer their question if they asked one; they were told how to"
                            + " approve or deny."
                        : "\n\nAnswer their question if they asked one; no decision is asked of"
                            + " them now."))),
        now);
  }

  private String topic() {
    if (firstLine instanceof FirstLine.Unknown u) return "#" + u.name() + " is not a command";
    if (!later.isEmpty()) return later.get(0).replaceFirst(" .*", "") + " was not applied";
    if (ownerWrote()) return "No decision recorded";
    return firstLine instanceof FirstLine.Help ? "Commands" : "Stored as an internal note";
  }

  private String summary() {
    return (firstLine instanceof FirstLine.Unknown u
            ? "#" + u.name() + " is not a command" + commands.didYouMean(u.name()) + ". "
            : "")
        + missed()
        + whatBecameOfTheText();
  }

  private String missed() {
    return later.isEmpty()
        ? ""
        : "Nothing was done: only the first line of your reply is read as a command, and "
            + String.join(", ", later)
            + (later.size() == 1 ? " is" : " are")
            + " not on it. Reply again with the command alone on the first line. ";
  }

  private String whatBecameOfTheText() {
    if (ownerWrote() && !ownerAsked()) {
      return "Your text is stored on "
          + id
          + " and the output checking officers have it. No decision is asked of you: "
          + id
          + (ticket.state() instanceof TicketState.Closed cl
              ? " is closed" + (cl.released() ? " (its outputs were released)" : "")
              : " is not waiting for a data owner's decision")
          + ".";
    }
    if (ownerWrote()) {
      return "No decision was recorded: your email does not start with #approve or #deny."
          + " Your text is stored on "
          + id
          + " and the output checking officers have it. To decide, reply with #approve,"
          + " or #deny followed by your reason, on the first line.";
    }
    return stored
        ? "Your email is stored on " + id + " as an internal note (the researcher does not see it)."
        : "Nothing was changed.";
  }
}
