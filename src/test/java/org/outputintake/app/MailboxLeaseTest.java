package org.outputintake.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.config.HaSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Storage;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.store.MailboxLeases.Takeover;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestBot.MutableClock;

/**
 * Two instances of the bot on one database and one mailbox: only the lease holder polls, a dead
 * holder's mailbox is taken over within {@code ha.takeover}, and a holder that was paused past its
 * lease cannot decide an email the new holder reads.
 */
class MailboxLeaseTest extends BotTest {
  protected final MutableClock clockA = MutableClock.at(TestBot.NOW);
  protected final MutableClock clockB = MutableClock.at(TestBot.NOW);
  protected IntakeApp a;
  protected IntakeApp b;
  protected String key;

  @BeforeEach
  void twoInstances() {
    // the bot's own instance stays unstarted: A and B share its database and mailbox
    a = IntakeApp.create(onDataDir(bot.config(), dir.resolve("a")), clockA, IntakeEvents.NONE);
    b = IntakeApp.create(onDataDir(bot.config(), dir.resolve("b")), clockB, IntakeEvents.NONE);
    key = a.poller().mailboxKey();
    a.leases().join(Takeover.WHEN_EXPIRED);
    b.leases().join(Takeover.WHEN_EXPIRED);
  }

  @AfterEach
  void stopInstances() {
    a.close();
    b.close();
  }

  @Test
  void onlyTheHolderPolls() throws Exception {
    assertEquals(key, b.poller().mailboxKey());
    assertTrue(a.leases().held(key).isPresent());
    assertTrue(b.leases().held(key).isEmpty());
    bot.deliver(Mails.request().build(bot.session()));

    assertTrue(b.pollIfHolder().isEmpty(), "a standby does not read the mailbox");
    assertEquals(1, bot.folderCount("INBOX"));
    assertEquals(1, a.pollIfHolder().orElseThrow().processed());
    a.outbox().sendDue();
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
  }

  @Test
  void aDeadHoldersMailboxIsTakenOverWithinTheTakeoverAndNotBefore() {
    HaSettings ha = HaSettings.DEFAULT;
    // A renews at NOW and then dies: nothing of it runs any more
    Duration waited = Duration.ZERO;
    while (b.leases().held(key).isEmpty()) {
      clockB.advance(ha.renewal());
      waited = waited.plus(ha.renewal());
      b.leases().tick();
      assertTrue(waited.compareTo(ha.takeover()) <= 0, "not taken over after " + waited);
    }
    assertTrue(waited.compareTo(ha.leaseLength()) >= 0, "taken over early, after " + waited);
    assertEquals(2, b.leases().held(key).orElseThrow().epoch());
  }

  @Test
  void aPausedHoldersDecisionIsRefusedAndTheNewHolderAnswersOnce() throws Exception {
    bot.deliver(Mails.request().messageId("<paused@uni.example.ac.uk>").build(bot.session()));
    // A is paused (its clock stands still, so by its own account it still holds the lease) while
    // B sees the lease expire and takes it
    clockB.advance(HaSettings.DEFAULT.takeover());
    b.leases().tick();
    assertTrue(b.leases().held(key).isPresent());
    assertTrue(a.leases().held(key).isPresent(), "A does not know yet");

    assertTrue(a.pollIfHolder().isEmpty(), "A's poll is fenced out");
    a.outbox().sendDue();
    assertEquals(0, ticketCount(), "nothing A decided was committed");
    assertEquals(1, bot.folderCount("INBOX"));
    assertTrue(a.leases().held(key).isEmpty(), "A stops polling");

    assertEquals(1, b.pollIfHolder().orElseThrow().processed());
    b.outbox().sendDue();
    a.outbox().sendDue();
    assertEquals(1, ticketCount());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "answered exactly once");
    assertEquals(0, bot.folderCount("INBOX"));
  }

  @Test
  void mailboxesSpreadOverTheInstancesAlive() {
    // A and B step aside: these two are the only instances alive
    a.leases().close();
    b.leases().close();
    List<String> keys = List.of("one@imap.example.org/INBOX", "two@imap.example.org/INBOX");
    LeaseKeeper first = new LeaseKeeper(a.db(), HaSettings.DEFAULT, clockA, keys, "host-a");
    LeaseKeeper second = new LeaseKeeper(a.db(), HaSettings.DEFAULT, clockA, keys, "host-b");
    first.join(Takeover.WHEN_EXPIRED);
    assertTrue(keys.stream().allMatch(k -> first.held(k).isPresent()), "alone, it takes both");
    second.join(Takeover.WHEN_EXPIRED);
    clockA.advance(HaSettings.DEFAULT.renewal());
    first.tick();
    second.tick();
    assertEquals(1, keys.stream().filter(k -> first.held(k).isPresent()).count());
    assertEquals(1, keys.stream().filter(k -> second.held(k).isPresent()).count());
    second.close();
    first.tick();
    assertTrue(keys.stream().allMatch(k -> first.held(k).isPresent()), "given back at a stop");
    first.close();
  }

  @Test
  void aStandbyIsHealthyWhileTheDatabaseAnswersAndTheHolderNeedsAPoll() throws Exception {
    Health standby =
        Health.check(b.db(), b.poller().status(), Health.Role.STANDBY, java.util.Map.of());
    assertEquals(Health.Verdict.HEALTHY, standby.verdict(), standby.body());
    assertTrue(standby.body().contains("standby"), standby.body());
    Health holder =
        Health.check(a.db(), a.poller().status(), Health.Role.HOLDER, java.util.Map.of());
    assertEquals(Health.Verdict.UNHEALTHY, holder.verdict(), "no poll finished yet");
    a.pollIfHolder();
    holder = Health.check(a.db(), a.poller().status(), Health.Role.HOLDER, java.util.Map.of());
    assertEquals(Health.Verdict.HEALTHY, holder.verdict(), holder.body());
  }

  protected int ticketCount() {
    return a.db().read(c -> a.context().tickets().list(c)).size();
  }

  static IntakeConfig onDataDir(IntakeConfig c, Path dataDir) {
    return c.toBuilder()
        .storage(Storage.at(dataDir).withArchiveDir(c.storage().archiveDir()))
        .build();
  }
}
