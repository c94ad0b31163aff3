package org.outputintake.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outputintake.archive.TicketArchive;
import org.outputintake.config.IntakeConfig;
import org.outputintake.sla.ChaseRule;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chases the researcher of each ticket blocked on them ({@code workflow.chase-after} working days)
 * and withdraws it ({@code workflow.withdraw-after}). Each is a {@code schedule_run} row keyed by
 * the ticket and the moment it was blocked, written in the transaction that queues the mail, so a
 * second pass, a restart or a second instance does nothing twice, and a ticket blocked again later
 * is chased again.
 */
public final class Chasing {
  static final String CHASE = "chase:";
  static final String WITHDRAW = "withdraw:";
  private static final Logger LOG = LoggerFactory.getLogger(Chasing.class);
  private final IntakeConfig config;
  private final Database db;
  private final TicketRepository tickets;
  private final Workflow workflow;
  private final ChaseRule rule;
  private final Clock clock;

  public Chasing(
      IntakeConfig config, Database db, TicketRepository tickets, Workflow workflow, Clock clock) {
    this.config = config;
    this.db = db;
    this.tickets = tickets;
    this.workflow = workflow;
    this.rule = rule(config, workflow);
    this.clock = clock;
  }

  static ChaseRule rule(IntakeConfig config, Workflow workflow) {
    return ChaseRule.of(workflow.serviceLevel().calendar(), config.workflow());
  }

  /** What one pass did. */
  public record Done(int chased, int withdrawn) {}

  public Done tick() {
    Instant now = clock.instant();
    List<String> blocked = db.read(Chasing::blockedIds);
    int chased = 0;
    int withdrawn = 0;
    for (String id : blocked) {
      try {
        Step step = db.inTransaction(c -> step(c, id, now));
        if (step == Step.CHASED) chased++;
        if (step == Step.WITHDRAWN) {
          withdrawn++;
          // the permanent record, once the close is committed, as for an officer's #close
          TicketArchive.forConfig(config, clock).exportOnClose(db, id);
        }
      } catch (RuntimeException e) {
        LOG.warn("chasing {} failed: {}", id, e.toString());
      }
    }
    if (chased + withdrawn > 0)
      LOG.info("chased {} researcher(s), withdrew {} ticket(s)", chased, withdrawn);
    return new Done(chased, withdrawn);
  }

  private enum Step {
    NOTHING,
    CHASED,
    WITHDRAWN
  }

  private Step step(Connection c, String id, Instant now) throws SQLException {
    // locked first, as every ticket-scoped transaction: a researcher's answer at the same moment
    // waits, and then finds the ticket withdrawn (or this pass finds it answered)
    Ticket t = tickets.lock(c, id).orElseThrow();
    if (!(t.state() instanceof TicketState.Blocked b)) return Step.NOTHING;
    String key = DbTime.of(b.since());
    Optional<Instant> chasedAt = ranAt(c, CHASE + id, key);
    if (chasedAt.isEmpty()) {
      if (now.isBefore(rule.chaseAt(b.since()))) return Step.NOTHING;
      if (!ScheduleRuns.claim(c, CHASE + id, key, ScheduleRuns.SENT, now, null))
        return Step.NOTHING;
      workflow.chase().chase(c, t, rule.withdrawAt(b.since(), now), now);
      return Step.CHASED;
    }
    if (now.isBefore(rule.withdrawAt(b.since(), chasedAt.get()))) return Step.NOTHING;
    if (!ScheduleRuns.claim(c, WITHDRAW + id, key, ScheduleRuns.SENT, now, null))
      return Step.NOTHING;
    workflow.chase().withdraw(c, t, chasedAt.get(), now);
    return Step.WITHDRAWN;
  }

  private static List<String> blockedIds(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT id FROM ticket WHERE state = 'blocked' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** When the run {@code name} for the blocked moment {@code key} happened, if it did. */
  static Optional<Instant> ranAt(Connection c, String name, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT ran_at FROM schedule_run WHERE name = ? AND due_at = ?")) {
      ps.setString(1, name);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(DbTime.parse(rs.getString(1))) : Optional.empty();
      }
    }
  }
}
