package org.outputintake.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.outputintake.config.IntakeConfig;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.Templates;
import org.outputintake.sla.WorkingCalendar;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.DeskViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One email a working day to each officer who holds open tickets ({@code workflow.daily-summary}, a
 * local time in {@code sla.zone}): the {@code #mine} view and the queue, instead of a stream of
 * confirmations. Each officer's day is a {@code schedule_run} row claimed in the transaction that
 * queues the mail, so a second pass, a restart or another instance sends it once.
 */
public final class DailySummaries {
  static final String NAME = "daily-summary:";
  private static final Logger LOG = LoggerFactory.getLogger(DailySummaries.class);
  private final IntakeConfig config;
  private final Database db;
  private final TicketRepository tickets;
  private final Templates templates;
  private final WorkingCalendar calendar;
  private final Clock clock;

  public DailySummaries(
      IntakeConfig config,
      Database db,
      TicketRepository tickets,
      Templates templates,
      WorkingCalendar calendar,
      Clock clock) {
    this.config = config;
    this.db = db;
    this.tickets = tickets;
    this.templates = templates;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Sends today's summaries when their time has come; how many were queued. */
  public int tick() {
    Optional<LocalTime> at = config.workflow().dailySummaryAt();
    if (at.isEmpty()) return 0;
    Instant now = clock.instant();
    ZonedDateTime local = now.atZone(calendar.zone());
    LocalDate today = local.toLocalDate();
    if (!calendar.isWorkingDay(today) || local.toLocalTime().isBefore(at.get())) return 0;
    String due = DbTime.of(today.atTime(at.get()).atZone(calendar.zone()).toInstant());
    int sent = 0;
    for (String officer : config.staff().officers()) {
      try {
        if (db.inTransaction(c -> summarise(c, officer, due, today, now))) sent++;
      } catch (RuntimeException e) {
        LOG.warn("daily summary for an officer failed: {}", e.toString());
      }
    }
    if (sent > 0) LOG.info("queued {} officers' daily summaries", sent);
    return sent;
  }

  private boolean summarise(Connection c, String officer, String due, LocalDate today, Instant now)
      throws SQLException {
    int held = new DeskViews(c, tickets, config.workflow().checkers()).heldCount(officer);
    // an officer holding nothing gets no mail: the day is still claimed, so it is decided once
    String status = held == 0 ? ScheduleRuns.SKIPPED : ScheduleRuns.SENT;
    OutgoingMail mail = held == 0 ? null : mail(c, officer, held, today, now);
    if (!ScheduleRuns.claim(
        c, NAME + officer, due, status, now, mail == null ? null : mail.messageId())) return false;
    if (mail == null) return false;
    Outbox.enqueue(c, mail, now);
    return true;
  }

  private OutgoingMail mail(Connection c, String officer, int count, LocalDate today, Instant now)
      throws SQLException {
    DeskViews views = new DeskViews(c, tickets, config.workflow().checkers());
    Map<String, Object> facts = new HashMap<>();
    facts.put("date", today.toString());
    facts.put("count", count);
    facts.put("split", views.heldByKind(officer).split(views.namesKinds()));
    facts.put("mine", TextBlock.of(String.join("\n", views.heldBy(officer))));
    facts.put("queue", TextBlock.of(String.join("\n", views.queue(now))));
    // desk-wide: from the first mailbox, as the outbox sends a mail that names none
    String own = org.outputintake.config.DeskAddresses.of(config).first();
    facts.put("supportAddress", own);
    String id = "<summary." + UUID.randomUUID() + "@" + own.substring(own.indexOf('@') + 1) + ">";
    return new OutgoingMail(
        id,
        null,
        "daily-summary",
        officer,
        List.of(),
        "Your tickets on " + today + ": " + count + " open",
        templates.render("officer-daily-summary", facts),
        null,
        List.of(),
        List.of());
  }
}
