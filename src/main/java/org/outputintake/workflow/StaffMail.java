package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.config.Staff;
import org.outputintake.mail.Addresses;
import org.outputintake.mail.InboundMessage;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyCap;
import org.outputintake.reply.ReplyQueue;
import org.outputintake.reply.SentReplies;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;

/**
 * Writes the workflow's mail into the outbox, in the caller's transaction, each with its audit
 * event. Recipients are decided by the caller from the registry and the configuration, never from
 * the addresses of a thread.
 */
public final class StaffMail {
  private static final String ALERT = "officers-alert";
  private final WorkflowContext ctx;
  private final ResearcherNames names;

  StaffMail(WorkflowContext ctx) {
    this.ctx = ctx;
    this.names = new ResearcherNames(ctx.files().messages());
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
    return queue(c, mail, ReplyCap.Cause.OTHER, now).queued();
  }

  /**
   * Queues one mail unless its recipient cannot be used or the reply cap holds it back ({@link
   * ReplyCap.Cause}: never a command's answer).
   */
  public ReplyQueue.Result queue(Connection c, OutgoingMail mail, ReplyCap.Cause cause, Instant now)
      throws SQLException {
    return new ReplyQueue(ctx.config().replies().maxPerSenderPerHour(), Addresses::problem)
        .queue(c, mail, cause, now);
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
    toPerson(c, t, to, kind, topic, facts, answering, ReplyCap.Cause.OTHER, now);
  }

  /** The same, saying what the mail answers (a staff command's answer is never held back). */
  public ReplyQueue.Result toPerson(
      Connection c,
      Ticket t,
      String to,
      String kind,
      String topic,
      Map<String, Object> facts,
      InboundMessage answering,
      ReplyCap.Cause cause,
      Instant now)
      throws SQLException {
    return toPerson(c, t, to, kind, topic, facts, List.of(), answering, cause, now);
  }

  /** The same with files attached (a {@code #take} confirmation carries the submission). */
  public ReplyQueue.Result toPerson(
      Connection c,
      Ticket t,
      String to,
      String kind,
      String topic,
      Map<String, Object> facts,
      List<OutgoingMail.FileRef> attachments,
      InboundMessage answering,
      ReplyCap.Cause cause,
      Instant now)
      throws SQLException {
    return queue(
        c,
        ctx.composer()
            .ticketMail(
                kind,
                t,
                to,
                List.of(),
                topic,
                facts,
                attachments,
                answering == null ? null : answering.answering()),
        cause,
        now);
  }

  /** Who an alert goes to. */
  public enum Audience {
    /** The officers' list, or every officer when no list is configured. */
    OFFICERS,
    /** The ticket's checkers, or the officers when nobody holds it. */
    CHECKERS
  }

  /**
   * An {@code officers-alert} about mail the bot did not obey (from outside the ticket, an
   * unauthenticated sender, a data owner's words without a decision). A robot can write such mail
   * once a second, so at most one alert of a topic goes out on a ticket in an hour; the rest are
   * audit events ({@code alert-coalesced}) on the ticket, beside the stored mail they are about.
   */
  public void alert(
      Connection c, Ticket t, Audience to, String topic, Map<String, Object> facts, Instant now)
      throws SQLException {
    String subject =
        ctx.composer()
            .ticketMail(
                ALERT,
                t,
                // only the subject is wanted here; the recipients are chosen below
                org.outputintake.config.DeskAddresses.of(ctx.config()).first(),
                List.of(),
                topic,
                facts,
                List.of(),
                null)
            .subject();
    int recent =
        SentReplies.countOnTicket(c, t.idText(), ALERT, subject, now.minus(Duration.ofHours(1)));
    if (recent > 0) {
      AuditLog.append(
          c,
          t.idText(),
          now,
          "system",
          AuditType.Action.ALERT_COALESCED,
          "\""
              + topic
              + "\" not sent again: the officers had this alert on this ticket within the hour");
      return;
    }
    if (to == Audience.OFFICERS) toOfficers(c, t, ALERT, topic, facts, List.of(), now);
    else toCheckers(c, t, ALERT, topic, facts, now);
  }

  /**
   * Whether {@code m} answers an alert, or any notification the bot sent the officers' list: such
   * an answer is a person's reply-all or a list member's auto-responder, and answering it with the
   * help is how a list and the bot mail each other forever. Only its nearest parent counts, so an
   * officer's reply further down a thread the list started is not one.
   */
  public boolean answersStaffNotice(Connection c, InboundMessage m) throws SQLException {
    String list = ctx.config().staff().officersList();
    return parent(c, m).stream()
        .anyMatch(
            sent ->
                sent.mail().kind().equals(ALERT)
                    || (list != null && sent.mail().to().equalsIgnoreCase(list)));
  }

  /**
   * Whether {@code m} answers an {@code officers-alert}: another alert about it would go to the
   * same people, to be answered again.
   */
  public boolean answersAlert(Connection c, InboundMessage m) throws SQLException {
    return parent(c, m).stream().anyMatch(sent -> sent.mail().kind().equals(ALERT));
  }

  /** The bot's mail that {@code m} answers directly, if any. */
  private static List<Outbox.Entry> parent(Connection c, InboundMessage m) throws SQLException {
    List<String> parents = m.threadIds();
    return parents.isEmpty() ? List.of() : Outbox.byMessageIds(c, List.of(parents.get(0)));
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
    for (String to : officerAddresses(t)) {
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

  /**
   * Who hears of a ticket: the officers of its kind's {@code staff.lists} when it has one, else the
   * officers' list, else every officer.
   */
  List<String> officerAddresses(Ticket t) {
    Staff staff = ctx.config().staff();
    if (staff.lists().containsKey(t.kind().code()))
      return new ArrayList<>(staff.officersFor(t.kind().code()));
    if (ctx.config().staff().officersList() != null)
      return List.of(ctx.config().staff().officersList());
    return new ArrayList<>(ctx.config().staff().officers());
  }
}
