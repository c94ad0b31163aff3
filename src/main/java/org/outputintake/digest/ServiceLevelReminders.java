package org.outputintake.digest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.sla.ServiceClock;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each ticket's two service-level reminders once: {@code sla.reminder-before} ahead of breach
 * to its checkers (or the officers' list), and at breach to the managers. Each is recorded in
 * {@code schedule_run} in the transaction that queues it, so a restart, a second instance or a
 * daemon that was down never sends one twice and sends a missed one when it returns. A ticket found
 * already over gets only the breach alert.
 */
public final class ServiceLevelReminders {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLevelReminders.class);
  private final Database db;
  private final TicketRepository tickets;
  private final Workflow workflow;
  private final Clock clock;

  public ServiceLevelReminders(
      Database db, TicketRepository tickets, Workflow workflow, Clock clock) {
    this.db = db;
    this.tickets = tickets;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * @return how many reminders were queued
   */
  public int tick() {
    Instant now = clock.instant();
    List<String> candidates =
        db.read(
            c -> {
              List<String> out = new ArrayList<>();
              // the clock runs only in these states; tickets already alerted at breach are done
              try (PreparedStatement ps =
                      c.prepareStatement(
                          """
          SELECT id FROM ticket t WHERE state IN ('queued', 'checking', 'checked', 'approved')
            AND NOT EXISTS (SELECT 1 FROM schedule_run r WHERE r.name = 'sla-breached:' || t.id)""");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
              }
              return out;
            });
    int sent = 0;
    for (String id : candidates) {
      try {
        sent += remind(id, now);
      } catch (RuntimeException e) {
        LOG.warn("service-level reminder for {} failed: {}", id, e.toString());
      }
    }
    return sent;
  }

  private int remind(String id, Instant now) {
    return db.inTransaction(
        c -> {
          Ticket t = tickets.lock(c, id).orElseThrow();
          if (!t.state().isOpen()) return 0;
          ServiceClock.Status s = workflow.serviceLevel().status(c, t, now);
          if (!s.running()) return 0;
          String key = DbTime.of(s.due());
          if (s.breached()) {
            if (ScheduleRuns.exists(c, "sla-breached:" + id)) return 0;
            ScheduleRuns.claim(c, "sla-near:" + id, key, ScheduleRuns.SKIPPED, now, null);
            if (!ScheduleRuns.claim(c, "sla-breached:" + id, key, ScheduleRuns.SENT, now, null))
              return 0;
            workflow.serviceLevelReminder(c, t, s, true, now);
            return 1;
          }
          if (s.left().compareTo(workflow.serviceLevel().config().reminderBefore()) > 0) return 0;
          if (ScheduleRuns.exists(c, "sla-near:" + id)) return 0;
          // the ticket's row lock makes the check above hold until commit; the claim's own answer
          // is the last word all the same
          if (!ScheduleRuns.claim(c, "sla-near:" + id, key, ScheduleRuns.SENT, now, null)) return 0;
          workflow.serviceLevelReminder(c, t, s, false, now);
          return 1;
        });
  }
}
