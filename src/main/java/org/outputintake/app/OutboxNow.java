package org.outputintake.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.outputintake.reply.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox on its own thread as soon as a reply is committed, so an acknowledgement does
 * not wait for the IMAP moves or the rest of the poll. Requests coalesce: one pass picks up
 * everything written before it starts.
 */
final class OutboxNow implements AutoCloseable {
  // the app's logger: operators (and their log filters) know this line as the app's
  private static final Logger LOG = LoggerFactory.getLogger(IntakeApp.class);
  private final OutboxSender outbox;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-now");
            t.setDaemon(true);
            return t;
          });

  OutboxNow(OutboxSender outbox) {
    this.outbox = outbox;
  }

  void sendSoon() {
    if (requested.compareAndSet(false, true)) {
      sender.execute(
          () -> {
            requested.set(false);
            try {
              outbox.sendDue();
            } catch (RuntimeException e) {
              LOG.warn("outbox pass failed: {}", e.getMessage());
            }
          });
    }
  }

  /** Lets a pass under way finish (up to 30 s). */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(30, TimeUnit.SECONDS)) sender.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
