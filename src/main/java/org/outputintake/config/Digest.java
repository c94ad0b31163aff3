package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.addresses;
import static org.outputintake.config.ConfigChecks.cronProblem;
import static org.outputintake.config.ConfigChecks.require;

import java.time.Duration;

/**
 * A scheduled queue digest for managers.
 *
 * @param cron a Quartz cron expression, read in {@code sla.zone} (e.g. {@code 0 0 8 ? * MON-FRI})
 * @param period what "received, released, rejected" counts back over, e.g. 1d or 7d
 * @param to who receives it; empty means {@code staff.managers}
 * @param whenEmpty what a digest does when no ticket arrived, moved or waits ({@code
 *     skip-if-empty})
 */
public record Digest(
    String name, String cron, Duration period, java.util.List<String> to, WhenEmpty whenEmpty) {

  /** A digest with nothing to report: {@code skip-if-empty: true} is {@code SKIP}. */
  public enum WhenEmpty {
    /** Sent all the same, saying that nothing happened (the default). */
    SEND,
    /** Not sent. */
    SKIP
  }

  public Digest {
    require(
        name != null && name.matches("[a-z0-9][a-z0-9-]*"),
        "digests: a digest needs a name of lower-case letters, digits and '-', e.g. daily (got '"
            + name
            + "')");
    require(cron != null, "digests." + name + ".cron is missing: write e.g. \"0 0 8 ? * MON-FRI\"");
    String why = cronProblem(cron);
    require(
        why == null,
        "digests."
            + name
            + ".cron is '"
            + cron
            + "', not a Quartz cron expression ("
            + why
            + "): write six fields, seconds minutes hours day-of-month month day-of-week, with"
            + " '?' in day-of-month or day-of-week, e.g. \"0 0 8 ? * MON-FRI\" (08:00 Monday"
            + " to Friday)");
    period = period == null ? Duration.ofDays(1) : period;
    require(
        !period.isNegative() && period.toMinutes() >= 1,
        "digests." + name + ".period must be at least 1m, e.g. 1d");
    to = addresses("digests." + name + ".to", to);
    whenEmpty = whenEmpty == null ? WhenEmpty.SEND : whenEmpty;
  }

  /** Its recipients: its own list, else the managers. */
  public java.util.List<String> recipients(Staff staff) {
    return to.isEmpty() ? staff.managers() : to;
  }
}
