package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketFiles;

/**
 * The MIME faults real-world test messages showed (issue 13), each through the bot end to end
 * (GreenMail).
 */
class RealWorldMimeTest extends BotTest {
  private static final String TABLE = "region,n\r\nNorth,120\r\nSouth,240\r\nEast,310\r\n";
  private static final String HEADERS =
      "From: Ada Lovelace <ada.lovelace@uni.example.ac.uk>\r\n"
          + "To: statistical.support@example.org\r\n"
          + "Subject: 16/01/24 Output request for Project 1234567\r\n"
          + "MIME-Version: 1.0\r\n";

  @Test
  void boundaryGivenInRfc2231Form_getsATicketWithItsFile_notQuarantine() throws Exception {
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <rfc2231@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/mixed; boundary*=us-ascii''b%3D1\r\n\r\n"
            + "--b=1\r\nContent-Type: text/plain\r\n\r\nPlease check my table.\r\n"
            + "--b=1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"table1.csv\"\r\n\r\n"
            + TABLE
            + "\r\n--b=1--\r\n");

    bot.cycle();

    assertEquals(0, bot.folderCount("Quarantine"));
    assertEquals(1, bot.tickets().size());
    assertEquals(List.of("table1.csv"), attachmentNames("STATS10001"));
  }

  @Test
  void attachmentWithNoBlankLineAfterItsHeaders_isStoredWhole() throws Exception {
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <noblank@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"table1.csv\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + Base64.getMimeEncoder()
                .encodeToString(TABLE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "\r\n--b1--\r\n");

    bot.cycle();

    var files = bot.app().db().read(c -> TicketFiles.attachments(c, "STATS10001"));
    assertEquals(1, files.size());
    assertEquals(TABLE.length(), files.get(0).size());
  }

  @Test
  void partThatCannotBeDecoded_isNotStoredEmpty_andIsAFindingTheResearcherIsTold()
      throws Exception {
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <undecodable@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"table1.csv\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n!!!! **** ????\r\n--b1--\r\n");

    bot.cycle();

    assertTrue(attachmentNames("STATS10001").isEmpty());
    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals(MessageNotes.UNREADABLE)
                        && f.finding().message().contains("table1.csv")),
        findings.toString());
    String ack = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(ack.contains(MessageNotes.UNREADABLE), ack);
  }

  @Test
  void signedRequest_recordsTheSignatureAsSuch_neverAsAFile() throws Exception {
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <signed@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"s\"\r\n\r\n"
            + "--s\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
            + "--m\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--m\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"table1.csv\"\r\n\r\n"
            + TABLE
            + "\r\n--m--\r\n"
            + "--s\r\nContent-Type: application/pkcs7-signature; name=\"smime.p7s\"\r\n"
            + "Content-Disposition: attachment; filename=\"smime.p7s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==\r\n--s--\r\n");

    bot.cycle();

    assertEquals(List.of("table1.csv"), attachmentNames("STATS10001"));
    var audit = bot.app().db().read(c -> AuditLog.forTicket(c, "STATS10001"));
    assertTrue(
        audit.stream()
            .anyMatch(
                e ->
                    e.type().equals("email-received")
                        && e.detail().contains("signed")
                        && e.detail().contains("smime.p7s")),
        audit.toString());
    assertFalse(TestBot.body(bot.receivedBy(TestBot.ADA).get(0)).contains("smime.p7s"));
  }

  @Test
  void multipartWithNoBoundary_isReadAsText_notQuarantined() throws Exception {
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <noboundary@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/mixed\r\n\r\nPlease check my outputs.\r\n");

    bot.cycle();

    assertEquals(0, bot.folderCount("Quarantine"));
    assertEquals(1, bot.tickets().size());
  }

  @Test
  void reusedMessageIdOnADifferentEmail_isProcessedAsItsOwnMessage_andTheReuseAudited()
      throws Exception {
    String first =
        HEADERS
            + "Message-ID: <same@uni.example.ac.uk>\r\nContent-Type: text/plain\r\n\r\nFirst.\r\n";
    String second =
        HEADERS
                .replace("Project 1234567", "Project 2345678")
                .replace("ada.lovelace@uni.example.ac.uk", "grace.hopper@lab.example.org")
            + "Message-ID: <same@uni.example.ac.uk>\r\nContent-Type: text/plain\r\n\r\nSecond, different.\r\n";
    bot.deliverRaw(first);
    bot.cycle();
    bot.deliverRaw(second);
    bot.cycle();

    assertEquals(2, bot.tickets().size());
    assertEquals(1, bot.receivedBy("grace.hopper@lab.example.org").size());
    var audit = bot.app().db().read(AuditLog::all);
    assertTrue(
        audit.stream()
            .anyMatch(
                e -> e.type().equals("message-id-reused") && "STATS10002".equals(e.ticketId())),
        audit.toString());
  }

  @Test
  void sameEmailRelayedWithDifferentTraceHeaders_isADuplicate() throws Exception {
    String body =
        HEADERS
            + "Message-ID: <relayed@uni.example.ac.uk>\r\nContent-Type: text/plain\r\n\r\nHello.\r\n";
    bot.deliverRaw(
        "Received: from mx1.example.org by mx.example.org; Tue, 16 Jan 2024 10:00:00 +0000\r\n"
            + "X-Spam-Score: 0.1\r\n"
            + body);
    bot.cycle();
    bot.deliverRaw(
        "Received: from mx2.example.org by mx.example.org; Tue, 16 Jan 2024 10:05:00 +0000\r\n"
            + "Delivered-To: statistical.support@example.org\r\nX-Spam-Score: 0.3\r\n"
            + body);
    bot.cycle();

    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
    assertEquals(2, bot.folderCount("Processed"));
  }

  @Test
  void emailRecordedBeforeContentDigestsWereKept_isStillADuplicateOfItsMessageId()
      throws Exception {
    bot.app()
        .db()
        .inTransaction(
            c -> {
              try (var ps =
                  c.prepareStatement(
                      """
          INSERT INTO mail_message(message_key, message_id, direction, classification, disposition, at)
          VALUES ('<old@uni.example.ac.uk>', '<old@uni.example.ac.uk>', 'in', 'request', 'processed',
          '2024-01-15T10:00:00.000000Z')""")) {
                ps.executeUpdate();
              }
              return null;
            });
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <old@uni.example.ac.uk>\r\nContent-Type: text/plain\r\n\r\nHello.\r\n");

    bot.cycle();

    assertTrue(bot.tickets().isEmpty());
    assertEquals(1, bot.folderCount("Processed"));
  }

  @Test
  void imageInsideMultipartRelatedThatTheHtmlDoesNotShow_isAFile() throws Exception {
    String png =
        Base64.getMimeEncoder()
            .encodeToString(
                new byte[] {
                  (byte) 0x89,
                  'P',
                  'N',
                  'G',
                  '\r',
                  '\n',
                  0x1a,
                  '\n',
                  0,
                  0,
                  0,
                  13,
                  'I',
                  'H',
                  'D',
                  'R'
                });
    bot.deliverRaw(
        HEADERS
            + "Message-ID: <related@uni.example.ac.uk>\r\n"
            + "Content-Type: multipart/related; boundary=\"r\"\r\n\r\n"
            + "--r\r\nContent-Type: text/html\r\n\r\n<p>My chart is attached.</p><img src=\"cid:logo@uni\">\r\n"
            + "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@uni>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + png
            + "\r\n"
            + "--r\r\nContent-Type: image/png\r\nContent-ID: <chart@uni>\r\nContent-Disposition: inline\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + png
            + "\r\n"
            + "--r\r\nContent-Type: image/png; name=\"figure1.png\"\r\nContent-ID: <fig@uni>\r\n"
            + "Content-Disposition: attachment; filename=\"figure1.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + png
            + "\r\n--r--\r\n");

    bot.cycle();

    assertEquals(List.of("chart@uni", "figure1.png"), attachmentNames("STATS10001"));
  }

  private List<String> attachmentNames(String ticketId) {
    return bot.app().db().read(c -> TicketFiles.attachments(c, ticketId)).stream()
        .map(TicketFiles.StoredAttachment::originalName)
        .toList();
  }
}
