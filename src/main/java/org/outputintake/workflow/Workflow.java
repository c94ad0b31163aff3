package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;

/**
 * The officers' side of a ticket, as intake sees it: who a sender is, staff commands, the officers'
 * notifications, and what the checkers are told when the researcher or someone else writes.
 * Everything runs in the caller's transaction, beside the record of the email it reacts to.
 */
public final class Workflow {
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final OfficerNotifier notifier;
  private final StaffCommands commands;
  private final OutsideTicketCommands outside;
  private final org.outputintake.sla.ServiceLevel serviceLevel;
  private final ResearcherChase chase;

  public Workflow(WorkflowContext ctx) {
    this.ctx = ctx;
    this.serviceLevel = new org.outputintake.sla.ServiceLevel(ctx.config().sla());
    this.mail = new StaffMail(ctx);
    this.notifier = new OfficerNotifier(ctx, mail, serviceLevel);
    this.commands = new StaffCommands(ctx, mail, notifier);
    this.outside = new OutsideTicketCommands(ctx, mail, commands);
    this.chase = new ResearcherChase(ctx, mail, serviceLevel);
  }

  public WorkflowContext context() {
    return ctx;
  }

  public org.outputintake.sla.ServiceLevel serviceLevel() {
    return serviceLevel;
  }

  /** Reminding a researcher who has not answered, and withdrawing the ticket in the end. */
  public ResearcherChase chase() {
    return chase;
  }

  /**
   * The facts a reply to the researcher adds to its own: queue position and the working day by
   * which they should hear back, recomputed now (see {@code templates/_service-level.mustache}).
   */
  public Map<String, Object> withServiceLevel(
      Connection c, Ticket t, Map<String, Object> facts, Instant now) throws SQLException {
    Map<String, Object> out = new java.util.HashMap<>(facts);
    out.putAll(serviceLevel.researcherFacts(c, t, WorkflowStore.queuePosition(c, t.idText()), now));
    return out;
  }

  /**
   * A service-level reminder: one working day (sla.reminder-before) before breach to the checkers,
   * or the officers' list when nobody holds the ticket; at breach to the managers.
   */
  public void serviceLevelReminder(
      Connection c,
      Ticket t,
      org.outputintake.sla.ServiceClock.Status status,
      boolean breached,
      Instant now)
      throws SQLException {
    Map<String, Object> facts = new java.util.HashMap<>(serviceLevel.staffFacts(status));
    facts.put("state", t.state().name());
    facts.put("researcher", t.researcher());
    List<String> checkers = WorkflowStore.checkers(c, t.idText());
    // an empty line would leave a manager guessing: nobody holding it is the news
    facts.put(
        "checkers", checkers.isEmpty() ? "nobody has taken it yet" : String.join(", ", checkers));
    facts.put("slaDays", serviceLevel.config().days());
    String kindTag = DeskViews.kindTag(t, TicketRepository.holdsOtherKinds(c));
    facts.put("kindTag", kindTag);
    if (!breached) {
      mail.toCheckers(
          c,
          t,
          "sla-reminder",
          "Due soon: the service level ends " + facts.get("slaDue"),
          facts,
          now);
      return;
    }
    for (String manager : ctx.config().staff().managers()) {
      mail.queue(
          c,
          ctx.composer()
              .ticketMail(
                  "sla-breached",
                  t,
                  manager,
                  List.of(),
                  "Over the service level: "
                      + t.idText()
                      + kindTag
                      + ", project "
                      + t.projectNumber(),
                  facts,
                  List.of(),
                  null),
          now);
    }
  }

  public Set<Role> roles(String sender, Ticket t, Project p) {
    return Role.of(sender, t, p, ctx.config().staff());
  }

  /**
   * Whether this email goes to the staff side: an officer or a data owner, unless it is their own
   * request's mail; a manager only with a staff command on its first line.
   */
  public boolean isStaffMail(Set<Role> roles, InboundMessage m) {
    boolean staff = roles.contains(Role.OFFICER) || roles.contains(Role.DATA_OWNER);
    if (!staff) {
      // #unassign is a manager's one command; any other command of the desk is answered "Not
      // done" rather than silently stored, and everything else they write is handled as before
      return roles.contains(Role.MANAGER)
          && commands
              .parse(ctx.newText().of(m))
              .map(cmd -> commands.isCommand(cmd.name()))
              .orElse(false);
    }
    // an officer writing as a researcher on their own request is a researcher, unless they give a
    // command
    return !Role.researcher(roles) || ParsedCommand.parse(ctx.newText().of(m)).isPresent();
  }

  public StaffCommands.Result staffMail(
      Connection c,
      Ticket t,
      Project p,
      InboundMessage m,
      String key,
      String rawSha256,
      Set<Role> roles,
      Instant now)
      throws SQLException {
    return commands.handle(c, t, p, m, key, rawSha256, roles, now);
  }

  /**
   * Whether an email in no ticket's thread is an officer's command ({@code #next} on a new email):
   * the workflow answers it, not the researchers' subject-format help.
   */
  public boolean isOfficerCommandOutsideTicket(InboundMessage m) {
    return outside.isOfficerCommand(m);
  }

  /** Runs {@code #next} or says where a ticket's command belongs, in the caller's transaction. */
  public StaffCommands.Result officerCommandOutsideTicket(
      Connection c, InboundMessage m, String key, String rawSha256, Instant now)
      throws SQLException {
    return outside.handle(c, m, key, rawSha256, now);
  }

  /** The ticket entered the queue (new, or back after a revision): the officers' list is told. */
  public void ticketQueued(Connection c, Ticket t, OfficerNotifier.Arrival arrival, Instant now)
      throws SQLException {
    notifier.queued(c, t, arrival, now);
  }

  /**
   * Someone with no role on the ticket wrote into its thread: stored, never relayed, and the
   * officers are told who (not what: the text stays on the ticket).
   */
  public void outsider(Connection c, Ticket t, InboundMessage m, String key, Instant now)
      throws SQLException {
    String sender = m.from() == null ? "(no sender)" : m.from();
    WorkflowStore.addNote(c, t.idText(), sender, "outsider", ctx.newText().of(m), now, key);
    if (mail.answersAlert(c, m)) {
      // a list member's answer (or auto-reply) to an alert: a new alert would go to the same list
      // and be answered again
      AuditLog.append(
          c,
          t.idText(),
          now,
          sender,
          AuditType.Action.OUTSIDER_MAIL,
          "stored, not relayed; no alert: it answers an officers-alert");
      return;
    }
    AuditLog.append(
        c, t.idText(), now, sender, AuditType.Action.OUTSIDER_MAIL, "stored, not relayed");
    mail.alert(
        c,
        t,
        StaffMail.Audience.CHECKERS,
        "Mail from outside the ticket",
        Map.of(
            "sender",
            sender,
            "what",
            sender
                + " wrote into the thread of "
                + t.idText()
                + " but is not a named "
                + "researcher, officer or data owner of it. Nothing was relayed or answered; the email is stored on the "
                + "ticket (tickets show "
                + t.idText()
                + ")."),
        now);
  }

  /** What a researcher's email on an open ticket did, as the checkers are told it. */
  public enum ResearcherUpdate {
    /** Text only; the ticket did not move. */
    WROTE("wrote"),
    /** Their answer returned the ticket to the queue. */
    ANSWERED("answered", Effect.REQUEUED),
    /**
     * Their answer returned it to the queue and started a new check round on the same files (both
     * verdicts of the last round were in).
     */
    ANSWERED_NEW_ROUND("answered", Effect.REQUEUED, Effect.NEW_ROUND),
    /** A revision: new files, a new round. */
    SENT_FILES("sent revised files", Effect.NEW_FILES);

    /** What the email did to the ticket, each told to the checkers by the template. */
    enum Effect {
      REQUEUED,
      NEW_ROUND,
      NEW_FILES
    }

    private final String what;
    private final Set<Effect> effects;

    ResearcherUpdate(String what, Effect... effects) {
      this.what = what;
      this.effects =
          effects.length == 0 ? EnumSet.noneOf(Effect.class) : EnumSet.copyOf(List.of(effects));
    }

    boolean did(Effect effect) {
      return effects.contains(effect);
    }
  }

  /**
   * The researcher wrote on an open ticket: the text is kept as a note and the checkers (or the
   * list) get it.
   */
  public void researcherWrote(
      Connection c, Ticket t, InboundMessage m, String key, ResearcherUpdate update, Instant now)
      throws SQLException {
    String text = ctx.newText().of(m);
    WorkflowStore.addNote(c, t.idText(), String.valueOf(m.from()), "researcher", text, now, key);
    mail.toCheckers(
        c,
        t,
        "checkers-update",
        "The researcher " + update.what,
        Map.of(
            "researcher",
            String.valueOf(m.from()),
            "text",
            // the officers' list is a mailbox like any other: identifier values stay masked, as in
            // tickets show
            TextBlock.of(text.isBlank() ? "(no text)" : new IdentifierFinder().maskedText(text)),
            "state",
            t.state().name(),
            "requeued",
            update.did(ResearcherUpdate.Effect.REQUEUED),
            "files",
            update.did(ResearcherUpdate.Effect.NEW_FILES),
            "newRound",
            update.did(ResearcherUpdate.Effect.NEW_ROUND),
            "round",
            t.round()),
        now);
  }

  /** A researcher wrote to a released or closed ticket: a polite answer to open a new request. */
  public void closedTicketMail(Connection c, Ticket t, InboundMessage m, Instant now)
      throws SQLException {
    Map<String, Object> facts = new java.util.HashMap<>();
    facts.put(
        "released",
        t.state() instanceof org.outputintake.ticket.TicketState.Closed cl && cl.released());
    researcherName(c, t, m).ifPresent(name -> facts.put("researcherName", name));
    mail.queue(
        c,
        ctx.composer()
            .ticketMail(
                "ticket-closed-reply",
                t,
                m.from(),
                List.of(),
                null,
                facts,
                List.of(),
                m.answering()),
        now);
  }

  /**
   * The name to greet the sender of {@code m} by in the answer on the ticket ({@code
   * researcherName} in the templates): their {@code From:} name, or that of their latest email on
   * the ticket; empty for "Dear researcher,".
   */
  public java.util.Optional<String> researcherName(Connection c, Ticket t, InboundMessage m)
      throws SQLException {
    return mail.researcherName(c, t, m.from(), m);
  }

  /**
   * A mail carrying checked files was not sent because a file no longer matches the hash it was
   * checked under (the outbox re-hashes at sending time): the officers must look at the data
   * directory and release again.
   */
  public void attachmentChanged(Connection c, String ticketId, String kind, String why, Instant now)
      throws SQLException {
    if (ticketId == null) return;
    java.util.Optional<Ticket> t = ctx.tickets().find(c, ticketId);
    if (t.isEmpty()) return;
    AuditLog.append(
        c, ticketId, now, "system", AuditType.Action.ATTACHMENT_CHANGED, kind + ": " + why);
    mail.toOfficers(
        c,
        t.get(),
        "officers-alert",
        "Not sent: a checked file has changed",
        Map.of(
            "what",
            "The "
                + kind
                + " mail of "
                + ticketId
                + " was NOT sent, and will not be: "
                + why
                + ". What was checked is not what would have left. Investigate the data"
                + " directory; the outbox lists the mail as a dead letter ('outbox list --failed')."),
        List.of(),
        now);
  }
}
