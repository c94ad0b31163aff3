package org.outputintake.backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces logins after the mail server refused one. A wrong password tried at every poll can trip the
 * server's account lockout, so a refusal waits 1 minute, then 2, 4 ... up to 30 minutes, with one
 * log line per wait saying what to check (the poll and the IDLE watcher, refused together, make one
 * wait and one line); a login that succeeds resets it. Held in memory: a restart tries at once,
 * which is how an operator applies a corrected secret.
 */
public final class LoginBackoff {
  private static final Logger LOG = LoggerFactory.getLogger(LoginBackoff.class);
  private static final Backoff WAIT = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30));

  private final String server;
  private final Clock clock;
  private int refusals;
  private Instant retryAt = Instant.MIN;

  /**
   * @param server how the log names the server ("IMAP", "SMTP")
   */
  public LoginBackoff(String server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Whether a login may be tried now. */
  public synchronized boolean mayTry() {
    return !clock.instant().isBefore(retryAt);
  }

  /** How long until a login may be tried (zero when it may be now). */
  public synchronized Duration remaining() {
    Instant now = clock.instant();
    return now.isBefore(retryAt) ? Duration.between(now, retryAt) : Duration.ZERO;
  }

  /** When the next login may be tried ({@link Instant#MIN} when it may be now). */
  public synchronized Instant retryAt() {
    return retryAt;
  }

  /**
   * A login was refused: waits longer than last time, and logs it once.
   *
   * @param reason the refusal, naming the keys to check (never the password)
   */
  public synchronized Duration refused(String reason) {
    Instant now = clock.instant();
    // the poll and the IDLE watcher share this: a second refusal inside the wait came from a login
    // that started before the first refusal was known, so it is the same refusal, not a new one
    if (now.isBefore(retryAt)) return Duration.between(now, retryAt);
    Duration wait = WAIT.after(refusals++);
    retryAt = now.plus(wait);
    LOG.warn(
        "{} server: {}; no login is tried for {} min (until {}), so the server does not lock the account."
            + " A restart tries at once.",
        server,
        reason,
        wait.toMinutes(),
        retryAt);
    return wait;
  }

  /** A login succeeded: the next refusal starts again at one minute. */
  public synchronized void succeeded() {
    refusals = 0;
    retryAt = Instant.MIN;
  }
}
