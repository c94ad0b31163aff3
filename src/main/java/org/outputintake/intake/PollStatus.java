package org.outputintake.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the inbox polls have gone, for the health endpoint and the metrics: written by the poller
 * only, read by anyone. The poller's own outcome is the one source; nothing here decides whether to
 * retry.
 */
public final class PollStatus {
  /** Where the polls stand. */
  public sealed interface State permits NotYet, Succeeded, Failing {}

  /** No poll has finished since the bot started. */
  public record NotYet() implements State {}

  public record Succeeded(Instant at) implements State {
    public Succeeded {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * @param errorClass the failure's type (its message may carry server answers, so it is not kept)
   * @param since the first failure in this unbroken run of failures
   */
  public record Failing(String errorClass, Instant since) implements State {
    public Failing {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(since, "since");
    }
  }

  private final Clock clock;
  private final AtomicReference<State> state = new AtomicReference<>(new NotYet());
  private final AtomicLong polls = new AtomicLong();
  private final AtomicLong totalNanos = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public PollStatus(Clock clock) {
    this.clock = clock;
  }

  public State current() {
    return state.get();
  }

  /** Polls finished, successful or not: the count behind the latency timer. */
  public long polls() {
    return polls.get();
  }

  /** Polls that failed, among {@link #polls()}. */
  public long failures() {
    return failures.get();
  }

  /** Time spent in the polls counted by {@link #polls()}. */
  public long totalNanos() {
    return totalNanos.get();
  }

  void succeeded(Duration took) {
    count(took);
    state.set(new Succeeded(clock.instant()));
  }

  void failed(Throwable e, Duration took) {
    count(took);
    failures.incrementAndGet();
    Throwable root = e;
    // a MailboxUnavailable wraps the mail library's exception, which says what went wrong
    if (root.getCause() != null) root = root.getCause();
    String errorClass = root.getClass().getSimpleName();
    Instant now = clock.instant();
    state.updateAndGet(
        s ->
            s instanceof Failing f
                ? new Failing(errorClass, f.since())
                : new Failing(errorClass, now));
  }

  private void count(Duration took) {
    polls.incrementAndGet();
    totalNanos.addAndGet(took.toNanos());
  }
}
