package org.outputintake.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or Ctrl-C for a long-running command ({@code run}, {@code demo}). The JVM halts as soon
 * as its shutdown hooks return, which would cut the command's own cleanup short (the app's close,
 * which logs "stopped", and the data directory's lock, which removes its file); so the hook only
 * asks the command to stop, then waits until the command has cleaned up and closed this signal.
 * Open it first in a try-with-resources, so it closes last.
 */
final class StopSignal implements AutoCloseable {
  /** How long a stop waits for the cleanup before the JVM halts regardless. */
  private static final Duration CLEANUP = Duration.ofSeconds(30);

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final Thread hook;

  StopSignal(String name) {
    this.hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                cleanedUp.await(CLEANUP.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Waits for a stop. */
  void await() throws InterruptedException {
    stop.await();
  }

  /** Waits for a stop, at most {@code limit}. */
  void await(Duration limit) throws InterruptedException {
    stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The command has cleaned up: a stop in progress may let the JVM halt. */
  @Override
  public void close() {
    cleanedUp.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException stopping) {
      // the JVM is already shutting down: the hook is running and has just been released
    }
  }
}
