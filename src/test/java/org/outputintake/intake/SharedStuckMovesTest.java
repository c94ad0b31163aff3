package org.outputintake.intake;

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
import org.outputintake.testing.Mails;
import org.outputintake.testing.MoveRefusingProxy;
import org.outputintake.testing.TestBot;

/**
 * Two instances of the bot on one database and one mailbox, and a message the IMAP server will not
 * move: the move one instance could not make is recorded for both, so the other does not read the
 * message again, the move is retried once an hour by one of them, and a restart keeps it.
 */
class SharedStuckMovesTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  private MoveRefusingProxy proxy;

  @BeforeEach
  void start() throws Exception {
    proxy = new MoveRefusingProxy(mail.getImap().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
  }

  @Test
  void aMoveStuckForOneInstance_isSkippedByTheOther_retriedOnceAnHourByOne_andSurvivesARestart()
      throws Exception {
    try (TestBot a = new TestBot(mail, dir.resolve("a"))) {
      a.restartWithImapPort(proxy.port());
      String url = a.config().database().url();
      try (TestBot b = new TestBot(mail, dir.resolve("b"), c -> TestBot.onDatabase(c, url))) {
        b.restartWithImapPort(proxy.port());
        a.deliver(Mails.request().messageId("<poison@probe>").build(a.session()));
        proxy.refuse(1);

        var first = a.app().poller().pollOnce();
        assertEquals(1, first.processed());
        assertEquals(1, first.stuck());
        int refusals = proxy.refusals();

        var other = b.app().poller().pollOnce();
        assertEquals(0, other.seen(), "B does not read again the message A could not move");
        assertEquals(1, other.stuck());
        assertEquals(refusals, proxy.refusals(), "nor tries its move within the hour");

        a.clock().advance(Duration.ofMinutes(61));
        b.clock().advance(Duration.ofMinutes(61));
        b.app().poller().pollOnce();
        a.app().poller().pollOnce();
        assertEquals(refusals + 1, proxy.refusals(), "retried once after the hour, not by both");

        a.restartWithImapPort(proxy.port());
        var afterRestart = a.app().poller().pollOnce();
        assertEquals(0, afterRestart.seen(), "the record survives a restart");
        assertEquals(1, afterRestart.stuck());
        assertEquals(refusals + 1, proxy.refusals());

        proxy.allowAll();
        a.clock().advance(Duration.ofMinutes(61));
        b.clock().advance(Duration.ofMinutes(61));
        assertEquals(0, a.app().poller().pollOnce().stuck(), "moved at last");
        assertEquals(0, b.app().poller().pollOnce().seen());
        assertEquals(0, a.folderCount("INBOX"));
        assertEquals(1, a.folderCount("Processed"));
        assertEquals(1, a.tickets().size(), "handled once");
        a.app().outbox().sendDue();
        b.app().outbox().sendDue();
        assertEquals(1, a.receivedBy(TestBot.ADA).size(), "answered once");
      }
    }
  }
}
