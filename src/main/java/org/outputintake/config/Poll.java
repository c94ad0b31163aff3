package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.time.Duration;

/**
 * @param idleRenew how often an IMAP IDLE is re-issued; RFC 2177 asks for less than 29 minutes
 * @param workers messages of one poll read, checked and scanned side by side; outcomes still commit
 *     in order
 */
public record Poll(
    Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval, int workers) {
  /** Two workers: {@code poll.workers}' default, the cores of a small host. */
  public static Poll withDefaultWorkers(
      Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval) {
    return new Poll(interval, idle, idleRenew, outboxInterval, 2);
  }

  public Poll {
    require(
        workers >= 1 && workers <= 32,
        "poll.workers must be between 1 and 32, e.g. 2 (the number of cores)");
    require(
        interval != null && !interval.isNegative() && interval.toMillis() >= 1000,
        "poll.interval must be at least 1s, e.g. 60s");
    idleRenew = idleRenew == null ? Duration.ofMinutes(20) : idleRenew;
    require(
        idleRenew.compareTo(Duration.ofMinutes(29)) < 0,
        "poll.idle-renew must be under 29m (RFC 2177)");
    outboxInterval = outboxInterval == null ? Duration.ofSeconds(5) : outboxInterval;
  }
}
