package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.outputintake.app.IntakeApp;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.SmtpMailSender;
import org.outputintake.reply.Outbox;
import org.outputintake.store.RawStore;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/** The whole intake path through a real IMAP/SMTP server (GreenMail) and a real SQLite file. */
class IntakePipelineTest extends BotTest {
  @Test
  void goodRequest_opensTicketAndSendsAcknowledgementThreadedUnderTheStatsId() throws Exception {
    MimeMessage request =
        Mails.request()
            .messageId("<req-1@uni.example.ac.uk>")
            .attachCsv("table1.csv", "region,n\nNorth,120\nSouth,240\n")
            .build(bot.session());
    bot.deliver(request);

    bot.cycle();

    List<Ticket> tickets = bot.tickets();
    assertEquals(1, tickets.size());
    assertEquals("STATS10001", tickets.get(0).id().toString());
    assertEquals("1234567", tickets.get(0).projectNumber());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(1, replies.size());
    MimeMessage ack = replies.get(0);
    assertEquals("[STATS10001] 16/01/24 Output request for Project 1234567", ack.getSubject());
    assertEquals("<req-1@uni.example.ac.uk>", ack.getHeader("In-Reply-To")[0]);
    assertTrue(ack.getHeader("References")[0].contains("<req-1@uni.example.ac.uk>"));
    assertEquals("auto-replied", ack.getHeader("Auto-Submitted")[0]);
    String body = TestBot.body(ack);
    assertTrue(body.contains("STATS10001"), body);
    assertTrue(body.contains("table1.csv"), body);
    assertTrue(body.contains("keep the ticket reference"), body);
    assertEquals(0, bot.folderCount("INBOX"));
    assertEquals(1, bot.folderCount("Processed"));
  }

  @Test
  void ticketNumbersIncreaseFromTheConfiguredFirstNumber() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.deliver(
        Mails.request()
            .subject("2024-01-16 Output request for Project 1234567")
            .build(bot.session()));
    bot.cycle();
    assertEquals(
        List.of("STATS10001", "STATS10002"),
        bot.tickets().stream().map(t -> t.id().toString()).toList());
  }

  @Test
  void badSubject_getsTheFormatExplainedWithAnExample_andNoTicket() throws Exception {
    bot.deliver(Mails.request().subject("Request for output").build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(1, replies.size());
    String body = TestBot.body(replies.get(0));
    assertTrue(body.contains("[SUBJECT_FORMAT]"), body);
    assertTrue(body.contains("Output request for Project 1234567"), body);
    assertFalse(replies.get(0).getSubject().contains("STATS"));
  }

  @Test
  void subjectVariants_areAcceptedThroughTheMailPath() throws Exception {
    for (String s :
        List.of(
            "RE: [EXTERNAL] 16/01/2024 output request for project #1234567",
            "Fwd:  16 January 2024   Output Request for Project 1234567",
            "16 Jan 2024 OUTPUT REQUEST FOR PROJECT 1234567")) {
      bot.deliver(Mails.request().subject(s).build(bot.session()));
    }
    bot.cycle();
    assertEquals(3, bot.tickets().size());
  }

  @Test
  void impossibleOrFutureDate_isNamedInTheReply() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("31/02/24 Output request for Project 1234567")
            .build(bot.session()));
    bot.deliver(
        Mails.request()
            .subject("16/01/25 Output request for Project 1234567")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String all = bot.receivedBy(TestBot.ADA).stream().map(TestBot::body).reduce("", String::concat);
    assertTrue(all.contains("[SUBJECT_DATE_INVALID]"), all);
    assertTrue(all.contains("[SUBJECT_DATE_FUTURE]"), all);
  }

  @Test
  void aTicketIdInTheSubjectOfSomeoneNotOnTheTicket_isNotStoredThere_theyAreAnswered()
      throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    bot.deliver(
        Mails.request()
            .from("someone.else@example.com")
            .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
            .body("A question")
            .build(bot.session()));
    bot.cycle();
    assertEquals(1, bot.tickets().size());
    var emails = bot.app().db().read(c -> MailLog.forTicket(c, "STATS10001"));
    assertEquals(1, emails.size(), "a typed tag alone puts nothing on a stranger's ticket");
    // the subject reads as a request for a project they are not named on: refused, and told so
    var replies = bot.receivedBy("someone.else@example.com");
    assertEquals(1, replies.size());
    assertTrue(TestBot.body(replies.get(0)).contains("NOT_NAMED_RESEARCHER"));
  }

  @Test
  void replyWithoutTheTag_butInReplyToOurAcknowledgement_isStoredOnTheSameTicket()
      throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    String ackId = bot.receivedBy(TestBot.ADA).get(0).getMessageID();
    bot.deliver(Mails.request().subject("Thanks").inReplyTo(ackId).build(bot.session()));
    bot.cycle();
    assertEquals(1, bot.tickets().size());
    assertEquals(2, bot.app().db().read(c -> MailLog.forTicket(c, "STATS10001")).size());
  }

  @Test
  void sameMessageDeliveredTwice_opensOneTicket_andSendsOneReply() throws Exception {
    MimeMessage m = Mails.request().messageId("<dup@uni.example.ac.uk>").build(bot.session());
    bot.deliver(m);
    bot.deliver(m);
    bot.cycle();
    bot.cycle();
    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    assertEquals(2, bot.folderCount("Processed"));
  }

  @Test
  void smtpDownDuringProcessing_replyIsDeliveredExactlyOnceWhenItReturns() throws Exception {
    bot.stop();
    AtomicInteger failures = new AtomicInteger(3);
    SmtpMailSender real =
        new SmtpMailSender(bot.config().mailbox().smtp(), TestBot.SUPPORT, bot.clock());
    bot.startWith(
        m -> {
          if (failures.getAndDecrement() > 0)
            throw new jakarta.mail.MessagingException("Connection refused");
          real.send(m);
        });
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    assertEquals(1, bot.tickets().size());
    assertEquals(0, bot.receivedBy(TestBot.ADA).size());
    for (int i = 0; i < 6; i++) {
      bot.clock().advance(java.time.Duration.ofMinutes(16));
      bot.app().outbox().sendDue();
    }
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    var rows = bot.app().db().read(Outbox::all);
    assertEquals(1, rows.size());
    assertEquals(
        1,
        rows.get(0).attempts(),
        "an outage counts against no reply: one attempt, the successful one");
    assertEquals(Outbox.Status.SENT, rows.get(0).status());
  }

  @Test
  void restartBetweenCommitAndImapMove_createsNoDuplicateTicketOrReply() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    // process the message as the poller would, then "crash" before moving it out of the inbox
    IntakeService intake = new IntakeService(bot.app().context());
    try (ImapMailbox box =
        new ImapMailbox(
            bot.config().mailbox(),
            org.outputintake.mail.MailLogin.of(
                bot.config().mailbox().imap(), "mailbox.imap", java.time.Clock.systemUTC()))) {
      box.open();
      long uid = box.pendingUids().get(0);
      intake.handle(box.download(uid, new RawStore(dir.resolve("raw"))));
    }
    bot.stop();
    assertEquals(1, bot.folderCount("INBOX"));

    bot.start();
    bot.cycle();

    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    assertEquals(0, bot.folderCount("INBOX"));
    assertEquals(1, bot.folderCount("Processed"));
  }

  @Test
  void
      unparseableMessage_isQuarantinedWithItsReason_itsHeadersRecorded_andTheNextMessageIsStillProcessed()
          throws Exception {
    bot.deliverRaw(
        "From: Ada <ada.lovelace@uni.example.ac.uk>\r\n"
            + "To: statistical.support@example.org\r\n"
            + "Subject: 16/01/24 Output request for Project 1234567\r\n"
            + "Message-ID: <broken@uni.example.ac.uk>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain\r\n"
            + "X-Padding: "
            + "y".repeat(1_100_000)
            + "\r\n"
            + "\r\nhello\r\n");
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    assertEquals(1, bot.folderCount("Quarantine"));
    assertEquals(1, bot.folderCount("Processed"));
    assertEquals(1, bot.tickets().size());
    var quarantined = bot.app().db().read(c -> MailLog.withDisposition(c, "quarantined"));
    assertEquals(1, quarantined.size());
    MailLog.Entry q = quarantined.get(0);
    assertTrue(q.reason().contains("header"), q.reason());
    assertEquals("<broken@uni.example.ac.uk>", q.messageKey());
    assertEquals(TestBot.ADA, q.sender());
    assertEquals("16/01/24 Output request for Project 1234567", q.subject());
    assertTrue(
        bot.receivedBy(TestBot.ADA).stream()
            .anyMatch(r -> TestBot.body(r).contains("could not process")),
        "the sender gets the polite note");
  }

  @Test
  void autoReplyAndBounce_getNoReply_butAreStored() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("Automatic reply: away")
            .header("Auto-Submitted", "auto-replied")
            .build(bot.session()));
    bot.deliver(
        Mails.request()
            .from("MAILER-DAEMON@mx.example.org")
            .subject("Undelivered Mail Returned to Sender")
            .build(bot.session()));
    bot.deliver(
        Mails.request()
            .subject("Re: [STATS10001] out of office")
            .header("Precedence", "bulk")
            .build(bot.session()));
    bot.cycle();
    assertTrue(mail.getReceivedMessages().length == 3, "only the three inbound messages exist");
    assertEquals(3, bot.folderCount("Processed"));
    assertEquals(0, bot.receivedBy(TestBot.ADA).size());
  }

  @Test
  void repliesToOneSender_areCappedPerHour() throws Exception {
    for (int i = 0; i < 12; i++) {
      bot.deliver(Mails.request().subject("hello " + i).build(bot.session()));
    }
    bot.cycle();
    assertEquals(10, bot.receivedBy(TestBot.ADA).size());
  }

  @Test
  void closingAProjectInTheRegistry_closesItsOpenTickets_andTellsTheResearcher() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    bot.writeRegistry(
        TestBot.REGISTRY.replace(
            "1234567,Energy use modelling,live", "1234567,Energy use modelling,closed"));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Closed, t.state().toString());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(2, replies.size());
    assertTrue(TestBot.body(replies.get(1)).contains("closed"));
    assertTrue(replies.get(1).getSubject().startsWith("[STATS10001]"));
  }

  @Test
  void givenTheImapServerIsUnreachable_thenPollsFailWithoutHarm_andTheNextPollCatchesUp()
      throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    int imapPort = bot.config().mailbox().imap().port();
    int dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    bot.restartWithImapPort(dead);

    assertThrows(org.outputintake.mail.MailboxUnavailable.class, bot::cycle);
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(IntakeApp.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    log.addAppender(logged);
    try {
      bot.app().start(); // the scheduled daemon meets the outage too, and keeps going
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  logged.list.stream()
                      .anyMatch(e -> e.getFormattedMessage().startsWith("IMAP poll failed")));
    } finally {
      log.detachAppender(logged);
    }
    assertEquals(0, bot.tickets().size());
    assertEquals(1, bot.folderCount("INBOX"));

    bot.restartWithImapPort(imapPort);
    bot.cycle();

    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    assertEquals(0, bot.folderCount("INBOX"));
  }
}
