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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.testing.TestBot;

/**
 * Two instances of the bot on one database and one mailbox account: a refused login met by one
 * makes the other wait too, so the server sees the attempts of one bot, not of two.
 */
class SharedBackoffTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;

  @Test
  void aLoginRefusedToOneInstance_makesTheOtherWait_andTheWaitsDoubleOnceForBoth()
      throws Exception {
    try (TestBot a = new TestBot(mail, dir.resolve("a"), imapPassword("Wrong-Passw0rd"))) {
      String url = a.config().database().url();
      try (TestBot b =
          new TestBot(
              mail,
              dir.resolve("b"),
              c -> onDatabase(imapPassword("Wrong-Passw0rd").apply(c), url))) {
        var pollA = a.app().poller();
        var pollB = b.app().poller();
        assertTrue(assertThrows(MailboxUnavailable.class, pollA::pollOnce).loginRefused());
        // B's first login since its start is tried (a restart applies a corrected secret) ...
        assertThrows(MailboxUnavailable.class, pollB::pollOnce);
        assertEquals(
            TestBot.NOW.plus(Duration.ofMinutes(1)),
            pollB.loginBackoff().retryAt(),
            "... and is the same refusal, inside A's wait: not a second doubling");

        a.clock().advance(Duration.ofMinutes(1));
        b.clock().advance(Duration.ofMinutes(1));
        assertThrows(MailboxUnavailable.class, pollA::pollOnce);
        assertEquals(TestBot.NOW.plus(Duration.ofMinutes(3)), pollA.loginBackoff().retryAt());
        assertFalse(pollB.pollOnce().complete(), "B does not try: A's refusal counts for B");
        assertEquals(
            TestBot.NOW.plus(Duration.ofMinutes(3)),
            pollB.loginBackoff().retryAt(),
            "B waits out A's second wait");

        mail.setUser(TestBot.SUPPORT, "support", "Wrong-Passw0rd"); // the server now agrees
        a.clock().advance(Duration.ofMinutes(2));
        b.clock().advance(Duration.ofMinutes(2));
        assertTrue(pollB.pollOnce().complete(), "B logs in once the wait is over");
        mail.setUser(TestBot.SUPPORT, "support", "rotated");
        pollA.disconnect();
        assertThrows(MailboxUnavailable.class, pollA::pollOnce);
        assertEquals(
            a.clock().instant().plus(Duration.ofMinutes(1)),
            pollA.loginBackoff().retryAt(),
            "B's login that worked reset the shared wait: A's next refusal waits one minute");
      }
    }
  }

  private static UnaryOperator<IntakeConfig> imapPassword(String password) {
    return c ->
        TestBot.withServers(
            c, TestBot.withPassword(c.mailbox().imap(), password), c.mailbox().smtp());
  }

  private static IntakeConfig onDatabase(IntakeConfig c, String url) {
    return c.toBuilder().database(DatabaseSettings.withoutLogin(url)).build();
  }
}
