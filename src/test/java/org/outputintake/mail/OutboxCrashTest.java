package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.Server;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.Database;
import org.outputintake.testing.SmtpStub;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestDatabases;

/**
 * The daemon dies at random points while a backlog drains (before a send, or after the server took
 * it but before the row was marked), and starts again on the same database. Every reply reaches the
 * server; a reply is repeated only for a death between send and mark, and then with the same
 * Message-ID, which mail clients fold into one.
 */
class OutboxCrashTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");

  @TempDir Path dir;

  /** What a kill -9 does to the sending thread: nothing after it runs. */
  private static final class Crash extends Error {}

  @Test
  void killedAtRandomPointsWhileABacklogDrainsEveryReplyIsSentAndRepeatsKeepTheirMessageId()
      throws Exception {
    int backlog = 300;
    Random random = new Random(20241129);
    try (SmtpStub smtp = new SmtpStub();
        Database db = Database.open(TestDatabases.newUrl(dir))) {
      for (int i = 0; i < backlog; i++) {
        OutgoingMail m =
            new OutgoingMail(
                "<r" + i + "@example.org>",
                null,
                "acknowledgement",
                "r" + i + "@uni.example.ac.uk",
                null,
                "subject " + i,
                "body",
                null,
                null,
                null);
        db.inTransaction(
            c -> {
              Outbox.enqueue(c, m, T0);
              return null;
            });
      }
      Server server =
          Server.withoutOAuth2(
              "127.0.0.1",
              smtp.port(),
              Server.Transport.PLAIN,
              null,
              null,
              "password",
              Duration.ofSeconds(5));
      int crashesAfterSend = 0;
      int restarts = 0;
      while (db.read(c -> Outbox.due(c, T0.plusSeconds(3600), 1)).size() > 0) {
        restarts++;
        SmtpMailSender real =
            new SmtpMailSender(server, TestBot.SUPPORT, java.time.Clock.systemUTC());
        int crashAt = random.nextInt(60);
        boolean afterSend = random.nextBoolean();
        int[] count = {0};
        OutboxSender sender =
            new OutboxSender(
                db,
                m -> {
                  if (count[0]++ == crashAt) {
                    if (afterSend) real.send(m);
                    throw new Crash();
                  }
                  real.send(m);
                },
                TestBot.MutableClock.at(T0.plusSeconds(restarts)),
                x -> {});
        try {
          sender.sendDue();
        } catch (Crash crash) {
          if (afterSend) crashesAfterSend++;
        }
      }

      Map<String, Integer> seen = new HashMap<>();
      for (SmtpStub.Delivery d : smtp.delivered()) {
        String id =
            d.data()
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Message-ID:", 0, 11))
                .findFirst()
                .orElseThrow()
                .substring(11)
                .trim();
        seen.merge(id, 1, Integer::sum);
      }
      assertEquals(backlog, seen.size(), "every reply reached the server");
      int repeats = smtp.delivered().size() - backlog;
      assertTrue(
          repeats <= crashesAfterSend,
          repeats + " repeats for " + crashesAfterSend + " deaths after a send");
      assertTrue(restarts > 3, "the test did kill the sender: " + restarts + " runs");
      assertTrue(db.read(Outbox::all).stream().allMatch(r -> r.status() == Outbox.Status.SENT));
    }
  }
}
