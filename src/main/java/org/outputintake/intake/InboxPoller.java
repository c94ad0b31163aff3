package org.outputintake.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.outputintake.backoff.LoginBackoff;
import org.outputintake.config.Mailbox;
import org.outputintake.intake.InboxMoves.Move;
import org.outputintake.intake.InboxMoves.MovesFailed;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.MailLogin;
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
  private final Mailbox mailbox;
  private final Database db;
  private final RawStore rawStore;
  private final IntakeService intake;
  private final RegistrySync registry;
  private final int workerCount;
  private final StuckMoves stuck;
  private final BrokenFetches broken;

  /** Shared with the IDLE connection: one refused password, one back-off for both. */
  private final LoginBackoff login;

  private final PollStatus status;

  /** The IMAP login, shared with the IDLE connection: one access token for both. */
  private final MailLogin imapLogin;

  /**
   * Kept open between polls: a fresh IMAP login per poll costs several round trips before any mail
   * moves.
   */
  private ImapMailbox box;

  private Runnable afterCommit = () -> {};

  /**
   * @param seen messages found in the inbox, those whose move is stuck aside
   * @param stuck messages handled before that stay in the inbox because the server will not move
   *     them
   */
  public record PollResult(int seen, int processed, int quarantined, boolean complete, int stuck) {}

  /**
   * @param workerCount messages prepared side by side ({@code poll.workers})
   * @param clock paces the retries of moves the server refused
   * @param imapLogin how every IMAP connection logs in (shared with the IDLE watcher)
   */
  public InboxPoller(
      Mailbox mailbox,
      Database db,
      RawStore rawStore,
      IntakeService intake,
      RegistrySync registry,
      int workerCount,
      Clock clock,
      MailLogin imapLogin) {
    this.mailbox = mailbox;
    this.db = db;
    this.rawStore = rawStore;
    this.intake = intake;
    this.registry = registry;
    this.workerCount = workerCount;
    this.stuck = new StuckMoves(db, mailbox.key(), clock);
    this.broken = new BrokenFetches(db, mailbox.key(), clock);
    this.login =
        new LoginBackoff(
            "IMAP",
            clock,
            new org.outputintake.backoff.SharedWaits(db),
            "imap "
                + mailbox.imap().host()
                + ":"
                + mailbox.imap().port()
                + " "
                + mailbox.imap().username());
    this.status = new PollStatus(clock);
    this.imapLogin = imapLogin;
  }

  /**
   * Which mailbox this poller reads, stable across restarts ({@code
   * imap-username@imap-host/inbox}): one poller per mailbox, and what a lease or a health line
   * names it by.
   */
  public String mailboxKey() {
    return mailbox.key();
  }

  /** The IMAP login every connection of this poller uses, and the IDLE watcher too. */
  public MailLogin imapLogin() {
    return imapLogin;
  }

  /**
   * Synchronized: the scheduled poll and an IDLE wake-up never run at once. Messages are downloaded
   * in order on one thread, up to {@code poll.workers} of them are parsed and reviewed side by side
   * ({@link IntakeService#prepare}), and this thread commits each in arrival order: ticket numbers
   * follow arrival and no decision depends on a message that arrived later.
   */
  public synchronized PollResult pollOnce() throws MailboxUnavailable {
    registry.refresh();
    if (!login.mayTry()) {
      LOG.debug("IMAP login refused before; next attempt at {}", login.retryAt());
      return new PollResult(0, 0, 0, false, stuck.size());
    }
    long started = System.nanoTime();
    try {
      PollResult r = poll();
      status.succeeded(Duration.ofNanos(System.nanoTime() - started));
      return r;
    } catch (MailboxUnavailable | RuntimeException e) {
      status.failed(e, Duration.ofNanos(System.nanoTime() - started));
      disconnect(); // the next poll starts on a fresh connection
      if (e instanceof MailboxUnavailable m && m.loginRefused()) login.refused(m.getMessage());
      throw e;
    }
  }

  /** How the polls have gone, for the health endpoint and the metrics. */
  public PollStatus status() {
    return status;
  }

  /** The IMAP login's back-off, which the IDLE connection shares. */
  public LoginBackoff loginBackoff() {
    return login;
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
    ImapMailbox fresh = new ImapMailbox(mailbox, imapLogin);
    try {
      fresh.open();
      login.succeeded();
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

  private PollResult poll() throws MailboxUnavailable {
    // one selection for the listing and the downloads: selecting the inbox again drops the
    // listing's cached UIDs, and every download would then cost one more round trip
    ImapMailbox open = connection();
    long validity = open.uidValidity();
    noteUidValidity(validity);
    stuck.uidValidity(validity);
    broken.startPoll(validity);
    // a retry may drop the connection the listing would use
    if (retryStuckMoves()) open = connection();
    List<Long> uids = new ArrayList<>(open.pendingUids());
    uids.removeAll(stuck.uids());
    Counts counts = new Counts();
    List<Long> todo = uids;
    while (true) {
      Round round = round(open, todo, counts);
      if (!round.unmoved().isEmpty()) moveOneByOne(round.unmoved());
      if (round.rest().isEmpty() || !round.complete()) {
        return new PollResult(
            uids.size(), counts.processed, counts.quarantined, round.complete(), stuck.size());
      }
      todo = round.rest();
      open = connection();
    }
  }

  /**
   * What one pass over a list of messages left: moves that failed as a batch (to be tried one by
   * one), and the messages after the failure, not yet handled.
   */
  private record Round(List<Move> unmoved, List<Long> rest, boolean complete) {}

  /**
   * Handles messages in order until they are done, the database or disk fails (incomplete), or a
   * batch of moves fails: the server dropped the connection the downloads share, so the round stops
   * there and the caller moves that batch one message at a time and starts a new round with the
   * rest.
   */
  private Round round(ImapMailbox box, List<Long> uids, Counts counts) throws MailboxUnavailable {
    // moves are batched: a crash before a batch moves leaves handled mail in the inbox, which the
    // idempotency key turns into a plain move on the next poll
    InboxMoves moves = new InboxMoves(box, mailbox.folders());
    try (Prefetcher ahead = new Prefetcher(box, rawStore, intake, uids, workerCount)) {
      for (Prefetcher.Next next = ahead.next();
          !(next instanceof Prefetcher.Done);
          next = ahead.next()) {
        if (next instanceof Prefetcher.Failed failed) {
          moves.flushQuietly();
          throw failed.error();
        }
        long uid = 0;
        try {
          if (next instanceof Prefetcher.Refused refused) {
            uid = refused.uid();
            if (broken.refused(uid, refused.error()) == BrokenFetches.Next.QUARANTINE)
              moves.add(new Move(uid, mailbox.folders().quarantine(), unread(uid)));
          } else if (next instanceof Prefetcher.Ready ready) {
            uid = ready.uid();
            broken.downloaded(uid);
            if (!commit(ready, moves, counts))
              return new Round(moves.flushOrUnmoved(), List.of(), false);
          }
        } catch (MovesFailed e) {
          return new Round(e.unmoved, after(uids, uid), true);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxUnavailable("the poll was interrupted", null);
    }
    return new Round(moves.flushOrUnmoved(), List.of(), true);
  }

  private static List<Long> after(List<Long> uids, long uid) {
    return uids.stream().filter(u -> u > uid).toList();
  }

  /**
   * A batch of moves failed: each message is moved on its own, on a fresh connection. One whose own
   * move fails is left in the inbox, logged once, and skipped by later polls; the others go on. A
   * connection that cannot be opened again is an outage, and fails the poll as before.
   */
  private void moveOneByOne(List<Move> batch) throws MailboxUnavailable {
    disconnect();
    for (Move m : batch) {
      // outside the try: a server that cannot be reached again is an outage, not this message's
      ImapMailbox open = box != null && box.isUsable() ? box : connection();
      try {
        open.move(m.uid(), m.folder());
      } catch (MailboxUnavailable e) {
        disconnect();
        stuck.failed(m.uid(), m.folder(), m.label(), e.getMessage());
      }
    }
  }

  /**
   * Moves that failed before are tried again once their hour is up; an attempt another instance
   * claimed first is left to it.
   */
  private boolean retryStuckMoves() throws MailboxUnavailable {
    boolean tried = false;
    for (StuckMoves.Stuck s : stuck.due()) {
      if (!stuck.claim(s)) continue;
      tried = true;
      ImapMailbox fresh = connection();
      try {
        fresh.move(s.uid(), s.folder());
        stuck.moved(s.uid());
        LOG.info("message {} moved to {} at last", s.label(), s.folder());
      } catch (MailboxUnavailable e) {
        disconnect();
        // the claim already set the next attempt an hour on
        LOG.debug("message {} still cannot be moved: {}", s.label(), e.getMessage());
      }
    }
    return tried;
  }

  /**
   * Commits one message and queues its move. False when the database failed: the poll must stop,
   * and the message stays in the inbox. A message that could not even be prepared stays in the
   * inbox too.
   */
  private boolean commit(Prefetcher.Ready ready, InboxMoves moves, Counts counts)
      throws InterruptedException, MovesFailed {
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
    LOG.info("UID {}: {}", ready.uid(), outcome.summary());
    afterCommit.run();
    String label = label(ready.uid(), prepared);
    if (outcome.disposition() == IntakeService.Disposition.QUARANTINED) {
      counts.quarantined++;
      moves.add(new Move(ready.uid(), mailbox.folders().quarantine(), label));
    } else {
      counts.processed++;
      moves.add(new Move(ready.uid(), mailbox.folders().processed(), label));
    }
    return true;
  }

  private static String unread(long uid) {
    return "UID "
        + uid
        + " (not downloaded: the server refused it "
        + BrokenFetches.ATTEMPTS
        + " times)";
  }

  /** How the log names a message for an operator who must find it in the inbox. */
  private static String label(long uid, IntakeService.Prepared p) {
    String id = p.message() == null ? null : p.message().messageId();
    return "UID "
        + uid
        + " ("
        + (id != null ? "Message-ID " + id : "sha256:" + p.raw().sha256())
        + ")";
  }

  private static final class Counts {
    int processed;
    int quarantined;
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
