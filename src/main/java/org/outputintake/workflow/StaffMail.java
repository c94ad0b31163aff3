package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.mail.Addresses;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyCap;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;

/**
 * Writes the workflow's mail into the outbox, in the caller's transaction, each with its audit
 * event. Recipients are decided by the caller from the registry and the configuration, never from
 * the addresses of a thread.
 */
public final class StaffMail {
  private final WorkflowContext ctx;
  private final ResearcherNames names;

  StaffMail(WorkflowContext ctx) {
    this.ctx = ctx;
    this.names = new ResearcherNames(ctx.config().storage().dataDir());
  }

  /**
   * The name to greet {@code to} by in a mail on the ticket ({@code researcherName} in the
   * templates), or empty for "Dear researcher,".
   *
   * @param current the email being answered, or null
   */
  public Optional<String> researcherName(Connection c, Ticket t, String to, InboundMessage current)
      throws SQLException {
    return names.of(c, t.idText(), to, current);
  }

  /** Queues one mail unless its recipient cannot be used; returns whether it was queued. */
  public boolean queue(Connection c, OutgoingMail mail, Instant now) throws SQLException {
    Optional<String> problem = Addresses.problem(mail.to());
    if (problem.isPresent()) {
      AuditLog.append(
          c,
          mail.ticketId(),
          now,
          "system",
          "reply-not-queued",
          mail.kind() + ": recipient unusable (" + problem.get() + ")");
      return false;
    }
    Optional<String> capped =
        new ReplyCap(ctx.config().replies().maxPerSenderPerHour()).suppress(c, mail, now);
    if (capped.isPresent()) {
      AuditLog.append(
          c, mail.ticketId(), now, "system", "reply-suppressed", mail.kind() + ": " + capped.get());
      return false;
    }
    Outbox.enqueue(c, mail, now);
    AuditLog.append(
        c, mail.ticketId(), now, "system", "reply-queued", mail.kind() + " " + mail.messageId());
    return true;
  }

  /**
   * A private note to one person (a confirmation, a refusal, the help text), threaded under their
   * message.
   */
  public void toPerson(
      Connection c,
      Ticket t,
      String to,
      String kind,
      String topic,
      Map<String, Object> facts,
      InboundMessage answering,
      Instant now)
      throws SQLException {
    queue(
        c,
        ctx.composer()
            .ticketMail(
                kind,
                t,
                to,
                List.of(),
                topic,
                facts,
                List.of(),
                answering == null ? null : answering.answering()),
        now);
  }

  /**
   * To the officers' list (new tickets, alerts), or to every officer when no list is configured.
   */
  public void toOfficers(
      Connection c,
      Ticket t,
      String kind,
      String topic,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments,
      Instant now)
      throws SQLException {
    for (String to : officerAddresses()) {
      queue(
          c,
          ctx.composer().ticketMail(kind, t, to, List.of(), topic, facts, attachments, null),
          now);
    }
  }

  /** To the ticket's checkers, or the officers' list when nobody holds it. */
  public void toCheckers(
      Connection c, Ticket t, String kind, String topic, Map<String, Object> facts, Instant now)
      throws SQLException {
    List<String> checkers = WorkflowStore.checkers(c, t.idText());
    if (checkers.isEmpty()) {
      toOfficers(c, t, kind, topic, facts, List.of(), now);
      return;
    }
    for (String to : checkers)
      queue(
          c, ctx.composer().ticketMail(kind, t, to, List.of(), topic, facts, List.of(), null), now);
  }

  /** To the requesting researcher, in the ticket's thread (the researcher's own subject). */
  public void toResearcher(
      Connection c,
      Ticket t,
      String kind,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments,
      List<String> bcc,
      Instant now)
      throws SQLException {
    Map<String, Object> greeted = new java.util.HashMap<>(facts);
    researcherName(c, t, t.researcher(), null)
        .ifPresent(name -> greeted.put("researcherName", name));
    queue(
        c,
        ctx.composer().ticketMail(kind, t, t.researcher(), bcc, null, greeted, attachments, null),
        now);
  }

  List<String> officerAddresses() {
    if (ctx.config().staff().officersList() != null)
      return List.of(ctx.config().staff().officersList());
    return new ArrayList<>(ctx.config().staff().officers());
  }
}
