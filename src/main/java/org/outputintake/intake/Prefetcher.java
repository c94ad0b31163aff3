package org.outputintake.intake;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.store.RawStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a poll's messages in order on its own thread and starts preparing each on the worker
 * threads, so that downloading, preparing and committing overlap. The committer takes the messages
 * back in arrival order through {@link #next()}; a bounded hand-over keeps only a few messages'
 * working files on disk at once.
 */
final class Prefetcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);

  /** How long closing waits for a download in progress; IMAP timeouts bound it anyway. */
  private static final long DOWNLOAD_WAIT_SECONDS = 120;

  /** What the committer gets next. */
  sealed interface Next permits Ready, Refused, Failed, Done {}

  /** A downloaded message, being prepared. */
  record Ready(long uid, Future<IntakeService.Prepared> prepared) implements Next {}

  /**
   * The server refused this message's download while the connection stayed usable: the message's
   * own fault, which the committer records against it ({@link BrokenFetches}).
   */
  record Refused(long uid, String error) implements Next {}

  /** The mailbox failed; the messages before this one were handed over. */
  record Failed(MailboxUnavailable error) implements Next {}

  /** Every message was handed over. */
  record Done() implements Next {}

  private final IntakeService intake;
  private final BlockingQueue<Next> handOver;
  private final ExecutorService downloader = threads("intake-download-", 1);
  private final ExecutorService workers;
  private volatile boolean stopped;

  Prefetcher(
      ImapMailbox box, RawStore rawStore, IntakeService intake, List<Long> uids, int workerCount) {
    this.intake = intake;
    this.handOver = new ArrayBlockingQueue<>(workerCount * 2);
    this.workers = threads("intake-worker-", workerCount);
    downloader.execute(() -> download(box, rawStore, uids));
  }

  /** The next message in arrival order, waiting for its download if need be. */
  Next next() throws InterruptedException {
    return handOver.take();
  }

  private void download(ImapMailbox box, RawStore rawStore, List<Long> uids) {
    try {
      for (long uid : uids) {
        if (stopped) return;
        RawStore.Stored raw;
        try {
          raw = box.download(uid, rawStore);
        } catch (RawStore.Unwritable e) {
          // our disk, not the message: it stays in the inbox for the next poll
          LOG.error(
              "message UID {} could not be stored locally; it stays in the inbox: {}", uid, e);
          continue;
        } catch (IOException e) {
          // a connection that is gone fails the next download (the server's fault, not this
          // message's); one still usable refused this message alone
          if (box.isUsable() && !hand(new Refused(uid, e.getMessage()))) return;
          continue;
        }
        Ready ready =
            new Ready(
                uid,
                workers.submit(
                    () -> {
                      rawStore.share(raw);
                      return intake.prepare(raw);
                    }));
        if (!hand(ready)) {
          discard(ready);
          return;
        }
      }
      hand(new Done());
    } catch (MailboxUnavailable e) {
      hand(new Failed(e));
    } catch (RuntimeException e) {
      hand(
          new Failed(
              new MailboxUnavailable("downloading from the inbox failed: " + e.getMessage(), e)));
    }
  }

  /**
   * Hands an item over, waiting while the committer is behind; false once it has stopped taking.
   */
  private boolean hand(Next item) {
    try {
      while (!stopped) {
        if (handOver.offer(item, 100, TimeUnit.MILLISECONDS)) return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * Drops a message without deciding anything: its working files go, the message stays in the
   * inbox.
   */
  void discard(Ready ready) {
    try {
      intake.discard(ready.prepared().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      // nothing was prepared, so there is nothing to clean
    }
  }

  /** Stops downloading, waits for a download in progress, and discards whatever was not taken. */
  @Override
  public void close() {
    stopped = true;
    downloader.shutdown();
    try {
      if (!downloader.awaitTermination(DOWNLOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn(
            "a download did not finish within {} s; leaving it to the IMAP timeout",
            DOWNLOAD_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Next n = handOver.poll(); n != null; n = handOver.poll()) {
      if (n instanceof Ready ready) discard(ready);
    }
    workers.shutdown();
  }

  private static ExecutorService threads(String name, int count) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        count,
        r -> {
          Thread t = new Thread(r, name + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
