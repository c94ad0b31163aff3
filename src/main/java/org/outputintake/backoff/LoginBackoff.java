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
 * wait and one line); a login that succeeds resets it. Shared through the database when given
 * {@link SharedWaits}: a refusal met by one instance makes every instance wait (the server's
 * lockout counts attempts, not instances). A restart still tries once at once, which is how an
 * operator applies a corrected secret; after that attempt the shared wait holds again.
 */
public final class LoginBackoff {
  private static final Logger LOG = LoggerFactory.getLogger(LoginBackoff.class);
  private static final Backoff WAIT = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30));

  private final String server;
  private final Clock clock;
  private final java.util.Optional<SharedWaits> shared;
  private final String key;
  private int refusals;
  private Instant retryAt = Instant.MIN;
  // a restart's first login is tried whatever the shared wait says (a corrected secret)
  private boolean triedSinceStart;

  /**
   * @param server how the log names the server ("IMAP", "SMTP")
   */
  public LoginBackoff(String server, Clock clock) {
    this.server = server;
    this.clock = clock;
    this.shared = java.util.Optional.empty();
    this.key = server;
  }

  /**
   * @param shared where every instance records the wait
   * @param key the server and account the wait is for (never the secret)
   */
  public LoginBackoff(String server, Clock clock, SharedWaits shared, String key) {
    this.server = server;
    this.clock = clock;
    this.shared = java.util.Optional.of(shared);
    this.key = "login " + key;
  }

  /** Whether a login may be tried now. */
  public synchronized boolean mayTry() {
    Instant now = clock.instant();
    if (now.isBefore(retryAt)) return false;
    if (shared.isPresent() && triedSinceStart) {
      // another instance's refusal counts here too
      java.util.Optional<SharedWaits.Wait> w = shared.get().current(key);
      if (w.isPresent() && now.isBefore(w.get().retryAt())) {
        refusals = w.get().failures();
        retryAt = w.get().retryAt();
        return false;
      }
    }
    triedSinceStart = true;
    return true;
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
    triedSinceStart = true;
    Duration wait;
    if (shared.isPresent()) {
      SharedWaits.Failure f = shared.get().failed(key, WAIT, now, reason);
      refusals = f.current().failures();
      retryAt = f.current().retryAt();
      wait = Duration.between(now, retryAt);
      // another instance's wait already running: the same refusal, logged once, there
      if (!f.fresh()) return wait;
    } else {
      wait = WAIT.after(refusals++);
      retryAt = now.plus(wait);
    }
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
    triedSinceStart = true;
    shared.ifPresent(s -> s.cleared(key));
    refusals = 0;
    retryAt = Instant.MIN;
  }
}
