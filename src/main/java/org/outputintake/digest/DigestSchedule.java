package org.outputintake.digest;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.outputintake.config.ConfigException;
import org.outputintake.config.Digest;
import org.quartz.CronExpression;

/**
 * A digest's cron read in the service's time zone: when it falls due, and which stretch of time a
 * digest reports on. Checked at start-up, so a schedule that would never send anything, or would
 * flood the managers, stops the bot with a message instead of failing quietly or inside Quartz.
 */
final class DigestSchedule {
  /** A digest more often than this is a mistake in the cron (seconds or minutes left as '*'). */
  static final Duration MIN_GAP = Duration.ofHours(1);

  /** How far back the previous run is looked for (a yearly digest still finds it). */
  private static final Duration LOOK_BACK = Duration.ofDays(800);

  private final Digest digest;
  private final CronExpression cron;

  DigestSchedule(Digest digest, ZoneId zone) {
    this.digest = digest;
    try {
      this.cron = new CronExpression(digest.cron());
    } catch (ParseException e) {
      throw new ConfigException(
          "digests." + digest.name() + ".cron was validated at start: " + e.getMessage(), e);
    }
    cron.setTimeZone(TimeZone.getTimeZone(zone));
  }

  /**
   * Refuses a schedule that never fires from {@code now} on, or fires more often than {@link
   * #MIN_GAP}.
   *
   * @throws ConfigException naming the key and saying what to write
   */
  void check(Instant now) {
    String key = "digests." + digest.name() + ".cron is '" + digest.cron() + "'";
    Instant first = next(now);
    if (first == null)
      throw new ConfigException(
          key
              + ", which never fires from now on (a day that does not exist, or a year that has"
              + " passed): write e.g. \"0 0 8 ? * MON-FRI\" (08:00 Monday to Friday)");
    Instant previous = first;
    for (int i = 0; i < 24; i++) {
      Instant n = next(previous);
      if (n == null) break;
      Duration gap = Duration.between(previous, n);
      if (gap.compareTo(MIN_GAP) < 0)
        throw new ConfigException(
            key
                + ", which fires every "
                + words(gap)
                + "; a digest goes out at most once an hour (the fields are seconds, minutes,"
                + " hours, day of month, month, day of week): write e.g. \"0 0 8 ? * MON-FRI\""
                + " (08:00 Monday to Friday)");
      previous = n;
    }
  }

  /** The first time the cron fires after {@code t}, or null. */
  Instant next(Instant t) {
    Date d = cron.getNextValidTimeAfter(Date.from(t));
    return d == null ? null : d.toInstant();
  }

  /** The latest time the cron fired after {@code after} and not after {@code now}, or null. */
  Instant latestDue(Instant after, Instant now) {
    Instant found = null;
    Instant n = next(after);
    while (n != null && !n.isAfter(now)) {
      found = n;
      n = next(n);
    }
    return found;
  }

  /**
   * Where the digest standing for {@code due} starts counting: {@code period} back, or back to the
   * digest scheduled before it when that is earlier, so that Monday's daily digest of a Monday to
   * Friday schedule reports Friday and the weekend as well, and no clock change leaves an hour
   * between two digests.
   */
  Instant periodStart(Instant due) {
    Instant floor = due.minus(digest.period());
    Instant n = next(floor.minusSeconds(1));
    if (n != null && n.isBefore(due)) return floor; // the one before is within the period
    for (Duration w = digest.period(); ; w = w.multipliedBy(2)) {
      Instant from = floor.minus(w);
      Instant last = latestBefore(from, floor);
      if (last != null) return last;
      if (w.compareTo(LOOK_BACK) > 0) return floor;
    }
  }

  /** The latest firing from {@code from} (to the second) and before {@code before}, or null. */
  private Instant latestBefore(Instant from, Instant before) {
    return latestDue(from.minusSeconds(1), before.minusNanos(1));
  }

  private static String words(Duration d) {
    if (d.toMinutes() == 0) return d.toSeconds() == 1 ? "second" : d.toSeconds() + " seconds";
    return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
  }
}
