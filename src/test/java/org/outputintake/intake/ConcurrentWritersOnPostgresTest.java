package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.OnPostgres;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestDatabases;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/**
 * Two writers at the same moment on PostgreSQL, whose READ COMMITTED does not serialise them as
 * SQLite's BEGIN IMMEDIATE does: each race the issue found by replaying the bot's statements in two
 * sessions, played by two threads with their own connections (as two instances would) released
 * together by a barrier.
 */
@OnPostgres
class ConcurrentWritersOnPostgresTest extends DeskTest {

  @Test
  void ticketNumbersDrawnByTwoWritersAtOnceAreUniqueAndWithoutGaps() throws Exception {
    try (Database db = Database.open(TestDatabases.newPostgres())) {
      TicketRepository repo = new TicketRepository("STATS", 10001);
      db.inTransaction(repo::allocate); // the counter row exists: the race is on its increment
      int each = 100;
      List<List<Long>> drawn =
          together(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) mine.add(db.inTransaction(repo::allocate).number());
                return mine;
              });
      HashSet<Long> all = new HashSet<>();
      drawn.forEach(all::addAll);
      assertEquals(2 * each, all.size(), "no number handed out twice");
      for (long n = 10002; n < 10002 + 2 * each; n++) assertTrue(all.contains(n), "gap at " + n);
      for (List<Long> mine : drawn)
        for (int i = 1; i < mine.size(); i++)
          assertTrue(mine.get(i) > mine.get(i - 1), "increasing for each writer");
      assertEquals(
          new TicketId("STATS", 10002 + 2 * each), db.inTransaction(repo::allocate), "next");
    }
  }

  @Test
  void twoVerdictsGivenAtTheSameMomentAreRevealedAndTheTicketIsChecked() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = desk.request("1234567", TABLE);
      desk.say(TestBot.ALICE, id, "#take");
      desk.say(TestBot.BOB, id, "#take");
      ids.add(id);
    }
    for (String id : ids) {
      byte[] alice = command(TestBot.ALICE, id, "#pass Counts above threshold.");
      byte[] bob = command(TestBot.BOB, id, "#pass fine");
      handleTogether(alice, bob);
      assertInstanceOf(
          TicketState.Checked.class,
          desk.ticket(id).state(),
          "both verdicts are in, so they are revealed: " + id);
    }
  }

  @Test
  void twoTakesAtTheSameMomentOnATicketWithOneCheckerLeaveTwoCheckers() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = desk.request("1234567", TABLE);
      desk.say(TestBot.ALICE, id, "#take");
      ids.add(id);
    }
    for (String id : ids) {
      long before = desk.ticket(id).version();
      handleTogether(command(TestBot.BOB, id, "#take"), command(TestBot.CAROL, id, "#take"));
      assertEquals(2, desk.checkers(id).size(), "never three checkers: " + desk.checkers(id));
      assertTrue(desk.ticket(id).version() > before, "the second checker moves the version on");
    }
  }

  @Test
  void theSameEmailCommittedByTwoWritersAtOnceOpensOneTicketAndIsAnsweredOnce() throws Exception {
    byte[] request =
        raw(
            Mails.request()
                .from(TestBot.ADA)
                .messageId("<twice@uni.example.ac.uk>")
                .build(bot.session()));
    List<IntakeService.Outcome> outcomes = handleTogether(request, request);
    assertEquals(1, bot.tickets().size());
    for (IntakeService.Outcome o : outcomes)
      assertEquals(IntakeService.Disposition.PROCESSED, o.disposition(), o.summary());
    bot.app().outbox().sendDue();
    assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "one acknowledgement");
  }

  @Test
  void theNearBreachReminderClaimedByTwoWritersAtOnceIsQueuedOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      String id = desk.request("1234567", TABLE);
      desk.say(TestBot.ALICE, id, "#take");
    }
    // Monday 22 January 11:00: under a working day left on each ticket
    bot.clock().advance(Duration.between(TestBot.NOW, Instant.parse("2024-01-22T11:00:00Z")));
    List<Integer> queued = together(() -> bot.app().reminders().tick());
    assertEquals(3, queued.get(0) + queued.get(1), "one reminder per ticket: " + queued);
  }

  /** An officer's command in the ticket's thread, answering the last email the bot sent them. */
  private byte[] command(String from, String id, String body) throws Exception {
    MimeMessage last = desk.lastTo(from, id);
    if (last == null) last = desk.lastTo(TestBot.OFFICERS_LIST, id);
    Mails m =
        Mails.request()
            .from(from)
            .body(body)
            .subject("Re: " + last.getSubject())
            .inReplyTo(last.getMessageID())
            .messageId("<race." + System.nanoTime() + "@example.org>");
    return raw(m.build(bot.session()));
  }

  private static byte[] raw(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  /** Two emails handled at once, each by its own intake (as two instances would). */
  private List<IntakeService.Outcome> handleTogether(byte[] first, byte[] second) throws Exception {
    RawStore store = new RawStore(dir.resolve("race"));
    RawStore.Stored a = store.put(new ByteArrayInputStream(first), ".eml");
    RawStore.Stored b = store.put(new ByteArrayInputStream(second), ".eml");
    IntakeService one = new IntakeService(bot.app().context());
    IntakeService two = new IntakeService(bot.app().context());
    List<Callable<IntakeService.Outcome>> work = List.of(() -> one.handle(a), () -> two.handle(b));
    return together(work.get(0), work.get(1));
  }

  private static <T> List<T> together(Callable<T> work) throws Exception {
    return together(work, work);
  }

  private static <T> List<T> together(Callable<T> first, Callable<T> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> work : List.of(first, second))
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
