package org.outputintake.config;

import java.time.Duration;

/**
 * Several instances on one database ({@code ha:}). Each mailbox is read by the instance holding its
 * lease; {@code takeover} bounds how long a mailbox goes unread after its holder dies.
 *
 * <p>The holder renews every third of it and a lease runs for two thirds: one renewal may be late
 * (a pause, a slow database) without the lease lapsing, and a standby that looks every third finds
 * a dead holder's lease expired at most {@code takeover} after the holder's last renewal.
 *
 * @param takeover at most how long a mailbox waits for another instance after its holder dies
 */
public record HaSettings(Duration takeover) {
  private static final Duration SHORTEST = Duration.ofSeconds(3);
  private static final Duration LONGEST = Duration.ofMinutes(30);
  public static final Duration DEFAULT_TAKEOVER = Duration.ofSeconds(30);
  // after the bounds: the constructor checks against them
  public static final HaSettings DEFAULT = new HaSettings(DEFAULT_TAKEOVER);

  public HaSettings {
    takeover = takeover == null ? DEFAULT_TAKEOVER : takeover;
    // shorter, and a database round trip or a garbage collection costs a lease; longer, and the
    // desk's mailbox goes unread for longer than anyone would wait for it
    if (takeover.compareTo(SHORTEST) < 0 || takeover.compareTo(LONGEST) > 0)
      throw new ConfigException(
          "ha.takeover is "
              + takeover.toSeconds()
              + "s: write a duration from 3s to 30m, e.g. 30s (the default)");
  }

  /** How often an instance heartbeats, renews its leases and looks for mailboxes to take. */
  public Duration renewal() {
    return takeover.dividedBy(3);
  }

  /** How long a renewal keeps a lease. */
  public Duration leaseLength() {
    return takeover.minus(renewal());
  }
}
