package org.outputintake.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outputintake.config.BankHolidays;
import org.outputintake.config.Sla;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;

/**
 * The five-working-day service level as the rest of the bot asks about it: a ticket's clock read
 * from the database, and the words that state it to researchers ({@link #researcherFacts}) and
 * staff ({@link #staffFacts}).
 */
public final class ServiceLevel {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);
  private final Sla config;
  private final ServiceClock clock;

  public ServiceLevel(Sla config) {
    this.config = config;
    WorkingCalendar calendar =
        new WorkingCalendar(
            config.zone(),
            config.dayStart(),
            config.dayEnd(),
            BankHolidays.load(config.bankHolidays(), config.region()));
    this.clock = new ServiceClock(calendar, config.target());
  }

  public Sla config() {
    return config;
  }

  public ServiceClock clock() {
    return clock;
  }

  public WorkingCalendar calendar() {
    return clock.calendar();
  }

  public ServiceClock.Status status(Connection c, Ticket t, Instant now) throws SQLException {
    return clock.status(t.createdAt(), changes(c, t.idText()), now);
  }

  /** The ticket's state changes from the audit trail, in order. */
  public static List<ServiceClock.Change> changes(Connection c, String ticketId)
      throws SQLException {
    return AuditLog.statesEntered(c, ticketId).stream()
        .map(e -> new ServiceClock.Change(e.at(), e.state()))
        .toList();
  }

  /**
   * What a reply to the researcher says about waiting: the queue position and the working day by
   * which they should hear back, recomputed now. No date is promised while the clock is stopped
   * (blocked, with a data owner).
   */
  public Map<String, Object> researcherFacts(Connection c, Ticket t, int position, Instant now)
      throws SQLException {
    ServiceClock.Status s = status(c, t, now);
    Map<String, Object> f = new HashMap<>();
    f.put("queuePosition", position);
    f.put("inQueue", position > 0);
    f.put("slaDays", config.days());
    boolean promised = s.running() && s.due() != null;
    f.put("slaPromised", promised);
    f.put("slaOnHold", !s.running() && t.state().isOpen());
    // once breached, the honest promise is the next working day
    Instant by =
        !promised
            ? null
            : s.breached() ? clock.calendar().plus(now, clock.calendar().workingDay()) : s.due();
    f.put("hearBackBy", by == null ? "" : day(by));
    return f;
  }

  /** Due time, working time used and left, for officers and managers. */
  public Map<String, Object> staffFacts(ServiceClock.Status s) {
    Map<String, Object> f = new HashMap<>();
    f.put("slaDue", s.due() == null ? "not running (" + s.state().stored() + ")" : moment(s.due()));
    f.put("slaUsed", workingDays(s.used()));
    f.put(
        "slaLeft",
        s.breached() ? "none: over by " + workingDays(s.left().negated()) : workingDays(s.left()));
    f.put("slaBreached", s.breached());
    f.put("slaRunning", s.running());
    f.put("slaLine", line(s));
    return f;
  }

  /**
   * One line for listings: {@code due Tue 23 Jan 2024 10:00; used 1.2 of 5 working days; 3.8 left}.
   */
  public String line(ServiceClock.Status s) {
    String due =
        s.due() == null
            ? "clock stopped (" + s.state().stored() + ")"
            : (s.breached() ? "BREACHED " : "due ") + moment(s.due());
    String left =
        s.breached()
            ? "over by " + workingDays(s.left().negated())
            : workingDays(s.left()) + " left";
    return due + "; used " + workingDays(s.used()) + " of " + config.days() + "; " + left;
  }

  public String day(Instant at) {
    return DAY.format(at.atZone(config.zone()));
  }

  public String moment(Instant at) {
    return MOMENT.format(at.atZone(config.zone()));
  }

  /** Working time as working days with one decimal, e.g. {@code 1.5 working days (12h 00m)}. */
  public String workingDays(Duration d) {
    long minutes = d.toMinutes();
    return String.format(
        Locale.UK,
        "%.1f working days (%dh %02dm)",
        clock.calendar().days(d),
        minutes / 60,
        minutes % 60);
  }
}
