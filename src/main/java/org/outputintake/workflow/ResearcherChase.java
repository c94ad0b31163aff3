package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * What a ticket waiting for its researcher does when nobody writes: a reminder in the researcher's
 * thread after {@code workflow.chase-after} working days, and after {@code workflow.withdraw-after}
 * the ticket closes as withdrawn, the researcher and the checkers told. When each falls due is
 * {@link org.outputintake.sla.ChaseRule}'s to say; this only acts, in the caller's transaction.
 */
public final class ResearcherChase {
  /** The reason a withdrawn ticket's closed state carries, and the digest looks for. */
  public static final String WITHDRAWN = "withdrawn";

  private static final String SYSTEM = "system";
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final ServiceLevel serviceLevel;

  ResearcherChase(WorkflowContext ctx, StaffMail mail, ServiceLevel serviceLevel) {
    this.ctx = ctx;
    this.mail = mail;
    this.serviceLevel = serviceLevel;
  }

  private WorkflowSettings settings() {
    return ctx.config().workflow();
  }

  /** The reminder; {@code withdrawBy} is when the ticket will be withdrawn without an answer. */
  public void chase(Connection c, Ticket t, Instant withdrawBy, Instant now) throws SQLException {
    TicketState.Blocked b = (TicketState.Blocked) t.state();
    Map<String, Object> facts = new HashMap<>();
    facts.put("blockedSince", serviceLevel.day(b.since()));
    facts.put("waitedDays", settings().chaseAfterDays());
    facts.put("reason", waitingFor(b.cause()));
    facts.put("withdrawBy", serviceLevel.day(withdrawBy));
    mail.toResearcher(c, t, "researcher-chase", facts, List.of(), List.of(), now);
    AuditLog.append(
        c,
        t.idText(),
        now,
        SYSTEM,
        AuditType.Action.CHASED,
        "no answer from the researcher in "
            + settings().chaseAfterDays()
            + " working days; to be withdrawn on "
            + serviceLevel.day(withdrawBy));
  }

  /** Closes the ticket as withdrawn; {@code chasedAt} is when the researcher was reminded. */
  public void withdraw(Connection c, Ticket t, Instant chasedAt, Instant now) throws SQLException {
    TicketState.Blocked b = (TicketState.Blocked) t.state();
    List<String> checkers = WorkflowStore.checkers(c, t.idText());
    Map<String, Object> facts = new HashMap<>();
    facts.put("blockedSince", serviceLevel.day(b.since()));
    facts.put("chasedOn", serviceLevel.day(chasedAt));
    facts.put("withdrawAfter", settings().withdrawAfterDays());
    facts.put("researcher", t.researcher());
    facts.put("checkers", checkers.isEmpty() ? "nobody held it" : String.join(", ", checkers));
    mail.toResearcher(c, t, "researcher-withdrawn", facts, List.of(), List.of(), now);
    mail.toCheckers(
        c, t, "ticket-withdrawn", "Withdrawn: no answer from the researcher", facts, now);
    String detail =
        WITHDRAWN
            + ": no answer from the researcher in "
            + settings().withdrawAfterDays()
            + " working days";
    Transitions.move(c, ctx, t, b.close(WITHDRAWN, now), SYSTEM, now, detail);
  }

  /**
   * What the researcher was asked, in their words: a finding code alone ("FORM_MISSING") means
   * nothing to them, and the email that listed the problems explains each.
   */
  static String waitingFor(TicketState.Blocked.Cause cause) {
    if (cause == TicketState.Blocked.OfficerRequest.REVISIONS)
      return "we asked you to revise your files";
    if (cause == TicketState.Blocked.OfficerRequest.QUESTION)
      return "we asked you a question about your request";
    return cause.text().isBlank()
        ? "see our last email"
        : "the problems listed in our last email: " + cause.text();
  }
}
