package org.outputintake.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.cli.Main;
import org.outputintake.config.ConfigException;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Sla;
import org.outputintake.store.DbTime;
import org.outputintake.testing.Desk;
import org.outputintake.testing.TestBot;

/**
 * The digest as a manager reads it: what its period covers, what a late ticket says, a long queue,
 * the calendar running out, bounces, and a schedule that cannot work refused at start.
 */
class DigestForManagersTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  static final String MANAGER = "srs-manager@example.org";
  static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";
  static final String WEEKDAYS = "0 0 8 ? * MON-FRI";

  @TempDir Path dir;
  TestBot bot;
  Desk desk;

  static UnaryOperator<IntakeConfig> digests(Sla sla, String cron) {
    return c -> {
      IntakeConfig s = TestBot.withStaff(c);
      return s.toBuilder()
          .sla(sla)
          .digests(
              List.of(
                  new Digest("daily", cron, Duration.ofDays(1), List.of(), Digest.WhenEmpty.SEND)))
          .build();
    };
  }

  void startBot(Sla sla) throws Exception {
    bot = new TestBot(mail, dir, digests(sla, WEEKDAYS));
    desk = new Desk(bot, dir);
  }

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
  }

  private Digest daily() {
    return bot.config().digest("daily").orElseThrow();
  }

  private void moveTo(String instant) {
    bot.clock().advance(Duration.between(bot.clock().instant(), Instant.parse(instant)));
  }

  @Test
  void mondaysDailyDigestReportsWhatHappenedOnFridayAndAtTheWeekend() throws Exception {
    startBot(Sla.DEFAULT);
    bot.app().digests().tick(); // Tuesday 16 January: the schedule starts here
    moveTo("2024-01-19T14:00:00Z"); // Friday afternoon: a request arrives
    desk.request("1234567", TABLE);
    moveTo("2024-01-22T08:00:30Z"); // Monday's 08:00 digest
    bot.app().digests().tick();
    bot.app().outbox().sendDue();

    List<MimeMessage> got = bot.receivedBy(MANAGER);
    assertEquals(1, got.size());
    String text = TestBot.body(got.get(0));
    assertTrue(text.contains("Period: since Fri 19 Jan 2024 08:00."), text);
    assertTrue(text.contains("In the period: 1 received, 0 released, 0 rejected."), text);
  }

  @Test
  void lateTicketsSayByHowMuchLongestOverFirstAndWhoHoldsThem() throws Exception {
    startBot(Sla.DEFAULT);
    String taken = desk.request("1234567", TABLE); // Tuesday 10:00
    desk.say(ALICE, taken, "#take");
    bot.clock().advance(Duration.ofHours(1));
    String waiting = desk.request("1234567", TABLE); // Tuesday 11:00, nobody has taken it
    // Thursday 25 January 10:00: due Tuesday 23 at 10:00 and 11:00, so two and almost two days over
    String text = bot.app().digests().renderText(daily(), Instant.parse("2024-01-25T10:00:00Z"));

    assertTrue(
        text.contains("Held by: nobody (not taken yet) 1; " + ALICE + " 1;"), "holders: " + text);
    int first =
        text.indexOf("- " + taken + " (checking) project 1234567, over by 2.0 working days");
    int second =
        text.indexOf("- " + waiting + " (queued) project 1234567, over by 1.9 working days");
    assertTrue(first > 0 && second > first, "the longest over first: " + text);
  }

  @Test
  void aLongQueueIsCutToAReadableListThatSaysHowManyMoreThereAre() throws Exception {
    startBot(Sla.DEFAULT);
    int n = DigestBuilder.MAX_ROWS + 25;
    bot.app()
        .db()
        .inTransaction(
            c -> {
              try (PreparedStatement t =
                  c.prepareStatement(
                      """
                      INSERT INTO ticket(id, number, project_number, researcher, subject, request_date,
                        state, policy, created_at, updated_at, queued_at)
                      VALUES (?, ?, '1234567', 'ada@uni.example.ac.uk', 'Output request', '2024-01-02',
                        'queued', 'ons-srs', ?, ?, ?)""")) {
                for (int i = 0; i < n; i++) {
                  String at = DbTime.of(Instant.parse("2024-01-02T10:00:00Z").plusSeconds(60L * i));
                  t.setString(1, "STATS" + (20001 + i));
                  t.setLong(2, 20001 + i);
                  t.setString(3, at);
                  t.setString(4, at);
                  t.setString(5, at);
                  t.addBatch();
                }
                t.executeBatch();
              }
              return null;
            });
    String text = bot.app().digests().renderText(daily(), TestBot.NOW);

    assertTrue(text.contains("The queue, in order of receipt (" + n + "):"), text);
    assertTrue(text.contains("  " + DigestBuilder.MAX_ROWS + ". STATS"), text);
    assertFalse(text.contains("  " + (DigestBuilder.MAX_ROWS + 1) + ". STATS"), text);
    assertTrue(text.contains("... and 25 more: 'digest --print --all' lists them all."), text);
    assertTrue(text.contains("Over the service level (" + n + ")"), text);
    assertTrue(text.lines().count() < 4 * DigestBuilder.MAX_ROWS, "readable length: " + text);
    String all = bot.app().digests().renderText(daily(), TestBot.NOW, true);
    assertTrue(all.contains("  " + n + ". STATS" + (20000 + n) + " "), all);
    assertFalse(all.contains("more: 'digest --print --all'"), all);
  }

  @Test
  void theDigestWarnsWhenTheBankHolidaysFileHasRunOut() throws Exception {
    startBot(Sla.DEFAULT);
    String in2026 = bot.app().digests().renderText(daily(), Instant.parse("2026-06-01T07:00:00Z"));
    assertFalse(in2026.contains("WARNING"), in2026);
    // the shipped file lists 2024-2028: in 2029 Christmas would count as a working day
    String in2029 = bot.app().digests().renderText(daily(), Instant.parse("2029-12-03T08:00:00Z"));
    assertTrue(
        in2029.contains("lists no bank holidays for 2029 or 2030 under england-and-wales"), in2029);
  }

  @Test
  void aDigestThatBouncedIsCountedInTheNextDigest() throws Exception {
    startBot(Sla.DEFAULT);
    bot.app().digests().sendNow(daily());
    bot.app().outbox().sendDue();
    String digestId = bot.receivedBy(MANAGER).get(0).getMessageID();
    bot.deliverRaw(
        """
        From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
        To: statistical.support@example.org
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-9@mx.example.org>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Type: text/plain

        Your message could not be delivered.

        --B1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; srs-manager@example.org
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        --B1
        Content-Type: text/rfc822-headers

        From: statistical.support@example.org
        To: srs-manager@example.org
        Message-ID: %s

        --B1--
        """
            .formatted(digestId)
            .replace("\n", "\r\n"));
    bot.cycle();
    bot.clock().advance(Duration.ofHours(1));

    String text = bot.app().digests().renderText(daily(), bot.clock().instant());
    assertTrue(
        text.contains(
            "Reported bounced in the period (a bounce report, unverified, named the recipient; see"
                + " 'outbox list'): 1,"
                + " to srs-manager@example.org"),
        text);
  }

  @Test
  void theNearListIsNamedAfterTheConfiguredReminder() throws Exception {
    startBot(new Sla(null, null, null, null, null, 5, Duration.ofHours(4)));
    desk.request("1234567", TABLE); // due Tuesday 23 January 10:00
    String text = bot.app().digests().renderText(daily(), Instant.parse("2024-01-23T08:00:00Z"));
    assertTrue(text.contains("Due within 4h 00m of working time (1):"), text);
  }

  @Test
  void ticketsWaitingForADataOwnerAreListedWithHowLongTheyHaveWaited() throws Exception {
    startBot(Sla.DEFAULT);
    String id = desk.request("6600001", TABLE); // a for-approval project
    desk.twoPasses(id);
    desk.say(ALICE, id, "#owner"); // Tuesday 16 January 10:00
    String text = bot.app().digests().renderText(daily(), Instant.parse("2024-01-30T10:00:00Z"));

    assertTrue(
        text.contains(
            "With data owners, the clock stopped (1):\n  - "
                + id
                + " project 6600001, waiting 10.0 working days, checkers "
                + ALICE
                + ", "
                + TestBot.BOB),
        text);
    assertTrue(text.contains("Nothing over or near the service level."), text);
  }

  @Test
  void theBreachAlertSaysWhenNobodyHasTakenTheTicket() throws Exception {
    startBot(Sla.DEFAULT);
    String id = desk.request("1234567", TABLE);
    moveTo("2024-01-23T10:30:00Z");
    assertEquals(1, bot.app().reminders().tick());
    bot.app().outbox().sendDue();
    String alert = TestBot.body(bot.receivedBy(MANAGER).get(0));
    assertTrue(alert.contains(id + " is over its service level"), alert);
    assertTrue(alert.contains("Checkers:   nobody has taken it yet"), alert);
  }

  @Test
  void aRequestOfTheWeekendIsAnArrivalOnTheNextWorkingDayInTheChart() throws Exception {
    startBot(Sla.DEFAULT);
    moveTo("2024-01-20T10:00:00Z"); // Saturday
    desk.request("1234567", TABLE);
    Instant monday = Instant.parse("2024-01-22T12:00:00Z");
    QueueChart.Series chart =
        bot.app()
            .db()
            .read(
                c ->
                    new DigestBuilder(new org.outputintake.sla.ServiceLevel(bot.config().sla()))
                        .build(c, daily(), monday.minus(Duration.ofDays(3)), monday)
                        .chart());
    int last = chart.days().size() - 1;
    assertEquals(LocalDate.parse("2024-01-22"), chart.days().get(last));
    assertEquals(1, chart.arrivals().get(last), "Saturday's request arrives on Monday");
    assertEquals(1, chart.arrivals().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void theChartOfAnEmptyQueueCountsWholeRequestsFromZero() {
    List<LocalDate> days = List.of(LocalDate.parse("2024-01-15"), LocalDate.parse("2024-01-16"));
    NumberAxis axis =
        (NumberAxis)
            QueueChart.chart(new QueueChart.Series(days, List.of(0, 0), List.of(0, 0)))
                .getCategoryPlot()
                .getRangeAxis();
    assertEquals(0.0, axis.getLowerBound());
    assertTrue(axis.getUpperBound() >= 1.0, "room for a request: " + axis.getUpperBound());
    assertEquals(
        NumberAxis.createIntegerTickUnits().getClass(), axis.getStandardTickUnits().getClass());
    assertEquals(1.0, axis.getStandardTickUnits().getCeilingTickUnit(0.3).getSize());
  }

  @Test
  void aScheduleThatCannotWorkIsRefusedAtStartWithWhatToWrite() throws Exception {
    // the daemon's start (IntakeApp.create): 30 February never comes
    ConfigException never =
        assertThrows(
            ConfigException.class,
            () -> new TestBot(mail, dir, digests(Sla.DEFAULT, "0 0 8 30 2 ?")));
    assertTrue(never.getMessage().contains("never fires"), never.getMessage());
    assertTrue(never.getMessage().contains("\"0 0 8 ? * MON-FRI\""), never.getMessage());

    assertRefused("0 0 8 ? * MON-FRI 2020", "never fires");
    assertRefused("* * * ? * *", "fires every second; a digest goes out at most once an hour");
    assertRefused("0 */5 * ? * *", "fires every 5 minutes");
    assertRefused("0 8 * * 1-5", "5 fields, where Quartz needs 6 or 7, seconds first");
    assertRefused("0 0 8 * * MON-FRI", "day-of-week AND a day-of-month");
  }

  private void assertRefused(String cron, String expected) throws Exception {
    String err = refusal("digests:\n  - { name: daily, cron: \"" + cron + "\" }\n", expected);
    assertTrue(err.contains("digests.daily.cron is '" + cron + "'"), err);
  }

  @Test
  void aReminderWithoutAUnitIsRefusedRatherThanReadAsSeconds() throws Exception {
    String err = refusal("sla: { reminder-before: 1 }\n", "with no unit");
    assertTrue(err.contains("sla.reminder-before is '1'"), err);
    assertTrue(err.contains("write e.g. 1d (one working day) or 4h"), err);
  }

  /** Runs {@code digest --print} with this configuration; expects exit 2 and {@code expected}. */
  private String refusal(String yaml, String expected) throws Exception {
    Path config = dir.resolve("intake.yaml");
    Files.writeString(
        config,
        "database: { url: \"jdbc:sqlite:"
            + dir.resolve("cli.db")
            + "\" }\n"
            + "storage: { data-dir: \""
            + dir.resolve("data")
            + "\" }\n"
            + yaml);
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute("digest", "--print", "--config", config.toString());
    assertEquals(2, code, yaml + ": " + err);
    assertTrue(err.toString().contains(expected), yaml + ": " + err);
    return err.toString();
  }
}
