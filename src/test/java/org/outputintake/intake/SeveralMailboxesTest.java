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
            Server.withoutOAuth2(
                imap.host(),
                imap.port(),
                Server.Transport.PLAIN,
                "ingests",
                "secret",
                "password",
                imap.timeout()),
            Server.withoutOAuth2(
                smtp.host(),
                smtp.port(),
                Server.Transport.PLAIN,
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

  /** The same two mailboxes with the officers of {@link TestBot#STAFF}. */
  private org.outputintake.testing.Desk staffed() throws Exception {
    bot.close();
    two = new TestBot(mail, dir.resolve("staffed"), c -> split(TestBot.withStaff(c)));
    bot = two;
    return new org.outputintake.testing.Desk(bot, dir);
  }

  private static String subjectOf(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<MimeMessage> about(String address, String ticketId) {
    return bot.receivedBy(address).stream()
        .filter(m -> subjectOf(m).contains("[" + ticketId + "]"))
        .toList();
  }

  @Test
  void staffMailAboutATicket_leavesFromTheMailboxItsRequestCameTo() throws Exception {
    staffed();
    deliverToIngests(
        Mails.request()
            .subject("16/01/24 Ingest request for Project 1234567")
            .attachCsv("codes.csv", "code,label\n1,a\n")
            .build(bot.session()));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertEquals(INGESTS, t.mailbox(), "the ticket records the mailbox its request came to");
    // the officer writes to the first mailbox; the ticket's answers still come from the ingests
    // one, so the thread stays with the mailbox the ticket belongs to
    bot.deliver(
        Mails.request()
            .from(TestBot.ALICE)
            .subject("[" + t.idText() + "] about this one")
            .body("#note the codes look fine")
            .messageId("<note1@example.org>")
            .build(bot.session()));
    bot.cycle();
    List<MimeMessage> toAlice = about(TestBot.ALICE, t.idText());
    assertTrue(!toAlice.isEmpty(), "Alice's #note is confirmed");
    for (MimeMessage m : toAlice)
      assertTrue(from(m).contains(INGESTS), from(m) + " for " + m.getSubject());
    for (MimeMessage m : about(TestBot.OFFICERS_LIST, t.idText()))
      assertTrue(from(m).contains(INGESTS), from(m) + " for " + m.getSubject());
    for (MimeMessage m : about(TestBot.ADA, t.idText()))
      assertTrue(from(m).contains(INGESTS), from(m) + " for " + m.getSubject());
  }

  @Test
  void aVerdictCopiedToAnotherOfTheBotsMailboxes_isNotCopiedToAPerson_andAnsweredOnce()
      throws Exception {
    org.outputintake.testing.Desk desk = staffed();
    String id = desk.request("1234567", "region,n\nNorth,30\nSouth,240\nEast,120\n");
    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.BOB, id, "#take");
    int before = bot.receivedBy(TestBot.ALICE).size();
    MimeMessage last = desk.lastTo(TestBot.ALICE, id);
    // Alice's reply-all reaches both of the bot's mailboxes: the same email twice
    java.util.function.Supplier<MimeMessage> pass =
        () -> {
          try {
            return Mails.request()
                .from(TestBot.ALICE)
                .subject("Re: " + last.getSubject())
                .inReplyTo(last.getMessageID())
                .header("Cc", INGESTS)
                .body("#pass looks fine")
                .messageId("<pass1@example.org>")
                .build(bot.session());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    bot.deliver(pass.get());
    deliverToIngests(pass.get());
    bot.cycle();
    bot.cycle();
    List<MimeMessage> toAlice = bot.receivedBy(TestBot.ALICE);
    assertEquals(before + 1, toAlice.size(), "one confirmation, no answer to the copy");
    String confirmation = TestBot.body(toAlice.get(toAlice.size() - 1));
    assertTrue(confirmation.contains("is recorded"), confirmation);
    assertTrue(
        !confirmation.contains("WARNING: your email was also sent to"),
        "the bot's own ingests mailbox is not a person who read the verdict: " + confirmation);
  }

  private String scrape(String path) throws Exception {
    int port = bot.app().operationsPort().orElseThrow();
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void theMetrics_countRequestsAndPollsByMailbox() throws Exception {
    bot.close();
    two =
        new TestBot(
            mail,
            dir.resolve("metrics"),
            c -> {
              IntakeConfig s = split(c);
              return s.toBuilder().server(org.outputintake.config.ServerSettings.on(0)).build();
            });
    bot = two;
    deliverToIngests(
        Mails.request()
            .subject("16/01/24 Ingest request for Project 1234567")
            .attachCsv("codes.csv", "code,label\n1,a\n")
            .build(bot.session()));
    bot.app().start();
    String ingests = "{mailbox=\"" + INGESTS + "\"}";
    String support = "{mailbox=\"" + TestBot.SUPPORT + "\"}";
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> scrape("/metrics").contains("intake_requests_received_total" + ingests + " 1.0"));
    String m = scrape("/metrics");
    assertTrue(m.contains("intake_requests_received_total" + support + " 0.0"), m);
    assertTrue(m.contains("intake_poll_latency_seconds_count" + ingests), m);
    assertTrue(m.contains("intake_poll_latency_seconds_count" + support), m);
    assertTrue(m.contains("intake_poll_failures_total" + ingests + " 0.0"), m);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> scrape("/health").startsWith("ok"));
    String health = scrape("/health");
    assertTrue(health.contains("inbox poll ingests@127.0.0.1/INBOX: last succeeded"), health);
    assertTrue(health.contains("inbox poll support@127.0.0.1/INBOX: last succeeded"), health);
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
