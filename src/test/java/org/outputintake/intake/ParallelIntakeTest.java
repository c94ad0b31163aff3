package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outputintake.form.Declaration;
import org.outputintake.form.FormFixtures;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * Messages of one poll are read and reviewed side by side (poll.workers, 2 in the test bot) but
 * decided one by one in arrival order: these are the guarantees that must not depend on which
 * worker finishes first.
 */
class ParallelIntakeTest extends BotTest {
  private static final String TABLE = "region,n\nNorth,120\nSouth,240\n";

  @Test
  void givenABigRequestFirstAndSmallOnesAfter_thenTicketNumbersStillFollowArrivalOrder()
      throws Exception {
    StringBuilder big = new StringBuilder("region,year,n\n");
    for (int i = 0; big.length() < 3_000_000; i++)
      big.append("Region ").append(i % 500).append(",2020,").append(100 + i % 900).append('\n');
    bot.deliver(
        Mails.request()
            .messageId("<req-0@uni.example.ac.uk>")
            .attachCsv("big.csv", big.toString())
            .build(bot.session()));
    for (int i = 1; i < 8; i++) {
      bot.deliver(
          Mails.request()
              .messageId("<req-" + i + "@uni.example.ac.uk>")
              .attachCsv("t.csv", TABLE)
              .build(bot.session()));
    }

    bot.cycle();

    List<Ticket> tickets = bot.tickets();
    assertEquals(8, tickets.size());
    for (int i = 0; i < 8; i++) {
      Ticket t = ticket(tickets, "STATS" + (10001 + i));
      assertEquals("<req-" + i + "@uni.example.ac.uk>", t.rootMessageId(), t.id().toString());
    }
    assertEquals(8, bot.folderCount("Processed"));
  }

  @Test
  void givenTheSameRequestTwiceInOnePoll_thenOneTicketAndOneReply() throws Exception {
    MimeMessage m =
        Mails.request()
            .messageId("<twice@uni.example.ac.uk>")
            .attachCsv("t.csv", TABLE)
            .build(bot.session());
    bot.deliver(m);
    bot.deliver(m);

    bot.cycle();

    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    assertEquals(2, bot.folderCount("Processed"));
    assertEquals(0, bot.folderCount("INBOX"));
  }

  @Test
  void givenTwoRevisionsOfABlockedTicketInOnePoll_thenTheyApplyInTheOrderTheyArrived()
      throws Exception {
    bot.deliver(Mails.request().attachCsv("table1.csv", TABLE).build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);
    String thread = "Re: [STATS10001] 16/01/24 Output request for Project 1234567";
    byte[] unticked = form(f -> f.files("table1.csv").untick(Declaration.IN_SCOPE));
    byte[] complete = form(f -> f.files("table1.csv").folder("2024_01_16_EnergyUseModel_v2"));
    bot.deliver(
        Mails.request()
            .subject(thread)
            .messageId("<rev-1@uni.example.ac.uk>")
            .attach("output-request-form.docx", unticked, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.deliver(
        Mails.request()
            .subject(thread)
            .messageId("<rev-2@uni.example.ac.uk>")
            .attach("output-request-form.docx", complete, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));

    bot.cycle();

    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Queued,
        bot.tickets().get(0).state().toString());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(3, replies.size());
    assertTrue(
        TestBot.body(replies.get(1)).contains("[FORM_DECLARATION]"), TestBot.body(replies.get(1)));
    assertTrue(
        TestBot.body(replies.get(2)).contains("has returned to the"), TestBot.body(replies.get(2)));
  }

  @Test
  void givenAPollOfMixedMail_thenNoWorkingFilesAreLeftBehind() throws Exception {
    bot.deliver(Mails.request().attachCsv("t.csv", TABLE).build(bot.session()));
    bot.deliver(Mails.request().subject("Request for output").build(bot.session()));
    bot.deliver(Mails.request().from("someone.else@example.com").build(bot.session()));
    bot.deliverRaw(
        "From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\n");

    bot.cycle();

    Path work = bot.config().storage().dataDir().resolve("work");
    try (Stream<Path> left = Files.exists(work) ? Files.list(work) : Stream.empty()) {
      assertEquals(List.of(), left.toList());
    }
    assertEquals(0, bot.folderCount("INBOX"));
  }

  private byte[] form(java.util.function.Consumer<FormFixtures.FormSpec> spec) throws Exception {
    return Files.readAllBytes(
        FormFixtures.completeDocx(dir.resolve("form-" + System.nanoTime() + ".docx"), spec));
  }

  private static Ticket ticket(List<Ticket> tickets, String id) {
    return tickets.stream()
        .filter(t -> t.id().toString().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no ticket "
                        + id
                        + " among "
                        + IntStream.range(0, tickets.size())
                            .mapToObj(i -> tickets.get(i).id().toString())
                            .toList()));
  }
}
