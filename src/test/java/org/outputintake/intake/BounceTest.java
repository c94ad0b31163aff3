package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.reply.Outbox;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;

/**
 * Delivery status notifications for our replies come home: the reply is marked bounced, nothing is
 * answered.
 */
class BounceTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;

  private TestBot bot;
  private String ackId;

  @BeforeEach
  void requestAcknowledged() throws Exception {
    bot = new TestBot(mail, dir);
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    List<MimeMessage> acks = bot.receivedBy(TestBot.ADA);
    assertEquals(1, acks.size());
    ackId = acks.get(0).getMessageID();
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aStandardDeliveryStatusNotificationMarksTheReplyBouncedAndIsNeverAnswered()
      throws Exception {
    bot.deliverRaw(
        """
        From: Mail Delivery System <MAILER-DAEMON@mx.uni.example.ac.uk>
        To: statistical.support@example.org
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-1@mx.uni.example.ac.uk>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.

        --B1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.uni.example.ac.uk

        Final-Recipient: rfc822; ada.lovelace@uni.example.ac.uk
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        --B1
        Content-Type: text/rfc822-headers

        From: Output Intake <statistical.support@example.org>
        To: ada.lovelace@uni.example.ac.uk
        Message-ID: %s
        Subject: [STATS10001] 16/01/24 Output request for Project 1234567

        --B1--
        """
            .formatted(ackId)
            .replace("\n", "\r\n"));
    int sentBefore = mail.getReceivedMessages().length;
    bot.cycle();

    Outbox.Entry ack = bot.app().db().read(Outbox::all).get(0);
    assertEquals(Outbox.Status.BOUNCED, ack.status());
    assertTrue(ack.lastError().contains("5.1.1"), ack.lastError());
    assertEquals(1, bot.tickets().size(), "a bounce opens no ticket");
    assertEquals(sentBefore, mail.getReceivedMessages().length, "a bounce is never answered");
    assertTrue(
        bot.app().db().read(c -> AuditLog.forTicket(c, "STATS10001")).stream()
            .anyMatch(e -> e.type().equals("email-bounced")),
        "the bounce is on the ticket's audit trail");
    assertEquals(
        "bounce",
        bot.app().db().read(c -> MailLog.forTicket(c, "STATS10001")).stream()
            .map(MailLog.Entry::classification)
            .filter("bounce"::equals)
            .findFirst()
            .orElse("none"));
  }

  @Test
  void anExchangeNonDeliveryReportWithTheOriginalAttachedIsMatchedByItsMessageId()
      throws Exception {
    bot.deliverRaw(
        """
        From: Microsoft Outlook <postmaster@uni.example.ac.uk>
        To: statistical.support@example.org
        Subject: Undeliverable: [STATS10001] 16/01/24 Output request for Project 1234567
        Message-ID: <ndr-7@uni.example.ac.uk>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="NDR"

        --NDR
        Content-Type: text/plain

        Delivery has failed to these recipients or groups:
        ada.lovelace@uni.example.ac.uk
        The email address you entered couldn't be found.

        --NDR
        Content-Type: message/rfc822

        From: Output Intake <statistical.support@example.org>
        To: ada.lovelace@uni.example.ac.uk
        Message-ID: %s
        Subject: [STATS10001] 16/01/24 Output request for Project 1234567

        Thank you for your request.
        --NDR--
        """
            .formatted(ackId)
            .replace("\n", "\r\n"));
    int sentBefore = mail.getReceivedMessages().length;
    bot.cycle();

    assertEquals(Outbox.Status.BOUNCED, bot.app().db().read(Outbox::all).get(0).status());
    assertEquals(sentBefore, mail.getReceivedMessages().length);
  }

  @Test
  void aGmailStyleBounceWithOnlyXFailedRecipientsIsMatchedToTheLatestReplyToThatAddress()
      throws Exception {
    bot.deliverRaw(
        """
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: statistical.support@example.org
        Subject: Delivery Status Notification (Failure)
        Message-ID: <gm-1@mail.gmail.com>
        X-Failed-Recipients: ada.lovelace@uni.example.ac.uk
        Content-Type: text/plain

        Address not found. Your message wasn't delivered to ada.lovelace@uni.example.ac.uk because the address
        couldn't be found.
        """
            .replace("\n", "\r\n"));
    bot.cycle();

    assertEquals(Outbox.Status.BOUNCED, bot.app().db().read(Outbox::all).get(0).status());
    assertEquals(1, bot.tickets().size());
  }

  /**
   * A report quoting our reply's Message-ID but naming someone else as the failed recipient is no
   * bounce of that reply; one that names its recipient is kept as reported, not as fact.
   */
  @Test
  void aForgedReportNamingAnotherRecipient_doesNotMarkTheReply_andABounceIsShownAsReported()
      throws Exception {
    String report =
        """
        From: Mail Delivery System <MAILER-DAEMON@evil.example>
        To: statistical.support@example.org
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <%s@evil.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; evil.example

        Final-Recipient: rfc822; %s
        Action: failed
        Status: 5.1.1

        --B1
        Content-Type: text/rfc822-headers

        Message-ID: %s

        --B1--
        """;
    bot.deliverRaw(report.formatted("forged", "someone@evil.example", ackId).replace("\n", "\r\n"));
    bot.cycle();
    assertEquals(Outbox.Status.SENT, bot.app().db().read(Outbox::all).get(0).status());

    bot.deliverRaw(report.formatted("named", TestBot.ADA, ackId).replace("\n", "\r\n"));
    bot.cycle();
    Outbox.Entry ack = bot.app().db().read(Outbox::all).get(0);
    assertEquals(Outbox.Status.BOUNCED, ack.status());
    assertTrue(ack.lastError().startsWith("bounce reported by m***@evil.example"), ack.lastError());
  }
}
