package org.outputintake.backoff;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait that doubles with each failure in a row, up to a ceiling: what the outbox, the login
 * pacing and the IDLE reconnection each wait before trying again.
 *
 * @param first the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration first, Duration max) {
  public Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0)
      throw new IllegalArgumentException("a back-off needs 0 < first <= max");
  }

  /**
   * The wait after {@code failures} earlier failures in a row: 0 gives {@code first}, then double
   * each time, never more than {@code max}.
   */
  public Duration after(int failures) {
    // the shift is capped so that a long run of failures cannot overflow
    Duration d = first.multipliedBy(1L << Math.min(Math.max(failures, 0), 20));
    return d.compareTo(max) > 0 ? max : d;
  }
}
