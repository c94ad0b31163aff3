package org.outputintake.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.cli.Main;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * {@code digest --send} run by a manager while the bot runs on the same database: the command line
 * sends the digest it queued, once, and never another row of the outbox, which is the running bot's
 * to send.
 */
class DigestSendBesideTheBotTest extends DeskTest {
  @Test
  void digestSend_sendsOnlyTheDigest_once_andLeavesTheBotsRowsToTheBot() throws Exception {
    // the bot has read a researcher's email and queued its answer, not yet sent
    bot.deliver(Mails.request().subject("Request for output").build(bot.session()));
    bot.app().poller().pollOnce();
    Path config = dir.resolve("manager.yaml");
    Files.writeString(
        config,
        "mailbox:\n"
            + "  smtp: { host: 127.0.0.1, port: "
            + mail.getSmtp().getPort()
            + ", username: \"\" }\n"
            + "database: { url: \""
            + bot.config().database().url()
            + "\" }\n"
            + "storage: { data-dir: \""
            + bot.config().storage().dataDir()
            + "\" }\n"
            + "projects: { registry: \""
            + bot.config().projects().registry()
            + "\" }\n");

    java.io.StringWriter out = new java.io.StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(out));
    int exit = cl.execute("digest", "--send", "--name", "daily", "--config", config.toString());
    assertEquals(0, exit, out.toString());

    assertEquals(
        0, bot.receivedBy(TestBot.ADA).size(), "the bot's own row was not sent by the CLI");
    List<MimeMessage> digests = bot.receivedBy(TestBot.MANAGER);
    assertEquals(1, digests.size(), out.toString());

    bot.app().outbox().sendDue();
    assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "the bot sends its row, once");
    assertEquals(1, bot.receivedBy(TestBot.MANAGER).size(), "the digest is not sent again");
    assertTrue(out.toString().contains("1 sent now"), out.toString());
  }
}
