package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.app.IntakeApp;
import org.outputintake.app.LeaseKeeper;
import org.outputintake.config.HaSettings;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.store.MailboxLeases.Takeover;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.TestBot;

/** {@code status}: the instances alive, who reads the mailbox since when, and the outbox. */
class InstanceStatusTest extends BotTest {
  @Test
  void showsTheInstancesAliveAndWhoReadsTheMailbox() throws Exception {
    // status reads the wall clock: these instances must be alive by it
    IntakeApp app = IntakeApp.create(bot.config(), Clock.systemUTC(), IntakeEvents.NONE);
    String key = app.poller().mailboxKey();
    LeaseKeeper holder =
        new LeaseKeeper(app.db(), HaSettings.DEFAULT, Clock.systemUTC(), List.of(key), "host-a");
    LeaseKeeper standby =
        new LeaseKeeper(app.db(), HaSettings.DEFAULT, Clock.systemUTC(), List.of(key), "host-b");
    try {
      holder.join(Takeover.WHEN_EXPIRED);
      standby.join(Takeover.WHEN_EXPIRED);
      holder.polled(holder.held(key).orElseThrow());
      Path file = bot.cliConfig(dir.resolve("cli.yaml"));

      CommandLineTest.Run r = CommandLineTest.run("status", "--config", file.toString());

      assertEquals(0, r.exit(), r.err());
      assertTrue(r.out().contains("Instances alive (heartbeat in the last 30s): 2"), r.out());
      assertTrue(r.out().contains("host-a pid " + ProcessHandle.current().pid()), r.out());
      assertTrue(r.out().contains("host-b pid "), r.out());
      // every configured mailbox is listed, read yet or not, then the leases of any other
      assertTrue(
          r.out().contains("  " + TestBot.SUPPORT + " (") && r.out().contains("), accepts output"),
          r.out());
      assertTrue(r.out().contains(key), r.out());
      assertTrue(r.out().contains("\n    read by host-a pid "), r.out());
      assertTrue(r.out().contains("(epoch 1)"), r.out());
      assertTrue(!r.out().contains("last poll: none"), r.out());
      assertTrue(r.out().contains("Outbox: 0 pending, 0 dead letters"), r.out());

      holder.close();
      r = CommandLineTest.run("status", "--config", file.toString());
      assertTrue(r.out().contains("Instances alive (heartbeat in the last 30s): 1"), r.out());
      assertTrue(r.out().contains("\n    no holder: the lease of"), r.out());
    } finally {
      holder.close();
      standby.close();
      app.close();
    }
  }
}
