package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * A refused login is not tried again at every poll (which can lock the account on the server): it
 * waits 1, 2, 4 ... minutes; a login that works resets the wait, and a restart tries at once.
 */
class RefusedLoginTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;

  @Test
  void aRefusedImapLogin_waitsOneMinuteThenTwo_aLoginThatWorksResetsIt_andARestartTriesAtOnce()
      throws Exception {
    try (TestBot bot = new TestBot(mail, dir, imapPassword("Wrong-Passw0rd"))) {
      var poller = bot.app().poller();
      MailboxUnavailable refused = assertThrows(MailboxUnavailable.class, poller::pollOnce);
      assertTrue(refused.loginRefused(), refused.getMessage());
      assertEquals(TestBot.NOW.plus(Duration.ofMinutes(1)), poller.loginBackoff().retryAt());

      assertFalse(poller.pollOnce().complete(), "no login tried within the minute");
      bot.clock().advance(Duration.ofMinutes(1));
      assertThrows(MailboxUnavailable.class, poller::pollOnce);
      assertEquals(
          TestBot.NOW.plus(Duration.ofMinutes(3)),
          poller.loginBackoff().retryAt(),
          "the second refusal waits two minutes");
      bot.clock().advance(Duration.ofMinutes(1));
      assertFalse(poller.pollOnce().complete(), "still waiting");

      mail.setUser(TestBot.SUPPORT, "support", "Wrong-Passw0rd"); // the server now agrees
      bot.clock().advance(Duration.ofMinutes(1));
      assertTrue(poller.pollOnce().complete());
      assertEquals(Instant.MIN, poller.loginBackoff().retryAt(), "a login that works resets it");

      mail.setUser(TestBot.SUPPORT, "support", "rotated");
      poller.disconnect();
      assertThrows(MailboxUnavailable.class, poller::pollOnce);
      assertEquals(
          bot.clock().instant().plus(Duration.ofMinutes(1)),
          poller.loginBackoff().retryAt(),
          "after a reset the wait starts at one minute again");

      bot.stop();
      bot.start();
      assertThrows(
          MailboxUnavailable.class, bot.app().poller()::pollOnce, "a restart tries at once");
    }
  }

  /**
   * The IDLE watcher and the poll share one back-off: when both logins started before either was
   * refused, the two refusals are one wait and one warning, not two in the same millisecond.
   */
  @Test
  void aPollAndAnIdleLoginRefusedTogether_logOneWarningAndWaitOneMinute() throws Exception {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.outputintake.backoff.LoginBackoff.class);
    var logged =
        new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    logged.start();
    logger.addAppender(logged);
    try (TestBot bot = new TestBot(mail, dir, imapPassword("Wrong-Passw0rd"))) {
      var poller = bot.app().poller();
      var backoff = poller.loginBackoff();
      assertTrue(backoff.mayTry(), "the IDLE watcher starts its login");
      assertThrows(MailboxUnavailable.class, poller::pollOnce);
      backoff.refused("IMAP login refused for support"); // the IDLE watcher's answer comes in

      assertEquals(TestBot.NOW.plus(Duration.ofMinutes(1)), backoff.retryAt());
      assertEquals(
          1,
          logged.list.stream()
              .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
              .count(),
          logged.list.toString());
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void aRefusedSmtpLogin_holdsTheOutboxOneMinuteThenTwo_andSendsOnceTheLoginWorks()
      throws Exception {
    try (TestBot bot = new TestBot(mail, dir, smtpPassword("Wrong-Smtp-Passw0rd"))) {
      bot.deliver(Mails.request().build(bot.session()));
      bot.app().poller().pollOnce();
      var outbox = bot.app().outbox();

      assertEquals(0, outbox.sendDue());
      assertEquals(TestBot.NOW.plus(Duration.ofMinutes(1)), outbox.pausedUntil());
      bot.clock().advance(Duration.ofSeconds(59));
      assertEquals(0, outbox.sendDue());
      assertEquals(TestBot.NOW.plus(Duration.ofMinutes(1)), outbox.pausedUntil(), "not tried");
      bot.clock().advance(Duration.ofSeconds(1));
      assertEquals(0, outbox.sendDue());
      assertEquals(TestBot.NOW.plus(Duration.ofMinutes(3)), outbox.pausedUntil());

      mail.setUser(TestBot.SUPPORT, "support", "Wrong-Smtp-Passw0rd");
      bot.clock().advance(Duration.ofMinutes(2));
      assertEquals(1, outbox.sendDue());
      assertEquals(Instant.MIN, outbox.pausedUntil());
      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    }
  }

  private static UnaryOperator<IntakeConfig> imapPassword(String password) {
    return c ->
        TestBot.withServers(
            c, TestBot.withPassword(c.mailbox().imap(), password), c.mailbox().smtp());
  }

  private static UnaryOperator<IntakeConfig> smtpPassword(String password) {
    return c ->
        TestBot.withServers(
            c, c.mailbox().imap(), TestBot.withPassword(c.mailbox().smtp(), password));
  }
}
