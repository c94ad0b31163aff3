package org.outputintake.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.outputintake.config.HaSettings;
import org.outputintake.store.Database;
import org.outputintake.store.MailboxLeases;
import org.outputintake.testing.Mails;
import org.outputintake.testing.OnPostgres;
import org.outputintake.testing.TestBot;

/**
 * {@link MailboxLeaseTest} again on PostgreSQL, where writers do not queue for one lock: here the
 * takeover can also land while the old holder's decision is open, and that decision must roll back.
 */
@OnPostgres
class MailboxLeaseOnPostgresTest extends MailboxLeaseTest {
  @Test
  void aTakeoverDuringTheHoldersOpenDecisionRollsItBack() throws Exception {
    bot.deliver(Mails.request().messageId("<in-flight@uni.example.ac.uk>").build(bot.session()));
    MailboxLeases.Lease lease = a.leases().held(key).orElseThrow();
    Database.Fence real = LeaseKeeper.fence(lease);
    AtomicBoolean tookOver = new AtomicBoolean();
    // A pauses just before committing the transaction that opened the ticket; meanwhile B, on its
    // own connection, sees the lease expire and takes it
    Database.Fence pausedThere =
        c -> {
          if (!tookOver.get() && ticketsSeenBy(c) > 0) {
            tookOver.set(true);
            clockB.advance(HaSettings.DEFAULT.takeover());
            b.leases().tick();
          }
          real.check(c);
        };

    assertThrows(Database.FenceLost.class, () -> a.db().fenced(pausedThere, a.poller()::pollOnce));
    assertTrue(tookOver.get(), "the takeover happened inside A's decision");
    a.outbox().sendDue();
    assertEquals(0, ticketCount(), "A's decision was rolled back");

    assertEquals(1, b.pollIfHolder().orElseThrow().processed());
    b.outbox().sendDue();
    assertEquals(1, ticketCount());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "answered exactly once");
  }

  private static int ticketsSeenBy(java.sql.Connection c) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ticket");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
