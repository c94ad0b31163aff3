package org.outputintake.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.outputintake.config.Digest;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.sla.ChaseRule;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.sla.WorkingCalendar;
import org.outputintake.ticket.KindCounts;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/** Gathers what a digest reports, as facts for its templates and the series for its chart. */
final class DigestBuilder {
  static final int CHART_DAYS = 30;

  /** Rows per list in a digest; the rest are counted, and {@code tickets list} has them all. */
  static final int MAX_ROWS = 40;

  private final ServiceLevel serviceLevel;

  private final int maxRows;

  private final ChaseRule chase;
  private final WorkflowSettings.Checkers checkers;

  /** With the default chasing settings (tests of the digest alone). */
  DigestBuilder(ServiceLevel serviceLevel) {
    this(serviceLevel, MAX_ROWS, WorkflowSettings.DEFAULT);
  }

  /**
   * @param maxRows rows per list ({@code digest --print --all}: every row)
   * @param workflow when researchers are chased and tickets withdrawn
   */
  DigestBuilder(ServiceLevel serviceLevel, int maxRows, WorkflowSettings workflow) {
    this.serviceLevel = serviceLevel;
    this.maxRows = maxRows;
    this.chase = ChaseRule.of(serviceLevel.calendar(), workflow);
    this.checkers = workflow.checkers();
  }

  /** What one digest holds. */
  record Content(
      Map<String, Object> facts, boolean empty, QueueChart.Series chart, String subject) {}

  /** What {@code digest} reports at {@code now} on the period that began at {@code from}. */
  Content build(Connection c, Digest digest, Instant from, Instant now) throws SQLException {
    DigestQuery q = new DigestQuery(c, serviceLevel, checkers);
    WorkingCalendar cal = serviceLevel.calendar();
    Map<String, Object> f = new HashMap<>();
    f.put("name", digest.name());
    f.put("at", serviceLevel.moment(now));
    f.put("from", serviceLevel.moment(from));
    f.put("slaDays", serviceLevel.config().days());

    Map<String, KindCounts> byState = q.countsByState();
    // one decision for the whole digest, the desk's own: a desk that has only had outputs reads as
    // before
    boolean mixed = TicketRepository.holdsOtherKinds(c);
    f.put("byKind", mixed);
    List<Map<String, Object>> states = new ArrayList<>();
    KindCounts openNow = KindCounts.none();
    for (Map.Entry<String, KindCounts> e : byState.entrySet()) {
      KindCounts n = e.getValue();
      states.add(Map.of("state", e.getKey(), "count", n.total(), "split", n.split(mixed)));
      if (!e.getKey().equals(TicketState.Kind.CLOSED.stored())) {
        for (RequestKind k : RequestKind.values()) openNow = openNow.plus(k, n.of(k));
      }
    }
    f.put("states", states);
    f.put("openByKind", openNow.text(mixed));
    KindCounts receivedByKind = q.received(from, now);
    int received = receivedByKind.total();
    f.put("receivedSplit", receivedByKind.split(mixed));
    int released = q.closed(from, now, "released");
    int rejected = q.closed(from, now, "rejected%");
    int closedOther = q.closed(from, now, "%") - released - rejected;
    f.put("received", received);
    f.put("released", released);
    f.put("rejected", rejected);
    f.put("closedOther", closedOther);
    f.put("hasClosedOther", closedOther > 0);

    List<DigestQuery.OpenTicket> open = q.open(now);
    java.util.Set<String> needing = q.needingChecker();
    List<Map<String, Object>> queue = new ArrayList<>();
    List<Map<String, Object>> needsChecker = new ArrayList<>();
    List<Map<String, Object>> breached = new ArrayList<>();
    List<Map<String, Object>> near = new ArrayList<>();
    List<Map<String, Object>> blocked = new ArrayList<>();
    List<Map<String, Object>> withOwners = new ArrayList<>();
    Duration nearLimit = serviceLevel.config().reminderBefore();
    int position = 0;
    Map<RequestKind, int[]> slaByKind = new EnumMap<>(RequestKind.class);
    for (DigestQuery.OpenTicket t : open) {
      Map<String, Object> row = row(t, now, cal);
      row.put("kindTag", mixed ? " [" + t.kind().code() + "]" : "");
      // open, over, near: the service-level rows of each kind
      int[] sla = slaByKind.computeIfAbsent(t.kind(), k -> new int[3]);
      sla[0]++;
      if (t.state().equals(TicketState.Kind.QUEUED.stored())) {
        row.put("position", ++position);
        queue.add(row);
      } else if (needing.contains(t.id())) {
        // one checker dropped (or only one took it): out of the queue, yet not fully checked
        needsChecker.add(row);
      }
      if (t.state().equals("blocked")) {
        Instant since = t.blockedAt() == null ? t.createdAt() : t.blockedAt();
        row.put("waited", waited(cal, since, now));
        row.put("reason", t.reason() == null ? "" : t.reason());
        blocked.add(row);
      } else if (t.state().equals("with-data-owner")) {
        // the clock is stopped, so it is never late: without this list it would not show at all
        row.put("waited", waited(cal, t.stateSince(), now));
        withOwners.add(row);
      } else if (t.sla().breached()) {
        breached.add(row);
        sla[1]++;
      } else if (t.sla().running() && t.sla().left().compareTo(nearLimit) <= 0) {
        near.add(row);
        sla[2]++;
      }
    }
    List<Map<String, Object>> slaRows = new ArrayList<>();
    slaByKind.forEach(
        (k, n) -> slaRows.add(Map.of("kind", k.code(), "open", n[0], "over", n[1], "near", n[2])));
    f.put("slaByKind", mixed ? slaRows : List.of());
    // the longest over first, whatever the state: that is where a manager starts
    breached.sort(Comparator.comparing(r -> (Instant) r.get("dueAt")));
    f.put("lateHolders", lateHolders(breached));
    put(f, "queue", queue);
    put(f, "needsChecker", needsChecker);
    put(f, "breached", breached);
    put(f, "near", near);
    put(f, "blocked", blocked);
    put(f, "withOwners", withOwners);
    ChaseDigest.Lists chasing = new ChaseDigest(c, serviceLevel, chase).lists(from, now);
    put(f, "chased", chasing.chased());
    put(f, "toWithdraw", chasing.toWithdraw());
    put(f, "withdrawn", chasing.withdrawn());
    f.put("chaseAfter", chase.chaseAfterDays());
    f.put("withdrawAfter", chase.withdrawAfterDays());
    f.put("queueSize", queue.size());
    f.put("nearWithin", within(nearLimit));
    Optional<String> warning = calendarWarning(cal, now);
    f.put("hasCalendarWarning", warning.isPresent());
    f.put("calendarWarning", warning.orElse(""));

    List<Double> turnaround = q.turnaroundDays(from, now);
    f.put("turnaroundCount", turnaround.size());
    f.put("hasTurnaround", !turnaround.isEmpty());
    f.put("turnaroundMedian", percentile(turnaround, 50));
    f.put("turnaroundP90", percentile(turnaround, 90));

    List<Map<String, Object>> officers = new ArrayList<>();
    q.openChecks().forEach((o, n) -> officers.add(Map.of("officer", o, "count", n)));
    put(f, "officers", officers);
    int dead = q.deadLetters();
    f.put("deadLetters", dead);
    f.put("hasDeadLetters", dead > 0);
    int bounced = q.bounced(from, now);
    f.put("bounced", bounced);
    f.put("hasBounced", bounced > 0);
    List<String> bouncedTo = bounced > 0 ? q.bouncedTo(from, now, 10) : List.of();
    f.put("bouncedTo", String.join(", ", bouncedTo));

    QueueChart.Series chart = series(q, cal, serviceLevel.config().zone(), now);
    f.put("chartDays", CHART_DAYS);
    boolean empty =
        received == 0
            && released + rejected + closedOther == 0
            && open.isEmpty()
            && dead == 0
            && bounced == 0;
    String subject =
        "Output checking digest ("
            + digest.name()
            + "), "
            + serviceLevel.day(now)
            + ": "
            + queue.size()
            + " in the queue, "
            + breached.size()
            + " over the service level";
    return new Content(f, empty, chart, subject);
  }

  private Map<String, Object> row(DigestQuery.OpenTicket t, Instant now, WorkingCalendar cal) {
    Map<String, Object> row = new HashMap<>();
    row.put("ticketId", t.id());
    row.put("state", t.state());
    row.put("project", t.project());
    row.put("researcher", t.researcher());
    row.put("age", String.format(Locale.UK, "%.1f", cal.days(cal.between(t.createdAt(), now))));
    row.put("checkers", t.checkers().isEmpty() ? "-" : String.join(", ", t.checkers()));
    row.put("due", t.sla().due() == null ? "clock stopped" : serviceLevel.moment(t.sla().due()));
    row.put("used", String.format(Locale.UK, "%.1f", cal.days(t.sla().used())));
    row.put("left", String.format(Locale.UK, "%.1f", cal.days(t.sla().left())));
    row.put("over", String.format(Locale.UK, "%.1f", cal.days(t.sla().left().negated())));
    row.put("dueAt", t.sla().due() == null ? Instant.MAX : t.sla().due());
    row.put("holders", t.checkers());
    return row;
  }

  private static String waited(WorkingCalendar cal, Instant since, Instant now) {
    return String.format(Locale.UK, "%.1f", cal.days(cal.between(since, now)));
  }

  /** Who holds the tickets over the service level: each checker, and nobody for the queue's. */
  private static List<Map<String, Object>> lateHolders(List<Map<String, Object>> breached) {
    Map<String, Integer> by = new TreeMap<>();
    int nobody = 0;
    for (Map<String, Object> r : breached) {
      @SuppressWarnings("unchecked")
      List<String> holders = (List<String>) r.get("holders");
      if (holders.isEmpty()) nobody++;
      for (String h : holders) by.merge(h, 1, Integer::sum);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (nobody > 0) out.add(Map.of("holder", "nobody (not taken yet)", "count", nobody));
    by.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> out.add(Map.of("holder", e.getKey(), "count", e.getValue())));
    return out;
  }

  /**
   * {@code sla.reminder-before} in words: "a working day", "2 working days", "4h 00m of working
   * time".
   */
  private String within(Duration d) {
    Duration day = serviceLevel.config().workingDay();
    if (d.toSeconds() % day.toSeconds() == 0) {
      long n = d.toSeconds() / day.toSeconds();
      return n == 1 ? "a working day" : n + " working days";
    }
    return String.format(
        Locale.UK, "%dh %02dm of working time", d.toMinutes() / 60, d.toMinutes() % 60);
  }

  /**
   * The holidays file runs out (it lists years ahead, and someone has to add the next ones): due
   * times would silently count bank holidays as working days, so the digest says so.
   */
  private Optional<String> calendarWarning(WorkingCalendar cal, Instant now) {
    LocalDate today = now.atZone(serviceLevel.config().zone()).toLocalDate();
    List<Integer> missing = new ArrayList<>();
    for (int y = today.getYear(); y <= today.plusDays(60).getYear(); y++)
      if (!cal.hasHolidaysIn(y)) missing.add(y);
    if (missing.isEmpty()) return Optional.empty();
    return Optional.of(
        serviceLevel.config().bankHolidays()
            + " lists no bank holidays for "
            + missing.stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" or "))
            + " under "
            + serviceLevel.config().region()
            + ", so due times count them as working days: add that year's dates to the file.");
  }

  /** Open requests at the end of each of the last working days, and arrivals on each. */
  private static QueueChart.Series series(
      DigestQuery q, WorkingCalendar cal, ZoneId zone, Instant now) throws SQLException {
    LocalDate today = now.atZone(zone).toLocalDate();
    List<LocalDate> days = cal.lastWorkingDays(today, CHART_DAYS);
    Instant windowStart = days.get(0).atStartOfDay(zone).toInstant();
    List<Instant> created = q.createdSince(windowStart);
    List<Instant> closed = q.closedSince(windowStart);
    int openNow = q.openNow();
    List<Integer> arrivals = new ArrayList<>();
    List<Integer> openAtEnd = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      LocalDate d = days.get(i);
      // a request of the weekend or a bank holiday counts on the next working day, not nowhere
      Instant start = (i == 0 ? d : days.get(i - 1).plusDays(1)).atStartOfDay(zone).toInstant();
      Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
      Instant cut = end.isAfter(now) ? now : end;
      arrivals.add(
          (int) created.stream().filter(x -> !x.isBefore(start) && x.isBefore(end)).count());
      // open at the cut = open now - arrived after it + closed after it
      long after = created.stream().filter(x -> x.isAfter(cut)).count();
      long closedAfter = closed.stream().filter(x -> x.isAfter(cut)).count();
      openAtEnd.add((int) (openNow - after + closedAfter));
    }
    return new QueueChart.Series(days, openAtEnd, arrivals);
  }

  /**
   * A list for the templates, cut at {@code maxRows} so a digest of a long queue stays readable;
   * {@code keyMore} says how many were left out.
   */
  private void put(Map<String, Object> f, String key, List<Map<String, Object>> rows) {
    f.put(key, rows.size() > maxRows ? rows.subList(0, maxRows) : rows);
    f.put("has" + Character.toUpperCase(key.charAt(0)) + key.substring(1), !rows.isEmpty());
    f.put(key + "Count", rows.size());
    int more = Math.max(0, rows.size() - maxRows);
    f.put(key + "More", more);
    f.put(key + "HasMore", more > 0);
  }

  /** Nearest-rank percentile, one decimal. */
  static String percentile(List<Double> values, int p) {
    if (values.isEmpty()) return "-";
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return String.format(Locale.UK, "%.1f", sorted.get(Math.max(0, rank - 1)));
  }
}
