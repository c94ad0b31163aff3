package org.outputintake.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.IntakeConfig;
import org.outputintake.testing.Mails;
import org.outputintake.testing.SmtpStub;
import org.outputintake.testing.TestBot;

/**
 * Two instances of the bot on one database, sending through one SMTP server: an outage or a refused
 * login one meets makes the other's outbox wait too, so the server sees the attempts of one bot,
 * not of two, and a send that works on either ends the wait for both.
 */
class SharedOutboxPauseTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  private SmtpStub smtp;

  @BeforeEach
  void start() throws Exception {
    smtp = new SmtpStub();
  }

  @AfterEach
  void stop() throws Exception {
    smtp.close();
  }

  @Test
  void anSmtpLoginRefusedToOneInstance_makesTheOthersOutboxWait_andTheWaitsDoubleOnceForBoth()
      throws Exception {
    smtp.acceptLogins(false);
    try (TestBot a = new TestBot(mail, dir.resolve("a"), this::viaStub)) {
      String url = a.config().database().url();
      try (TestBot b =
          new TestBot(mail, dir.resolve("b"), c -> TestBot.onDatabase(viaStub(c), url))) {
        a.deliver(Mails.request().messageId("<one@probe>").build(a.session()));
        a.app().poller().pollOnce();
        OutboxSender outA = a.app().outbox();
        OutboxSender outB = b.app().outbox();

        assertEquals(0, outA.sendDue());
        assertEquals(1, smtp.logins());
        assertEquals(TestBot.NOW.plus(Duration.ofMinutes(1)), outA.pausedUntil());
        // B's first login since its start is tried (a restart applies a corrected secret) ...
        assertEquals(0, outB.sendDue());
        assertEquals(2, smtp.logins());
        assertEquals(
            TestBot.NOW.plus(Duration.ofMinutes(1)),
            outB.pausedUntil(),
            "... and is the same refusal, inside A's wait: not a second doubling");

        advance(a, b, Duration.ofMinutes(1));
        assertEquals(0, outA.sendDue());
        assertEquals(3, smtp.logins());
        assertEquals(TestBot.NOW.plus(Duration.ofMinutes(3)), outA.pausedUntil());
        assertEquals(0, outB.sendDue());
        assertEquals(3, smtp.logins(), "B does not try: A's refusal counts for B");
        assertEquals(TestBot.NOW.plus(Duration.ofMinutes(3)), outB.pausedUntil());

        smtp.acceptLogins(true); // the server now agrees
        advance(a, b, Duration.ofMinutes(2));
        assertEquals(1, outB.sendDue(), "B sends once the wait is over");
        assertEquals(0, outA.sendDue());
        assertEquals(1, smtp.deliveredTo(TestBot.ADA).size(), "sent once");

        smtp.acceptLogins(false);
        a.deliver(Mails.request().messageId("<two@probe>").build(a.session()));
        a.app().poller().pollOnce();
        assertEquals(0, outA.sendDue());
        assertEquals(
            a.clock().instant().plus(Duration.ofMinutes(1)),
            outA.pausedUntil(),
            "B's send reset the shared wait: A's next refusal waits one minute");
      }
    }
  }

  @Test
  void anSmtpOutageOneInstanceMeets_makesTheOthersOutboxWait_andOneSendEndsItForBoth()
      throws Exception {
    smtp.acceptLogins(true);
    smtp.down(true);
    try (TestBot a = new TestBot(mail, dir.resolve("a"), this::viaStub)) {
      String url = a.config().database().url();
      try (TestBot b =
          new TestBot(mail, dir.resolve("b"), c -> TestBot.onDatabase(viaStub(c), url))) {
        a.deliver(Mails.request().build(a.session()));
        a.app().poller().pollOnce();
        OutboxSender outA = a.app().outbox();
        OutboxSender outB = b.app().outbox();

        assertEquals(0, outA.sendDue());
        int tried = smtp.sessions();
        assertEquals(TestBot.NOW.plusSeconds(5), outA.pausedUntil());
        assertEquals(0, outB.sendDue());
        assertEquals(tried, smtp.sessions(), "B waits out the outage A met");
        assertEquals(TestBot.NOW.plusSeconds(5), outB.pausedUntil());

        advance(a, b, Duration.ofSeconds(5));
        assertEquals(0, outB.sendDue());
        assertEquals(2 * tried, smtp.sessions());
        assertEquals(TestBot.NOW.plusSeconds(15), outB.pausedUntil(), "the wait doubles once");
        assertEquals(0, outA.sendDue());
        assertEquals(2 * tried, smtp.sessions(), "A waits out B's second wait");
        assertEquals(TestBot.NOW.plusSeconds(15), outA.pausedUntil());

        smtp.down(false);
        advance(a, b, Duration.ofSeconds(10));
        assertEquals(1, outA.sendDue());
        assertEquals(0, outB.sendDue());
        assertEquals(1, smtp.deliveredTo(TestBot.ADA).size(), "sent once");

        smtp.down(true);
        a.deliver(Mails.request().messageId("<again@probe>").build(a.session()));
        a.app().poller().pollOnce();
        assertEquals(0, outB.sendDue());
        assertEquals(
            b.clock().instant().plusSeconds(5),
            outB.pausedUntil(),
            "A's send ended the outage for both: the next one starts again at 5 s");
      }
    }
  }

  private static void advance(TestBot a, TestBot b, Duration d) {
    a.clock().advance(d);
    b.clock().advance(d);
  }

  private IntakeConfig viaStub(IntakeConfig c) {
    org.outputintake.config.Server s = c.mailbox().smtp();
    return TestBot.withServers(
        c,
        c.mailbox().imap(),
        org.outputintake.config.Server.withoutOAuth2(
            s.host(),
            smtp.port(),
            s.transport(),
            s.username(),
            s.password(),
            s.auth(),
            s.timeout()));
  }
}
