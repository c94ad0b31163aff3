package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Server;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;

/**
 * {@code mailboxes:} (issue 23): one bot serves an outputs mailbox and an ingests-and-transfers
 * mailbox, two users of one mail server. Each answers from its own address, and a request sent to
 * the mailbox that does not take its kind is answered with the address that does.
 */
class SeveralMailboxesTest extends BotTest {
  private static final String INGESTS = "srs.ingests@example.org";
  private TestBot two;

  @BeforeEach
  void twoMailboxes() throws Exception {
    bot.close();
    mail.setUser(INGESTS, "ingests", "secret");
    two = new TestBot(mail, dir.resolve("two"), SeveralMailboxesTest::split);
    bot = two;
  }

  /** The test bot's mailbox for outputs only, and a second login for ingests and transfers. */
  private static IntakeConfig split(IntakeConfig c) {
    Mailbox first = c.mailbox();
    Server imap = first.imap();
    Server smtp = first.smtp();
    Mailbox outputs = new Mailbox(first.address(), imap, smtp, first.folders(), List.of("output"));
    Mailbox ingests =
        new Mailbox(
            INGESTS,
            new Server(
                imap.host(),
                imap.port(),
                false,
                false,
                "ingests",
                "secret",
                "password",
                imap.timeout()),
            new Server(
                smtp.host(),
                smtp.port(),
                false,
                false,
                "ingests",
                "secret",
                "password",
                smtp.timeout()),
            first.folders(),
            List.of("ingest", "transfer"));
    return c.toBuilder().mailboxes(List.of(outputs, ingests)).build();
  }

  private void deliverToIngests(MimeMessage m) {
    mail.getUserManager().getUser("ingests").deliver(m);
  }

  private static String from(MimeMessage m) throws Exception {
    return m.getFrom()[0].toString();
  }

  @Test
  void oneBot_servesBothMailboxes_eachAnsweringFromItsOwnAddress() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    deliverToIngests(
        Mails.request()
            .subject("16/01/24 Ingest request for Project 1234567")
            .attachCsv("codes.csv", "code,label\n1,a\n")
            .build(bot.session()));
    bot.cycle();
    List<Ticket> tickets = bot.tickets();
    assertEquals(
        List.of(RequestKind.OUTPUT, RequestKind.INGEST),
        tickets.stream().map(Ticket::kind).toList());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(2, replies.size());
    for (MimeMessage r : replies) {
      String body = TestBot.body(r);
      String expectedFrom = body.contains("ingest request") ? INGESTS : TestBot.SUPPORT;
      assertTrue(from(r).contains(expectedFrom), from(r) + " for " + r.getSubject());
    }
    assertEquals(2, bot.app().pollers().size());
    assertEquals("ingests@127.0.0.1/INBOX", bot.app().pollers().get(1).mailboxKey());
  }

  @Test
  void aRequestToTheWrongMailbox_isAnsweredWithTheAddressThatTakesIt_andOpensNoTicket()
      throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Ingest request for Project 1234567")
            .attachCsv("codes.csv", "code,label\n1,a\n")
            .build(bot.session()));
    deliverToIngests(Mails.request().build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(2, replies.size());
    for (MimeMessage r : replies) {
      String body = TestBot.body(r);
      assertTrue(body.contains("[WRONG_MAILBOX]"), body);
      if (from(r).contains(INGESTS)) {
        assertTrue(body.contains("Please send your output request to " + TestBot.SUPPORT), body);
      } else {
        assertTrue(body.contains("Please send your ingest request to " + INGESTS), body);
      }
    }
  }

  @Test
  void theSubjectHelp_offersOnlyTheKindsTheMailboxTakes() throws Exception {
    deliverToIngests(Mails.request().subject("some files please").build(bot.session()));
    bot.cycle();
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("This mailbox accepts ingest requests and transfer requests"), body);
    assertTrue(!body.contains("Output request for Project"), body);
  }
}
