package org.outputintake.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the inbox: each message is stored raw, handled, and only then moved to Processed or
 * Quarantine. A crash anywhere leaves the message in the inbox (or already moved), and the
 * idempotency key makes the next pass finish the job without a second ticket or reply.
 */
public final class InboxPoller {
  private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);
  private final IntakeConfig.Mailbox mailbox;
  private final Database db;
  private final RawStore rawStore;
  private final IntakeService intake;
  private final RegistrySync registry;
  private final int workerCount;

  /**
   * Kept open between polls: a fresh IMAP login per poll costs several round trips before any mail
   * moves.
   */
  private ImapMailbox box;

  private Runnable afterCommit = () -> {};

  private static final int MOVE_BATCH = 25;

  public record PollResult(int seen, int processed, int quarantined, boolean complete) {}

  /**
   * @param workerCount messages prepared side by side ({@code poll.workers})
   */
  public InboxPoller(
      IntakeConfig.Mailbox mailbox,
      Database db,
      RawStore rawStore,
      IntakeService intake,
      RegistrySync registry,
      int workerCount) {
    this.mailbox = mailbox;
    this.db = db;
    this.rawStore = rawStore;
    this.intake = intake;
    this.registry = registry;
    this.workerCount = workerCount;
  }

  /**
   * Synchronized: the scheduled poll and an IDLE wake-up never run at once. Messages are downloaded
   * in order on one thread, up to {@code poll.workers} of them are parsed and reviewed side by side
   * ({@link IntakeService#prepare}), and this thread commits each in arrival order: ticket numbers
   * follow arrival and no decision depends on a message that arrived later.
   */
  public synchronized PollResult pollOnce() throws MailboxUnavailable {
    registry.refresh();
    try {
      return poll(connection());
    } catch (MailboxUnavailable | RuntimeException e) {
      disconnect(); // the next poll starts on a fresh connection
      throw e;
    }
  }

  /**
   * Called after each message's outcome is committed, before its IMAP move: the daemon sends the
   * reply at once instead of after the rest of the poll.
   */
  public void afterEachCommit(Runnable action) {
    this.afterCommit = action;
  }

  private ImapMailbox connection() throws MailboxUnavailable {
    if (box != null && box.isUsable()) {
      try {
        box.refresh();
        return box;
      } catch (MailboxUnavailable | RuntimeException e) {
        LOG.info("the kept IMAP connection is gone ({}); connecting again", e.getMessage());
      }
    }
    disconnect();
    ImapMailbox fresh = new ImapMailbox(mailbox);
    try {
      fresh.open();
    } catch (MailboxUnavailable | RuntimeException e) {
      fresh.close();
      throw e;
    }
    box = fresh;
    return box;
  }

  /** Closes the kept connection (the daemon stopping, or a connection that failed). */
  public synchronized void disconnect() {
    if (box != null) box.close();
    box = null;
  }

  private PollResult poll(ImapMailbox box) throws MailboxUnavailable {
    Counts counts = new Counts();
    noteUidValidity(box.uidValidity());
    var uids = box.pendingUids();
    // moves are batched: a crash before a batch moves leaves handled mail in the inbox, which the
    // idempotency key turns into a plain move on the next poll
    Moves moves = new Moves(box);
    try (Prefetcher ahead = new Prefetcher(box, rawStore, intake, uids, workerCount)) {
      for (Prefetcher.Next next = ahead.next();
          !(next instanceof Prefetcher.Done);
          next = ahead.next()) {
        if (next instanceof Prefetcher.Failed failed) {
          moves.flushQuietly();
          throw failed.error();
        }
        if (!commit((Prefetcher.Ready) next, moves, counts)) {
          moves.flush();
          return new PollResult(uids.size(), counts.processed, counts.quarantined, false);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxUnavailable("the poll was interrupted", null);
    }
    moves.flush();
    return new PollResult(uids.size(), counts.processed, counts.quarantined, true);
  }

  /**
   * Commits one message and queues its move. False when the database failed: the poll must stop,
   * and the message stays in the inbox. A message that could not even be prepared stays in the
   * inbox too.
   */
  private boolean commit(Prefetcher.Ready ready, Moves moves, Counts counts)
      throws InterruptedException, MailboxUnavailable {
    IntakeService.Prepared prepared;
    try {
      prepared = ready.prepared().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RawStore.Unwritable disk) {
        LOG.error(
            "the data directory is not writable; message UID {} stays in the inbox for the next"
                + " poll: {}",
            ready.uid(),
            disk.getMessage());
        return false;
      }
      LOG.error(
          "message UID {} could not be read locally; it stays in the inbox: {}",
          ready.uid(),
          String.valueOf(e.getCause()));
      return true;
    }
    IntakeService.Outcome outcome;
    try {
      outcome = intake.commit(prepared);
    } catch (Database.DatabaseException e) {
      LOG.error(
          "database unavailable; message UID {} stays in the inbox for the next poll: {}",
          ready.uid(),
          e.getMessage());
      return false;
    } catch (IntakeService.StoreUnavailable e) {
      LOG.error(
          "the data directory is not writable; message UID {} stays in the inbox for the next"
              + " poll: {}",
          ready.uid(),
          e.getMessage());
      return false;
    }
    if (outcome.disposition() == IntakeService.Disposition.QUARANTINED) {
      counts.quarantined++;
      moves.toQuarantine(ready.uid());
    } else {
      counts.processed++;
      moves.toProcessed(ready.uid());
    }
    LOG.info("UID {}: {}", ready.uid(), outcome.summary());
    afterCommit.run();
    return true;
  }

  private static final class Counts {
    int processed;
    int quarantined;
  }

  /** Moves to Processed and Quarantine, sent in batches. */
  private final class Moves {
    private final ImapMailbox box;
    private final List<Long> processed = new ArrayList<>();
    private final List<Long> quarantine = new ArrayList<>();

    Moves(ImapMailbox box) {
      this.box = box;
    }

    void toProcessed(long uid) throws MailboxUnavailable {
      processed.add(uid);
      flushIfFull();
    }

    void toQuarantine(long uid) throws MailboxUnavailable {
      quarantine.add(uid);
      flushIfFull();
    }

    private void flushIfFull() throws MailboxUnavailable {
      if (processed.size() + quarantine.size() >= MOVE_BATCH) flush();
    }

    void flush() throws MailboxUnavailable {
      moveAll(box, processed, quarantine);
    }

    /**
     * Before giving up on a broken connection: whatever does not move now is moved by the next
     * poll.
     */
    void flushQuietly() {
      try {
        flush();
      } catch (MailboxUnavailable e) {
        LOG.debug("moves left for the next poll: {}", e.getMessage());
      }
    }
  }

  private void moveAll(ImapMailbox box, List<Long> processed, List<Long> quarantine)
      throws MailboxUnavailable {
    box.move(processed, mailbox.folders().processed());
    box.move(quarantine, mailbox.folders().quarantine());
    processed.clear();
    quarantine.clear();
  }

  /**
   * The inbox is drained by moving, so UIDs are not needed to find new mail; a change is still
   * worth knowing.
   */
  private void noteUidValidity(long validity) {
    String folder = mailbox.folders().inbox();
    db.inTransaction(
        c -> {
          long previous = MailboxState.remember(c, folder, validity);
          if (previous >= 0 && previous != validity) {
            LOG.warn(
                "UIDVALIDITY of {} changed from {} to {}: the mailbox was recreated",
                folder,
                previous,
                validity);
          }
          return null;
        });
  }
}
