package org.outputintake.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.cli.Main;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Sla;
import org.outputintake.testing.Desk;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;

/**
 * Managers' digests and the service level, end to end through GreenMail with a clock the test
 * moves.
 */
class ManagersDigestTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  static final String MANAGER = "srs-manager@example.org";
  static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";

  @TempDir Path dir;
  TestBot bot;
  Desk desk;

  static IntakeConfig withDigests(IntakeConfig c) {
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

  void startBot() throws Exception {
    bot = new TestBot(mail, dir, ManagersDigestTest::withDigests);
    desk = new Desk(bot, dir);
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
  }

  @Test
  void theAcknowledgementStatesTheQueuePositionAndTheDayToHearBack() throws Exception {
    startBot();
    String first = desk.request("1234567", TABLE);
    String ack = desk.lastBodyTo(ADA, first);
    // received Tuesday 16 January 10:00: five working days of 09:00-17:00 end on Tuesday 23 January
    // 10:00
    assertTrue(ack.contains("Your request is number 1 in the queue."), ack);
    assertTrue(ack.contains("You should hear from us by Tuesday 23 January 2024."), ack);
    String second = desk.request("1234567", TABLE);
    assertTrue(
        desk.lastBodyTo(ADA, second).contains("number 2 in the queue"),
        desk.lastBodyTo(ADA, second));
    String note = desk.lastBodyTo(TestBot.OFFICERS_LIST, second);
    assertTrue(note.contains("Due:        Tue 23 Jan 2024 10:00"), note);
  }

  @Test
  void aDigestThatFellDueWhileTheBotWasDownArrivesOnceWithItsChartAndTextPart() throws Exception {
    startBot();
    desk.request("1234567", TABLE);
    bot.app().digests().tick(); // the first start: the schedule counts from here
    bot.stop();
    bot.clock()
        .advance(
            Duration.ofHours(22).plusMinutes(30)); // Wednesday 08:30: the 08:00 digest was missed
    bot.start();
    bot.app().digests().tick();
    bot.app().digests().tick();
    bot.app().outbox().sendDue();
    bot.stop();
    bot.start();
    bot.app().digests().tick();
    bot.app().outbox().sendDue();

    List<MimeMessage> digests = bot.receivedBy(MANAGER);
    assertEquals(1, digests.size(), "sent once, whatever the restarts and ticks");
    MimeMessage d = digests.get(0);
    assertTrue(
        d.getSubject()
            .startsWith(
                "Output checking digest (daily), Wednesday 17 January 2024: 1 in the queue"),
        d.getSubject());
    assertTrue(d.getContentType().startsWith("multipart/alternative"), d.getContentType());
    Multipart alternative = (Multipart) d.getContent();
    String text = (String) alternative.getBodyPart(0).getContent();
    assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(text.contains("The queue, in order of receipt (1):"), text);
    assertTrue(text.contains("1. STATS10001 project 1234567, " + ADA), text);
    assertTrue(text.contains("In the period: 1 received, 0 released, 0 rejected."), text);
    assertTrue(!text.contains("Open:") && !text.contains("[output]"), "only outputs: " + text);
    Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
    String html = (String) related.getBodyPart(0).getContent();
    BodyPart chart = related.getBodyPart(1);
    assertTrue(chart.isMimeType("image/png"), chart.getContentType());
    String cid = chart.getHeader("Content-ID")[0].replaceAll("[<>]", "");
    assertTrue(html.contains("src=\"cid:" + cid + "\""), html);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    chart.getDataHandler().writeTo(png);
    assertTrue(
        new String(png.toByteArray(), 1, 3, StandardCharsets.US_ASCII).equals("PNG"),
        "a PNG image");

    bot.clock().advance(Duration.ofDays(1)); // Thursday 08:30: the next one
    bot.app().digests().tick();
    bot.app().outbox().sendDue();
    assertEquals(2, bot.receivedBy(MANAGER).size());
  }

  @Test
  void aDigestOfEveryKindCountsEachAndNamesTheKindBesideTheId() throws Exception {
    startBot();
    String output = desk.request("1234567", TABLE);
    String ingest = desk.request("1234567", TABLE);
    String transfer = desk.request("1234567", TABLE);
    desk.asKind(ingest, RequestKind.INGEST, null);
    desk.asKind(transfer, RequestKind.TRANSFER, "7654321");
    desk.say(ALICE, transfer, "#take");
    bot.app().digests().tick(); // the schedule starts here, Tuesday 16 January
    // Thursday 25 January 08:30: all three were due on Tuesday 23 January
    bot.clock().advance(Duration.between(TestBot.NOW, Instant.parse("2024-01-25T08:30:00Z")));
    bot.app().digests().tick();
    bot.app().outbox().sendDue();

    List<MimeMessage> digests = bot.receivedBy(MANAGER);
    assertEquals(1, digests.size());
    Multipart alternative = (Multipart) digests.get(0).getContent();
    String text = (String) alternative.getBodyPart(0).getContent();
    assertTrue(text.contains("  queued: 2 (output 1, ingest 1)"), text);
    assertTrue(text.contains("  checking: 1 (transfer 1)"), text);
    assertTrue(text.contains("Open: 3 (output 1, ingest 1, transfer 1)"), text);
    assertTrue(text.contains("    output: 1 open, 1 over the service level, 0 due within"), text);
    assertTrue(text.contains("    ingest: 1 open, 1 over the service level, 0 due within"), text);
    assertTrue(text.contains("    transfer: 1 open, 1 over the service level, 0 due within"), text);
    assertTrue(text.contains("1. " + output + " [output] project 1234567"), text);
    assertTrue(text.contains("2. " + ingest + " [ingest] project 1234567"), text);
    assertTrue(text.contains("    - " + transfer + " [transfer] (checking) project"), text);
    Multipart related = (Multipart) alternative.getBodyPart(1).getContent();
    String html = (String) related.getBodyPart(0).getContent();
    assertTrue(html.contains("<td>" + ingest + " [ingest]</td>"), html);
    assertTrue(html.contains("<tr><td>transfer</td><td>1</td><td>1</td><td>0</td></tr>"), html);
  }

  @Test
  void anIngestOverTheServiceLevelIsAlertedWithItsKind() throws Exception {
    startBot();
    String id = desk.request("1234567", TABLE);
    desk.asKind(id, RequestKind.INGEST, null);
    desk.say(ALICE, id, "#take");
    bot.clock().advance(Duration.between(TestBot.NOW, Instant.parse("2024-01-23T10:30:00Z")));
    assertEquals(1, bot.app().reminders().tick(), "ingests run on the same clock");
    bot.app().outbox().sendDue();
    List<MimeMessage> toManager = bot.receivedBy(MANAGER);
    assertEquals(1, toManager.size());
    assertEquals(
        "Over the service level: " + id + " [ingest], project 1234567",
        subject(toManager.get(0)).replaceFirst("^.*?Over", "Over"));
    String body = TestBot.body(toManager.get(0));
    assertTrue(body.startsWith(id + " [ingest] is over its service level"), body);
  }

  @Test
  void remindersBeforeAndAtBreachArriveOnce() throws Exception {
    startBot();
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    bot.clock().advance(Duration.between(TestBot.NOW, Instant.parse("2024-01-22T09:00:00Z")));
    assertEquals(
        0, bot.app().reminders().tick(), "nine working hours left: more than a working day");
    bot.clock().advance(Duration.ofHours(2));
    assertEquals(1, bot.app().reminders().tick());
    assertEquals(0, bot.app().reminders().tick());
    bot.app().outbox().sendDue();
    List<MimeMessage> toAlice =
        desk.mailTo(ALICE, id).stream().filter(m -> subject(m).contains("Due soon")).toList();
    assertEquals(1, toAlice.size(), "the checker is reminded once");
    assertTrue(
        TestBot.body(toAlice.get(0)).contains("Tue 23 Jan 2024 10:00"),
        TestBot.body(toAlice.get(0)));
    assertTrue(bot.receivedBy(MANAGER).isEmpty(), "managers hear only at breach");

    bot.clock().advance(Duration.ofHours(23).plusMinutes(30)); // Tuesday 23 January 10:30
    bot.stop();
    bot.start();
    assertEquals(1, bot.app().reminders().tick());
    assertEquals(0, bot.app().reminders().tick());
    bot.app().outbox().sendDue();
    List<MimeMessage> toManager = bot.receivedBy(MANAGER);
    assertEquals(1, toManager.size());
    assertTrue(
        subject(toManager.get(0)).contains("Over the service level: " + id),
        subject(toManager.get(0)));
    assertEquals(
        1, desk.mailTo(ALICE, id).stream().filter(m -> subject(m).contains("Due soon")).count());
  }

  @Test
  void digestPrintRendersTheTextDigestAtTheGivenTime() throws Exception {
    startBot();
    desk.request("1234567", TABLE);
    Path config = dir.resolve("intake.yaml");
    Files.writeString(
        config,
        "database: { url: \""
            + bot.config().database().url()
            + "\" }\n"
            + "storage: { data-dir: \""
            + dir.resolve("data")
            + "\" }\n"
            + "projects: { registry: \""
            + dir.resolve("projects.csv")
            + "\" }\n");
    java.io.StringWriter out = new java.io.StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(out));
    int code =
        cl.execute(
            "digest",
            "--print",
            "--at",
            "2024-01-17T08:00",
            "--name",
            "daily",
            "--config",
            config.toString());
    assertEquals(0, code, out.toString());
    assertTrue(
        out.toString().contains("Output checking digest (daily), Wed 17 Jan 2024 08:00"),
        out.toString());
    assertTrue(out.toString().contains("1. STATS10001 project 1234567"), out.toString());
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
