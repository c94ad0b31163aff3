package org.outputintake.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.outputintake.config.HaSettings;
import org.outputintake.store.Database;
import org.outputintake.store.Instances;
import org.outputintake.store.MailboxLeases;
import org.outputintake.store.MailboxLeases.Lease;
import org.outputintake.text.OutsideText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's place among the instances on one database: it heartbeats, renews the mailbox
 * leases it holds, gives up those beyond its share and takes free or expired ones up to it. Runs on
 * its own thread so that a long poll never makes it miss a renewal.
 */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
  private static final Duration FORGET_AFTER = Duration.ofDays(1);
  private final Database db;
  private final HaSettings ha;
  private final Clock clock;
  private final List<String> mailboxes;
  private MailboxLeases.Takeover takeover = MailboxLeases.Takeover.WHEN_EXPIRED;
  private final Instances.Instance self;
  private final Map<String, Lease> held = new LinkedHashMap<>();
  private ScheduledExecutorService timer;

  /**
   * @param mailboxes the keys of the mailboxes this instance can read
   */
  public LeaseKeeper(Database db, HaSettings ha, Clock clock, List<String> mailboxes, String host) {
    this.db = db;
    this.ha = ha;
    this.clock = clock;
    this.mailboxes = List.copyOf(mailboxes);
    Instant now = clock.instant();
    this.self =
        new Instances.Instance(
            UUID.randomUUID().toString(), host, ProcessHandle.current().pid(), now, now);
  }

  public String instanceId() {
    return self.id();
  }

  /**
   * Registers this instance and settles its leases before the first poll, then keeps them.
   *
   * @param takeover {@code AT_ONCE} only where no other process can share the database
   */
  public synchronized void start(MailboxLeases.Takeover takeover) {
    join(takeover);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lease-keeper");
              t.setDaemon(true);
              return t;
            });
    long every = ha.renewal().toMillis();
    timer.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
  }

  /** Registers this instance and settles its leases once, keeping nothing running (tests). */
  public synchronized void join(MailboxLeases.Takeover takeover) {
    this.takeover = takeover;
    db.inTransaction(
        c -> {
          Instances.register(c, self);
          return null;
        });
    tick();
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // the leases run out by themselves (held() checks their expiry here too): polling stops
      // at the expiry even while the database cannot be reached to say so
      LOG.warn("could not renew the mailbox leases ({}); retrying in {}", e, ha.renewal());
    }
  }

  /** One round: heartbeat, renew, give up beyond the share, take up to it. */
  public synchronized void tick() {
    Instant now = clock.instant();
    Instant until = now.plus(ha.leaseLength());
    db.inTransaction(
        c -> {
          if (!Instances.heartbeat(c, self.id(), now))
            Instances.register(
                c, new Instances.Instance(self.id(), self.host(), self.pid(), self.started(), now));
          Instances.forgetSilentSince(c, now.minus(FORGET_AFTER));
          return null;
        });
    for (Lease lease : List.copyOf(held.values())) {
      boolean renewed = db.inTransaction(c -> MailboxLeases.renew(c, lease, until));
      if (renewed) {
        held.put(lease.mailboxKey(), withExpiry(lease, until));
      } else {
        held.remove(lease.mailboxKey());
        LOG.warn(
            "lost the lease of mailbox {} to another instance; no longer polling it",
            OutsideText.line(lease.mailboxKey()));
      }
    }
    int alive = db.read(c -> Instances.alive(c, now.minus(ha.takeover())).size());
    int share = (mailboxes.size() + Math.max(1, alive) - 1) / Math.max(1, alive);
    while (held.size() > share) giveUp(lastHeld());
    for (String key : mailboxes) {
      if (held.size() >= share) break;
      if (held.containsKey(key)) continue;
      take(key, now, until);
    }
  }

  private void take(String key, Instant now, Instant until) {
    Optional<Lease> before = db.read(c -> MailboxLeases.find(c, key));
    Optional<Lease> taken =
        db.inTransaction(c -> MailboxLeases.take(c, key, self.id(), now, until, takeover));
    if (taken.isEmpty()) return;
    held.put(key, taken.get());
    if (before.isPresent() && !before.get().holder().equals(self.id())) {
      Lease old = before.get();
      // the old holder's last renewal: its lease ran for leaseLength from then
      Instant lastRenewal = old.expires().minus(ha.leaseLength());
      LOG.info(
          "took over mailbox {} (epoch {}) from instance {}, {} ms after its last renewal",
          OutsideText.line(key),
          taken.get().epoch(),
          old.holder(),
          Duration.between(lastRenewal, now).toMillis());
    } else {
      LOG.info("holding mailbox {} (epoch {})", OutsideText.line(key), taken.get().epoch());
    }
  }

  private Lease lastHeld() {
    List<Lease> all = new ArrayList<>(held.values());
    return all.get(all.size() - 1);
  }

  private void giveUp(Lease lease) {
    db.inTransaction(
        c -> {
          MailboxLeases.release(c, lease);
          return null;
        });
    held.remove(lease.mailboxKey());
    LOG.info(
        "gave mailbox {} up to share the mailboxes among the instances",
        OutsideText.line(lease.mailboxKey()));
  }

  private static Lease withExpiry(Lease l, Instant expires) {
    return new Lease(l.mailboxKey(), l.holder(), l.epoch(), l.since(), expires);
  }

  /**
   * The lease of {@code key} while this instance holds it and, by its own clock, it has not run
   * out: a holder cut off from the database stops polling at the expiry without being told.
   */
  public synchronized Optional<Lease> held(String key) {
    Lease l = held.get(key);
    return l != null && l.liveAt(clock.instant()) ? Optional.of(l) : Optional.empty();
  }

  /** Records a finished poll for {@code status} (fenced like the poll when called inside it). */
  public void polled(Lease lease) {
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          MailboxLeases.polled(c, lease, now);
          return null;
        });
  }

  /** A fenced transaction found the lease taken: forget it until it can be taken again. */
  public synchronized void lost(Lease lease) {
    Lease now = held.get(lease.mailboxKey());
    if (now != null && now.epoch() == lease.epoch()) held.remove(lease.mailboxKey());
  }

  /** The fence every transaction of a poll under {@code lease} passes before it commits. */
  public static Database.Fence fence(Lease lease) {
    return c -> {
      if (!MailboxLeases.fence(c, lease))
        throw new Database.FenceLost(
            "the lease of mailbox "
                + OutsideText.line(lease.mailboxKey())
                + " (epoch "
                + lease.epoch()
                + ") was taken over by another instance");
    };
  }

  /** Stops renewing and gives every lease up, so another instance takes over at once. */
  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
    try {
      for (Lease lease : List.copyOf(held.values())) giveUp(lease);
      db.inTransaction(
          c -> {
            Instances.remove(c, self.id());
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn(
          "could not give the mailbox leases up ({}); they run out by themselves", e.toString());
    }
  }
}
