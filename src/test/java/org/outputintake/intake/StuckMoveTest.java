package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
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
 * A message the IMAP server will not move (it drops the connection on the MOVE, as servers do on a
 * message they cannot handle) is left in the inbox once, recorded and answered once, and never
 * holds the messages around it.
 */
class StuckMoveTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static final String TABLE = "region,n\r\nNorth,120\r\nSouth,240\r\nEast,310\r\n";

  @TempDir Path dir;
  private TestBot bot;
  private MoveRefusingProxy proxy;

  @BeforeEach
  void start() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    bot = new TestBot(mail, dir);
    proxy = new MoveRefusingProxy(mail.getImap().getPort());
    bot.restartWithImapPort(proxy.port());
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    proxy.close();
  }

  @Test
  void
      aMessageTheServerWillNotMove_staysInTheInboxHandledOnce_andTheRequestsAroundItAreAnsweredAndMoved()
          throws Exception {
    bot.deliver(
        Mails.request().messageId("<first@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    bot.deliver(
        Mails.request().messageId("<poison@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    bot.deliver(
        Mails.request().messageId("<last@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    proxy.refuse(2);

    var first = cycle();

    assertTrue(first.complete());
    assertEquals(3, first.processed());
    assertEquals(1, first.stuck());
    assertEquals(2, bot.folderCount("Processed"));
    assertEquals(1, bot.folderCount("INBOX"));
    assertEquals(3, bot.receivedBy(TestBot.ADA).size(), "each request answered");
    int refusals = proxy.refusals();

    for (int i = 0; i < 3; i++) {
      var again = cycle();
      assertEquals(0, again.seen(), "the stuck message is not read again");
      assertEquals(1, again.stuck());
    }
    assertEquals(refusals, proxy.refusals(), "no move retried within the hour");

    bot.clock().advance(Duration.ofMinutes(61));
    bot.cycle();
    assertEquals(refusals + 1, proxy.refusals(), "one retry after an hour");
    assertEquals(1, bot.folderCount("INBOX"));

    bot.restartWithImapPort(proxy.port()); // the stuck list is in the database
    var afterRestart = cycle();
    assertEquals(0, afterRestart.seen(), "a restart does not read the stuck message again");
    assertEquals(1, afterRestart.stuck());
    assertEquals(refusals + 1, proxy.refusals(), "nor retries its move before the hour is up");

    proxy.allowAll();
    bot.clock().advance(Duration.ofMinutes(61));
    bot.cycle();

    assertEquals(0, bot.folderCount("INBOX"));
    assertEquals(3, bot.folderCount("Processed"));
    assertEquals(3, recorded(), "each message recorded once");
    assertEquals(3, bot.tickets().size());
    assertEquals(3, bot.receivedBy(TestBot.ADA).size(), "nothing answered twice");
  }

  @Test
  void aStuckMessageInAFullBatchOfMoves_doesNotHoldTheMessagesAfterIt() throws Exception {
    int count = 27;
    for (int i = 1; i <= count; i++) {
      bot.deliver(Mails.request().messageId("<m" + i + "@probe>").build(bot.session()));
    }
    proxy.refuse(3);

    var poll = bot.app().poller().pollOnce();

    assertTrue(poll.complete());
    assertEquals(count, poll.processed());
    assertEquals(1, poll.stuck());
    assertEquals(count - 1, bot.folderCount("Processed"));
    assertEquals(1, bot.folderCount("INBOX"));
    assertEquals(count, recorded());
    assertEquals(count, bot.tickets().size());
  }

  private InboxPoller.PollResult cycle() throws Exception {
    return bot.app().cycle();
  }

  private int recorded() {
    return bot.app()
        .db()
        .read(
            c -> {
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT count(*) FROM mail_message WHERE direction = 'in'")) {
                return rs.getInt(1);
              }
            });
  }
}
