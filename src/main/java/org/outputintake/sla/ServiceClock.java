package org.outputintake.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.outputintake.ticket.TicketState;

/**
 * The service-level clock of one ticket, replayed from its receipt and the states it entered (from
 * the audit trail): it runs from receipt to release or close and stops in every state whose {@link
 * TicketState.Kind#serviceClockRuns()} says so (blocked, with a data owner, closed).
 */
public final class ServiceClock {
  /** A state entered at a moment. */
  public record Change(Instant at, TicketState.Kind state) {}

  /**
   * Where a ticket stands against the service level at {@code at}.
   *
   * @param used working time the clock has run
   * @param left working time left; negative once breached
   * @param due when the clock reaches the target: in the future while running, the breach moment
   *     once breached; null when the clock is stopped before the target (blocked, with a data
   *     owner, closed)
   * @param running whether the clock runs now
   */
  public record Status(
      TicketState.Kind state, Duration used, Duration left, Instant due, boolean running) {
    public boolean breached() {
      return left.isNegative() || left.isZero();
    }
  }

  private final WorkingCalendar calendar;
  private final Duration target;

  public ServiceClock(WorkingCalendar calendar, Duration target) {
    this.calendar = calendar;
    this.target = target;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public Duration target() {
    return target;
  }

  /**
   * @param changes the ticket's state changes in the order they happened
   */
  public Status status(Instant receivedAt, List<Change> changes, Instant now) {
    TicketState.Kind state = TicketState.Kind.QUEUED;
    Instant since = receivedAt;
    Duration used = Duration.ZERO;
    Instant breachAt = null;
    for (Change ch : changes) {
      Instant at = ch.at().isBefore(since) ? since : ch.at();
      if (at.isAfter(now)) break;
      if (state.serviceClockRuns()) {
        Duration run = calendar.between(since, at);
        if (breachAt == null && used.plus(run).compareTo(target) >= 0)
          breachAt = calendar.plus(since, target.minus(used));
        used = used.plus(run);
      }
      state = ch.state();
      since = at;
    }
    boolean running = state.serviceClockRuns();
    if (running) {
      Duration run = calendar.between(since, now);
      if (breachAt == null && used.plus(run).compareTo(target) >= 0)
        breachAt = calendar.plus(since, target.minus(used));
      used = used.plus(run);
    }
    Duration left = target.minus(used);
    Instant due = breachAt != null ? breachAt : running ? calendar.plus(now, left) : null;
    return new Status(state, used, left, due, running);
  }
}
