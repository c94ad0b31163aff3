package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.MoveRefusingProxy;
import org.outputintake.testing.TestBot;

/**
 * A message whose download the IMAP server refuses (a {@code NO} to the FETCH, the connection kept,
 * as a server answers for a message it holds corrupt) is tried at three polls, counted in the
 * database across a restart, then moved unread to quarantine and listed by {@code status}; it never
 * holds the requests around it.
 */
class UnreadableMessageTest extends BotTest {
  private static final String TABLE = "region,n\r\nNorth,120\r\nSouth,240\r\nEast,310\r\n";

  private MoveRefusingProxy proxy;

  @BeforeEach
  void throughAProxy() throws Exception {
    proxy = new MoveRefusingProxy(mail.getImap().getPort());
    bot.restartWithImapPort(proxy.port());
  }

  @AfterEach
  void closeProxy() throws Exception {
    proxy.close();
  }

  @Test
  void aMessageTheServerWillNotHandOver_isTriedAtThreePolls_thenQuarantinedUnread_andListed()
      throws Exception {
    bot.deliver(
        Mails.request().messageId("<first@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    bot.deliver(
        Mails.request()
            .messageId("<corrupt@probe>")
            .attachCsv("t.csv", TABLE)
            .build(bot.session()));
    bot.deliver(
        Mails.request().messageId("<last@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    proxy.refuseFetch(2);

    bot.cycle();

    assertTrue(proxy.fetchesRefused() >= 1, "the proxy refused the download");
    assertEquals(2, bot.folderCount("Processed"), "the requests around it are handled");
    assertEquals(1, bot.folderCount("INBOX"));
    assertEquals(2, bot.receivedBy(TestBot.ADA).size(), "both answered");

    bot.restartWithImapPort(proxy.port()); // the count is in the database, not the process
    bot.cycle();
    assertEquals(1, bot.folderCount("INBOX"), "a second refusal: still tried again");
    assertEquals(0, bot.folderCount("Quarantine"));

    bot.cycle();

    assertEquals(0, bot.folderCount("INBOX"), "the third refusal sends it on");
    assertEquals(1, bot.folderCount("Quarantine"), "unread, where a person can open it");
    int refused = proxy.fetchesRefused();
    bot.cycle();
    assertEquals(refused, proxy.fetchesRefused(), "not fetched again");
    assertEquals(2, bot.tickets().size(), "it opened nothing");

    CommandLineTest.Run status =
        CommandLineTest.run(
            "status", "--config", bot.cliConfig(dir.resolve("cli.yaml")).toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(
        status.out().contains("Messages left for a person (in the mail server):"), status.out());
    assertTrue(status.out().contains(" UID 2: sent unread to quarantine at "), status.out());
    assertTrue(
        status.out().contains("refused its download 3 times (the server handed over nothing"),
        status.out());
  }

  @Test
  void aMessageRefusedOnceThatComesDownLater_isHandledAndItsCountForgotten() throws Exception {
    bot.deliver(
        Mails.request().messageId("<flaky@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    proxy.refuseFetch(1);
    bot.cycle();
    bot.cycle();
    assertEquals(1, bot.folderCount("INBOX"));

    proxy.allowAll();
    bot.cycle();

    assertEquals(1, bot.folderCount("Processed"));
    assertEquals(1, bot.tickets().size());
    CommandLineTest.Run status =
        CommandLineTest.run(
            "status", "--config", bot.cliConfig(dir.resolve("cli.yaml")).toString());
    assertTrue(status.out().contains("Messages left for a person: none"), status.out());
    int rows =
        bot.app()
            .db()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement().executeQuery("SELECT count(*) FROM fetch_failure")) {
                    return rs.next() ? rs.getInt(1) : -1;
                  }
                });
    assertEquals(0, rows, "a message that came down whole has no count left");
  }
}
