package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.MANAGER;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Sla;
import org.outputintake.digest.Chasing;
import org.outputintake.testing.Desk;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;

/**
 * A ticket waiting for its researcher is chased after workflow.chase-after working days and
 * withdrawn after workflow.withdraw-after, by email, once each, and the managers' digest says so.
 */
class ChasingTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";

  @TempDir Path dir;
  TestBot bot;
  Desk desk;

  static IntakeConfig withDigest(IntakeConfig c) {
    IntakeConfig s = TestBot.withStaff(c);
    return s.toBuilder()
        .sla(Sla.DEFAULT)
        .digests(
            List.of(
                new Digest(
                    "daily",
                    "0 0 8 ? * MON-FRI",
                    Duration.ofDays(1),
                    List.of(),
                    Digest.WhenEmpty.SEND)))
        .build();
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
  }

  /** Moves the clock to {@code at} (UTC, which is London time in winter). */
  void at(String at) {
    bot.clock().advance(Duration.between(bot.clock().instant(), Instant.parse(at)));
  }

  Chasing.Done tickTwice() throws Exception {
    Chasing.Done first = bot.app().chasing().tick();
    Chasing.Done second = bot.app().chasing().tick();
    assertEquals(new Chasing.Done(0, 0), second, "a second pass does nothing");
    bot.app().outbox().sendDue();
    return first;
  }

  String digestText() throws Exception {
    bot.app().digests().sendNow(bot.config().digest("daily").orElseThrow());
    bot.app().outbox().sendDue();
    List<MimeMessage> digests = bot.receivedBy(MANAGER);
    MimeMessage d = digests.get(digests.size() - 1);
    return (String) ((Multipart) d.getContent()).getBodyPart(0).getContent();
  }

  @Test
  void aBlockedTicketIsChasedAfterFiveWorkingDaysAndWithdrawnAfterTwentyOnceEach()
      throws Exception {
    bot = new TestBot(mail, dir, ChasingTest::withDigest);
    desk = new Desk(bot, dir);
    // Tuesday 16 January 2024 10:00
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#revise please add the totals row");
    assertEquals("blocked", desk.ticket(id).state().name());
    int toAda = desk.mailTo(ADA, id).size();

    at("2024-01-23T09:59:00Z"); // a minute short of five working days
    assertEquals(new Chasing.Done(0, 0), tickTwice());
    assertEquals(toAda, desk.mailTo(ADA, id).size(), "not chased early");

    at("2024-01-23T10:01:00Z");
    assertEquals(new Chasing.Done(1, 0), tickTwice());
    List<MimeMessage> ada = desk.mailTo(ADA, id);
    assertEquals(toAda + 1, ada.size(), "one reminder");
    MimeMessage reminder = ada.get(ada.size() - 1);
    String text = TestBot.body(reminder);
    assertTrue(text.contains("on hold, waiting for your answer"), text);
    assertTrue(text.contains("we asked you to revise your files"), text);
    assertTrue(text.contains("Tuesday 13 February 2024"), text);
    assertTrue(text.contains("closed as withdrawn"), text);
    assertTrue(
        reminder.getHeader("In-Reply-To") != null || reminder.getHeader("References") != null,
        "in the researcher's thread");
    String digest = digestText();
    assertTrue(
        digest.contains("- " + id + " project 1234567, reminded Tuesday 23 January 2024"), digest);
    assertTrue(digest.contains("withdrawn on Tuesday 13 February 2024"), digest);

    at("2024-02-13T09:59:00Z");
    assertEquals(new Chasing.Done(0, 0), tickTwice());
    assertEquals("blocked", desk.ticket(id).state().name());

    at("2024-02-13T10:01:00Z");
    assertEquals(new Chasing.Done(0, 1), tickTwice());
    TicketState state = desk.ticket(id).state();
    assertTrue(
        state instanceof TicketState.Closed cl && cl.reason().equals("withdrawn"), "" + state);
    String notice = desk.lastBodyTo(ADA, id);
    assertTrue(notice.contains("has been closed as withdrawn"), notice);
    assertTrue(notice.contains("Nothing was released"), notice);
    String checker = desk.lastBodyTo(ALICE, id);
    assertTrue(checker.contains(id + " was closed as withdrawn"), checker);
    assertEquals(toAda + 2, desk.mailTo(ADA, id).size(), "one notice, once");
    String after = digestText();
    assertTrue(
        after.contains("- " + id + " project 1234567, " + ADA + ", withdrawn Tuesday 13 February"),
        after);
    assertFalse(after.contains("withdrawn on Tuesday 13 February 2024"), after);

    bot.stop();
    bot.start(); // a restart, as a second instance would, finds both done
    assertEquals(new Chasing.Done(0, 0), tickTwice());
  }

  @Test
  void anAnswerStopsTheChaseAndANewBlockStartsItAgain() throws Exception {
    bot = new TestBot(mail, dir, ChasingTest::withDigest);
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#ask which year is this?");
    at("2024-01-22T10:00:00Z");
    desk.say(ADA, id, "It is 2023.");
    assertEquals("queued", desk.ticket(id).state().name());
    at("2024-01-23T10:01:00Z");
    assertEquals(new Chasing.Done(0, 0), tickTwice(), "answered: nothing to chase");
    desk.say(ALICE, id, "#ask and which region?");
    at("2024-01-30T10:00:00Z");
    assertEquals(new Chasing.Done(0, 0), tickTwice(), "counted from the new question, not receipt");
    at("2024-01-30T10:02:00Z");
    assertEquals(new Chasing.Done(1, 0), tickTwice(), "blocked anew: chased five days on");
  }
}
