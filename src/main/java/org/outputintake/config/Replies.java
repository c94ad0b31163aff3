package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param giveUpAfter how long a reply that meets only temporary refusals is retried before it
 *     becomes a dead letter ({@code failed}); server outages do not count against a reply
 * @param maxAttempts the same limit as a number of refused attempts
 */
public record Replies(
    int maxPerSenderPerHour, Path templates, Duration giveUpAfter, int maxAttempts) {
  /** A reply retried for {@code replies.give-up-after}'s and {@code max-attempts}' defaults. */
  public static Replies withDefaultRetries(int maxPerSenderPerHour, Path templates) {
    return new Replies(maxPerSenderPerHour, templates, Duration.ofDays(2), 50);
  }

  public Replies {
    require(maxPerSenderPerHour >= 1, "replies.max-per-sender-per-hour must be at least 1");
    giveUpAfter = giveUpAfter == null ? Duration.ofDays(2) : giveUpAfter;
    require(
        !giveUpAfter.isNegative() && giveUpAfter.toMinutes() >= 1,
        "replies.give-up-after must be at least 1m, e.g. 2d");
    require(maxAttempts >= 1, "replies.max-attempts must be at least 1, e.g. 50");
  }
}
