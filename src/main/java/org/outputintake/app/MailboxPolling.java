package org.outputintake.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.InboxPoller;
import org.outputintake.intake.PollStatus;
import org.outputintake.mail.IdleWatcher;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.reply.OutboxSender;
import org.outputintake.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polls of every mailbox, each gated by this instance's lease on it: a standby reads nothing,
 * and a poll whose lease turns out lost commits nothing. Also the IDLE watchers that wake them.
 */
final class MailboxPolling {
  // the app's logger: operators (and their log filters) know these lines as the app's
  private static final Logger LOG = LoggerFactory.getLogger(IntakeApp.class);
  private final List<InboxPoller> pollers;
  private final Database db;
  private final LeaseKeeper leases;
  private final OutboxSender outbox;
  private final List<IdleWatcher> idles = new ArrayList<>();

  /**
   * @param pollers one per mailbox, the first mailbox's first
   */
  MailboxPolling(List<InboxPoller> pollers, Database db, LeaseKeeper leases, OutboxSender outbox) {
    this.pollers = List.copyOf(pollers);
    this.db = db;
    this.leases = leases;
    this.outbox = outbox;
  }

  /** The first (or only) mailbox's poller. */
  InboxPoller first() {
    return pollers.get(0);
  }

  List<InboxPoller> all() {
    return pollers;
  }

  /** Every mailbox once, leases or not: a scheduled cycle's reading, for tests and the demo. */
  InboxPoller.PollResult pollAll() throws MailboxUnavailable {
    InboxPoller.PollResult r = first().pollOnce();
    for (InboxPoller p : pollers.subList(1, pollers.size())) p.pollOnce();
    return r;
  }

  /**
   * One poll of a mailbox, if this instance holds its lease, with every transaction of it fenced by
   * that lease; empty on a standby, or when the lease turned out to be lost (the poll's last
   * transaction rolled back and polling stops until the lease is taken again).
   */
  Optional<InboxPoller.PollResult> pollIfHolder(InboxPoller poller) throws MailboxUnavailable {
    var lease = leases.held(poller.mailboxKey());
    if (lease.isEmpty()) {
      // a standby keeps no IMAP session open: the holder's is the one the server should see
      poller.disconnect();
      return Optional.empty();
    }
    try {
      return Optional.of(
          db.fenced(
              LeaseKeeper.fence(lease.get()),
              () -> {
                InboxPoller.PollResult r = poller.pollOnce();
                leases.polled(lease.get());
                return r;
              }));
    } catch (Database.FenceLost e) {
      leases.lost(lease.get());
      poller.disconnect();
      LOG.warn(
          "{}: this instance stops polling it; its last decision was rolled back", e.getMessage());
      return Optional.empty();
    }
  }

  /** Every mailbox in turn: one mailbox's failure never keeps another's mail waiting. */
  void pollSafely() {
    boolean seen = false;
    for (InboxPoller p : pollers) {
      try {
        var r = pollIfHolder(p);
        seen |= r.isPresent() && r.get().seen() > 0;
      } catch (MailboxUnavailable e) {
        // a refused login has logged its own line, with its back-off
        if (!e.loginRefused())
          LOG.warn(
              "IMAP poll failed for {} ({}); will retry at the next poll",
              p.mailboxKey(),
              e.getMessage());
      }
    }
    if (seen) outbox.sendDue();
  }

  /** The polls of each mailbox this instance holds, by its key, for the health check. */
  Map<String, PollStatus> statuses() {
    Map<String, PollStatus> out = new LinkedHashMap<>();
    for (InboxPoller p : pollers) {
      if (leases.held(p.mailboxKey()).isPresent()) out.put(p.mailboxKey(), p.status());
    }
    return out;
  }

  /** After each committed message, {@code then} runs (the outbox is sent at once). */
  void afterEachCommit(Runnable then) {
    for (InboxPoller p : pollers) p.afterEachCommit(then);
  }

  /**
   * With {@code poll.idle}: one IDLE watcher per mailbox, each calling {@code wake} on new mail.
   */
  void watchIdle(IntakeConfig config, Runnable wake) {
    if (!config.poll().idle()) return;
    for (int i = 0; i < pollers.size(); i++) {
      InboxPoller p = pollers.get(i);
      IdleWatcher w =
          new IdleWatcher(
              config.mailboxes().get(i),
              config.poll().idleRenew(),
              wake,
              p.loginBackoff(),
              p.imapLogin());
      idles.add(w);
      Thread t = new Thread(w, "imap-idle-" + i);
      t.setDaemon(true);
      t.start();
    }
  }

  void stopIdle() {
    idles.forEach(IdleWatcher::stop);
  }

  void disconnect() {
    pollers.forEach(InboxPoller::disconnect);
  }
}
