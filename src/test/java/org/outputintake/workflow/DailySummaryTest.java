package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Sla;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.testing.Desk;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;

/**
 * An officer gets one summary of her own tickets each working day at workflow.daily-summary, once
 * however often the schedule runs; an officer holding nothing gets none.
 */
class DailySummaryTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";

  @TempDir Path dir;
  TestBot bot;

  static IntakeConfig withSummaryAtHalfEight(IntakeConfig c) {
    IntakeConfig s = TestBot.withStaff(c);
    return s.toBuilder()
        .sla(Sla.DEFAULT)
        .digests(List.of())
        .workflow(WorkflowSettings.withDefaultCheckers(5, 20, LocalTime.of(8, 30)))
        .build();
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
  }

  void at(String at) {
    bot.clock().advance(Duration.between(bot.clock().instant(), Instant.parse(at)));
  }

  List<MimeMessage> summariesTo(String officer) throws Exception {
    bot.app().outbox().sendDue();
    return bot.receivedBy(officer).stream()
        .filter(m -> subject(m).startsWith("Your tickets on"))
        .toList();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anOfficerHoldingTicketsGetsOneSummaryAWorkingDay_atTheConfiguredTime() throws Exception {
    bot = new TestBot(mail, dir, DailySummaryTest::withSummaryAtHalfEight);
    Desk desk = new Desk(bot, dir);
    // Tuesday 16 January 2024 10:00
    String held = desk.request("1234567", TABLE);
    String waiting = desk.request("1234567", TABLE);
    desk.say(ALICE, held, "#take");

    at("2024-01-17T08:29:00Z");
    assertEquals(0, bot.app().summaries().tick(), "not before 08:30");

    at("2024-01-17T08:31:00Z");
    assertEquals(1, bot.app().summaries().tick(), "Alice holds one; Bob holds none");
    assertEquals(0, bot.app().summaries().tick(), "once a day, however often it runs");
    List<MimeMessage> alice = summariesTo(ALICE);
    assertEquals(1, alice.size());
    assertEquals("Your tickets on 2024-01-17: 1 open", alice.get(0).getSubject());
    String text = TestBot.body(alice.get(0));
    assertTrue(text.contains(held), text);
    assertTrue(text.contains("next: your verdict"), text);
    assertTrue(text.contains(waiting), "the queue is in it: " + text);
    assertEquals(List.of(), summariesTo(BOB), "nothing held, nothing sent");

    bot.stop();
    bot.start(); // a restart, as another instance would, finds today done
    assertEquals(0, bot.app().summaries().tick());

    at("2024-01-20T09:00:00Z"); // Saturday
    assertEquals(0, bot.app().summaries().tick(), "no summary on a day off");
    at("2024-01-22T08:45:00Z"); // Monday
    assertEquals(1, bot.app().summaries().tick());
    assertEquals(2, summariesTo(ALICE).size());
  }

  @Test
  void theSummaryCountsEachKindAndNamesTheKindBesideEveryId() throws Exception {
    bot = new TestBot(mail, dir, DailySummaryTest::withSummaryAtHalfEight);
    Desk desk = new Desk(bot, dir);
    String output = desk.request("1234567", TABLE);
    String ingest = desk.request("1234567", TABLE);
    String transfer = desk.request("1234567", TABLE);
    desk.asKind(ingest, RequestKind.INGEST, null);
    desk.asKind(transfer, RequestKind.TRANSFER, "7654321");
    desk.say(ALICE, output, "#take");
    desk.say(ALICE, ingest, "#take");

    at("2024-01-17T08:31:00Z");
    assertEquals(1, bot.app().summaries().tick());
    List<MimeMessage> alice = summariesTo(ALICE);
    assertEquals(1, alice.size());
    String text = TestBot.body(alice.get(0));
    assertTrue(text.contains("You hold 2 open ticket(s) (output 1, ingest 1) on 2024-01-17"), text);
    assertTrue(text.contains(output + " [output]  "), "#mine names the kind: " + text);
    assertTrue(text.contains(ingest + " [ingest]  "), "#mine names the kind: " + text);
    assertTrue(text.contains(transfer + " [transfer] "), "#queue names the kind: " + text);
  }
}
