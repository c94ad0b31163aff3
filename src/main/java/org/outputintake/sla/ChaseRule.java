package org.outputintake.sla;

import java.time.Instant;
import java.util.Objects;
import org.outputintake.config.WorkflowSettings;

/**
 * When a ticket waiting for its researcher (blocked by {@code #revise} or {@code #ask}) is chased
 * and when it is withdrawn, in working time of the service-level calendar. The one home of this
 * rule: the scheduled job acts on it and the managers' digest announces it.
 */
public record ChaseRule(WorkingCalendar calendar, int chaseAfterDays, int withdrawAfterDays) {
  public ChaseRule {
    Objects.requireNonNull(calendar, "calendar");
  }

  public static ChaseRule of(WorkingCalendar calendar, WorkflowSettings settings) {
    return new ChaseRule(calendar, settings.chaseAfterDays(), settings.withdrawAfterDays());
  }

  /** When the researcher is reminded of a ticket blocked since {@code blockedSince}. */
  public Instant chaseAt(Instant blockedSince) {
    return calendar.plus(blockedSince, calendar.workingDay().multipliedBy(chaseAfterDays));
  }

  /**
   * When the ticket is withdrawn: {@code withdraw-after} working days from being blocked, and never
   * less than the gap between the two settings after the reminder actually went (a bot that was
   * down past both dates still gives the researcher that long to answer the reminder).
   *
   * @param chasedAt when the reminder was sent; null while it has not been
   */
  public Instant withdrawAt(Instant blockedSince, Instant chasedAt) {
    Instant byRule =
        calendar.plus(blockedSince, calendar.workingDay().multipliedBy(withdrawAfterDays));
    if (chasedAt == null) return null;
    Instant afterReminder =
        calendar.plus(
            chasedAt, calendar.workingDay().multipliedBy(withdrawAfterDays - chaseAfterDays));
    return afterReminder.isAfter(byRule) ? afterReminder : byRule;
  }
}
