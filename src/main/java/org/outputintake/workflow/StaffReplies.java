package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketState;

/**
 * The one way a staff email is answered on a ticket, whether its command was done, refused or
 * missing: the ticket's state, its checkers and verdict count, and the commands the sender may
 * give.
 */
final class StaffReplies {
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final CommandRegistry commands;

  StaffReplies(WorkflowContext ctx, StaffMail mail, CommandRegistry commands) {
    this.ctx = ctx;
    this.mail = mail;
    this.commands = commands;
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

  ReplyQueue.Result send(
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
