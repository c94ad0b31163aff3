package org.outputintake.reply;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outputintake.backoff.Backoff;
import org.outputintake.backoff.LoginBackoff;
import org.outputintake.backoff.SharedWaits;
import org.outputintake.store.Sha256;

/**
 * When the whole outbox waits for the mail server: after an outage (5 s doubling to 15 minutes) or
 * a refused login ({@link LoginBackoff}: 1 minute doubling to 30). Shared through the database once
 * {@link #shared} is used: an outage or a refusal one instance meets makes every instance wait (the
 * server's lockout counts attempts, not instances), and a send that works on any instance ends the
 * wait for all.
 */
final class OutboxPause {
  static final Backoff OUTAGE = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

  /** What {@code server_backoff} takes as a key; a longer one is kept as its SHA-256. */
  private static final int KEY_MAX = 250;

  private final Clock clock;
  private final LoginBackoff login;
  private final Optional<SharedWaits> shared;
  private final String outageKey;
  private int serverFailures;
  private Instant until = Instant.MIN;
  // the shared waits are cleared once per pass, not at every reply sent
  private boolean clearPending;

  private OutboxPause(
      Clock clock, LoginBackoff login, Optional<SharedWaits> shared, String outageKey) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.login = login;
    this.shared = shared;
    this.outageKey = outageKey;
  }

  /** A pause this process alone keeps (a test's sender, a tool without a desk). */
  static OutboxPause local(Clock clock) {
    return new OutboxPause(clock, new LoginBackoff("SMTP", clock), Optional.empty(), "");
  }

  /**
   * A pause every instance shares: keyed by the SMTP servers ({@code outage smtp host:port}) and
   * their logins ({@code login smtp username@host:port}), never a secret. Several mailboxes with
   * their own servers share one outbox, so their keys are listed together.
   */
  static OutboxPause shared(
      Clock clock, SharedWaits waits, List<org.outputintake.config.Server> servers) {
    if (servers.isEmpty()) throw new IllegalArgumentException("no SMTP server");
    String hosts =
        String.join(",", servers.stream().map(s -> s.host() + ":" + s.port()).distinct().toList());
    String accounts =
        String.join(
            ",",
            servers.stream()
                .map(s -> s.username() + "@" + s.host() + ":" + s.port())
                .distinct()
                .toList());
    return new OutboxPause(
        clock,
        new LoginBackoff("SMTP", clock, waits, bounded("smtp ", accounts)),
        Optional.of(waits),
        bounded("outage smtp ", hosts));
  }

  private static String bounded(String prefix, String servers) {
    if (prefix.length() + servers.length() <= KEY_MAX) return prefix + servers;
    return prefix + Sha256.of(servers.getBytes(StandardCharsets.UTF_8));
  }

  /** When the outbox waits until; {@link Instant#MIN} when it does not. */
  Instant until() {
    return until;
  }

  /**
   * Whether the outbox waits now, asked before a pass sends: this instance's own wait, then (when
   * shared) the outage or refusal another instance recorded.
   */
  boolean holds() {
    Instant now = clock.instant();
    if (now.isBefore(until)) return true;
    clearPending = true;
    if (shared.isPresent()) {
      Optional<SharedWaits.Wait> outage = shared.get().current(outageKey);
      if (outage.isPresent() && now.isBefore(outage.get().retryAt())) {
        serverFailures = outage.get().failures();
        until = outage.get().retryAt();
        return true;
      }
    }
    // the login's own rule: a restart's first login is tried whatever the shared wait says
    if (!login.mayTry()) {
      until = login.retryAt();
      return true;
    }
    return false;
  }

  /**
   * The server is down: the whole outbox waits longer than last time.
   *
   * @return the wait, and whether it is new (false: another instance's wait already ran, and logged
   *     it)
   */
  SharedWaits.Failure serverDown(String error) {
    Instant now = clock.instant();
    if (shared.isPresent()) {
      SharedWaits.Failure f = shared.get().failed(outageKey, OUTAGE, now, error);
      serverFailures = f.current().failures();
      until = f.current().retryAt();
      return f;
    }
    until = now.plus(OUTAGE.after(serverFailures++));
    return new SharedWaits.Failure(new SharedWaits.Wait(serverFailures, until), true);
  }

  /** The server refused the login: the login's own, longer wait (it logs it). */
  void loginRefused(String reason) {
    until = clock.instant().plus(login.refused(reason));
  }

  /** A reply was accepted: no wait, here or (once per pass) for the other instances. */
  void answered() {
    serverFailures = 0;
    until = Instant.MIN;
    if (!clearPending) return;
    clearPending = false;
    login.succeeded();
    shared.ifPresent(s -> s.cleared(outageKey));
  }
}
