package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.testing.CuttingProxy;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;

/**
 * Faults injected the way production meets them, through the real parts: one message's fault is
 * recorded against it and the poll goes on; a fault of the whole server leaves every message in the
 * inbox for a later poll, with nothing lost and nothing done twice.
 */
class FaultInjectionTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static final String TABLE = "region,n\r\nNorth,120\r\nSouth,240\r\nEast,310\r\n";
  private static final String SUBJECT = "16/01/24 Output request for Project 1234567";

  @TempDir Path dir;
  private TestBot bot;

  @BeforeEach
  void start() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    bot = new TestBot(mail, dir);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void
      brokenMimeAndUnusableSenders_areEachRecordedAgainstTheirMessage_andTheRequestAfterIsAnswered()
          throws Exception {
    String b64 =
        Base64.getMimeEncoder().encodeToString(TABLE.repeat(20).getBytes(StandardCharsets.UTF_8));
    String inner =
        "Content-Type: text/csv\r\nContent-Disposition: attachment; filename=\"deep.csv\"\r\n\r\n"
            + TABLE;
    for (int i = 0; i < 10; i++) {
      inner =
          "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"n"
              + i
              + "\"\r\n\r\n--n"
              + i
              + "\r\nContent-Type: message/rfc822\r\n\r\nSubject: fwd "
              + i
              + "\r\n"
              + inner
              + "\r\n--n"
              + i
              + "--\r\n";
    }
    List<byte[]> broken =
        List.of(
            new byte[0],
            latin1(
                headers("truncated", "ada.lovelace@uni.example.ac.uk")
                    + mixed("t.csv", "Content-Transfer-Encoding: base64\r\n\r\n")
                    + b64.substring(0, 203)),
            latin1(
                headers("unclosed", "ada.lovelace@uni.example.ac.uk")
                    + mixed("t.csv", "\r\n")
                    + TABLE),
            latin1(headers("nested", "ada.lovelace@uni.example.ac.uk") + inner.substring(19)),
            latin1(
                headers("headeronly", "ada.lovelace@uni.example.ac.uk")
                    + mixed("empty.csv", "")
                    + "--b--\r\n"),
            latin1(
                headers("charset", "ada.lovelace@uni.example.ac.uk").replace(SUBJECT, SUBJECT)
                    + "Content-Type: text/plain; charset=\"x-no-such?!\"\r\n\r\ncaf\u00e9\r\n"),
            latin1(
                headers("longheader", "ada.lovelace@uni.example.ac.uk")
                    + "X-Long: "
                    + "a".repeat(100_000)
                    + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n"),
            latin1(
                headers("eightbit", "ada.lovelace@uni.example.ac.uk")
                        .replace(SUBJECT, "caf\u00e9 \u00ff\u0080 " + SUBJECT)
                    + "Content-Type: text/plain\r\n\r\nhello\r\n"),
            latin1(headers("nodomain", "ada") + "Content-Type: text/plain\r\n\r\nhi\r\n"),
            latin1(
                headers("toolong", "x".repeat(300) + "@uni.example.ac.uk")
                    + "Content-Type: text/plain\r\n\r\nhi\r\n"),
            latin1(
                headers("quoted", "\"ada \\\"the\\\" lovelace\"@uni.example.ac.uk")
                    + "Content-Type: text/plain\r\n\r\nhi\r\n"),
            (headers("idn", "ada@universit\u00e4t.example")
                    + "Content-Type: text/plain\r\n\r\nhi\r\n")
                .getBytes(StandardCharsets.UTF_8));
    for (byte[] raw : broken) deliver(raw);
    bot.deliver(
        Mails.request().messageId("<after@probe>").attachCsv("t.csv", TABLE).build(bot.session()));

    var poll = bot.app().poller().pollOnce();

    assertTrue(poll.complete());
    assertEquals(broken.size() + 1, poll.processed() + poll.quarantined());
    assertEquals(0, bot.folderCount("INBOX"));
    int recorded =
        bot.app()
            .db()
            .read(
                c -> {
                  try (var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT count(*) FROM mail_message WHERE direction = 'in'")) {
                    return rs.getInt(1);
                  }
                });
    assertEquals(broken.size() + 1, recorded, "every message is recorded against itself");
    String last = "STATS1000" + bot.tickets().size();
    assertEquals(
        List.of("t.csv"),
        bot.app().db().read(c -> TicketFiles.attachments(c, last)).stream()
            .map(a -> a.originalName())
            .toList());
    var truncated = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        truncated.stream().anyMatch(f -> f.finding().code().equals(MessageNotes.UNREADABLE)),
        truncated.toString());
  }

  @Test
  void aPdfWhoseFormsDrawEachOtherMillionsOfTimes_isAScanErrorOnItsPage_andThePollGoesOn()
      throws Exception {
    bot.deliver(
        Mails.request()
            .messageId("<bomb@probe>")
            .attach("report.pdf", formBomb(7, 10), "application/pdf")
            .build(bot.session()));
    bot.deliver(
        Mails.request().messageId("<after@probe>").attachCsv("t.csv", TABLE).build(bot.session()));

    long started = System.nanoTime();
    var poll = bot.app().poller().pollOnce();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;

    assertTrue(seconds < 30, "the poll took " + seconds + " s");
    assertEquals(2, poll.processed());
    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("SCAN_ERROR")
                        && f.finding().location().equals("page 1")),
        findings.toString());
    assertEquals(2, bot.tickets().size());
  }

  @Test
  void theFileStoreUnwritable_isTheServersFault_theRequestWaitsInTheInbox_andGoesOnceItIsBack()
      throws Exception {
    bot.deliver(
        Mails.request().messageId("<waits@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    Path files = bot.config().storage().dataDir().resolve("files");
    org.outputintake.store.TempFiles.deleteTree(files);
    java.nio.file.Files.createDirectories(files.getParent());
    java.nio.file.Files.writeString(files, "a file where the store's directory should be");

    var down = bot.app().poller().pollOnce();

    assertEquals(0, down.processed() + down.quarantined());
    assertEquals(1, bot.folderCount("INBOX"));
    assertEquals(0, bot.folderCount("Quarantine"));
    assertEquals(0, recorded(), "nothing is recorded against the message");
    bot.app().outbox().sendDue();
    assertEquals(0, bot.receivedBy(TestBot.ADA).size(), "the researcher is not told of our fault");

    java.nio.file.Files.delete(files);
    bot.cycle();

    assertEquals(1, bot.folderCount("Processed"));
    assertEquals(1, bot.tickets().size());
    assertEquals(1, bot.receivedBy(TestBot.ADA).size());
  }

  @Test
  void theImapConnectionCutInTheMiddleOfAFetch_losesNothing_andTheNextPollHandlesEachMessageOnce()
      throws Exception {
    byte[] big = new byte[400_000];
    new java.util.Random(7).nextBytes(big);
    bot.deliver(
        Mails.request().messageId("<first@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    bot.deliver(
        Mails.request()
            .messageId("<big@probe>")
            .attach("model.bin", big, "application/octet-stream")
            .build(bot.session()));
    bot.deliver(
        Mails.request().messageId("<last@probe>").attachCsv("t.csv", TABLE).build(bot.session()));
    try (CuttingProxy proxy = new CuttingProxy(mail.getImap().getPort())) {
      bot.restartWithImapPort(proxy.port());
      proxy.cutAfter(200_000); // inside the second message's body

      assertThrows(MailboxUnavailable.class, () -> bot.app().poller().pollOnce());
      int afterCut = recorded();
      assertTrue(afterCut <= 1, "only what was fetched whole is handled: " + afterCut);

      bot.cycle();
    }

    assertEquals(3, recorded(), "each message recorded once");
    assertEquals(3, bot.folderCount("Processed"));
    assertEquals(0, bot.folderCount("INBOX"));
    assertEquals(3, bot.tickets().size());
    assertEquals(3, bot.receivedBy(TestBot.ADA).size(), "one acknowledgement each, none twice");
  }

  @Test
  void theDatabaseLockedByAnotherProcess_leavesEveryMessageInTheInbox_andTheyGoOnceItIsFree()
      throws Exception {
    bot.close();
    bot =
        new TestBot(
            mail,
            dir,
            c ->
                c.toBuilder()
                    .database(
                        DatabaseSettings.withoutLogin(
                            "jdbc:sqlite:"
                                + dir.resolve("intake.db")
                                + "?journal_mode=WAL&busy_timeout=300&transaction_mode=IMMEDIATE"
                                + "&foreign_keys=true"))
                    .build());
    bot.deliver(Mails.request().messageId("<a@probe>").build(bot.session()));
    bot.deliver(Mails.request().messageId("<b@probe>").build(bot.session()));

    AutoCloseable lock = lockDatabase();
    try {
      assertThrows(RuntimeException.class, () -> bot.app().poller().pollOnce());
    } finally {
      lock.close();
    }
    assertEquals(2, bot.folderCount("INBOX"));
    assertEquals(0, bot.folderCount("Quarantine"));

    bot.app().poller().pollOnce();
    lock = lockDatabase();
    try {
      // a reply goes only once this process has claimed its row, which the lock forbids: nothing
      // is sent that the database could not record as ours
      assertThrows(RuntimeException.class, () -> bot.app().outbox().sendDue());
      assertEquals(0, bot.receivedBy(TestBot.ADA).size());
    } finally {
      lock.close();
    }
    bot.app().outbox().sendDue();

    assertEquals(2, recorded());
    assertEquals(2, bot.tickets().size());
    assertEquals(2, bot.receivedBy(TestBot.ADA).size(), "one acknowledgement each, none twice");
    assertEquals(0, bot.folderCount("INBOX"));
  }

  /** Another process holding SQLite's write lock until closed. */
  private AutoCloseable lockDatabase() throws Exception {
    java.sql.Connection other =
        java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("intake.db"));
    var st = other.createStatement();
    st.execute("BEGIN EXCLUSIVE");
    st.execute("UPDATE mailbox_state SET uid_validity = uid_validity");
    return () -> {
      st.execute("ROLLBACK");
      other.close();
    };
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

  private static String headers(String tag, String from) {
    return "From: "
        + from
        + "\r\nTo: statistical.support@example.org\r\nSubject: "
        + SUBJECT
        + "\r\nMessage-ID: <"
        + tag
        + "@probe>\r\nMIME-Version: 1.0\r\n";
  }

  /** A multipart whose attachment part starts with the given rest of its headers. */
  private static String mixed(String file, String rest) {
    return "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        + "See attached.\r\n--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment;"
        + " filename=\""
        + file
        + "\"\r\n"
        + rest;
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Byte for byte into the inbox, as an MTA would store it, however broken. */
  private void deliver(byte[] raw) throws Exception {
    bot.deliver(new MimeMessage(bot.session(), new ByteArrayInputStream(raw)));
  }

  /**
   * A one-page PDF of a few kilobytes whose forms each draw the one below {@code breadth} times:
   * {@code breadth^depth} text instructions.
   */
  static byte[] formBomb(int depth, int breadth) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDFormXObject below = null;
      for (int i = 0; i <= depth; i++) {
        PDFormXObject form = new PDFormXObject(new PDStream(doc));
        form.setBBox(new PDRectangle(0, 0, 100, 100));
        PDResources resources = new PDResources();
        String content;
        if (below == null) {
          resources.put(
              COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
          content = "BT /F1 12 Tf 10 10 Td (table 1) Tj ET\n";
        } else {
          resources.put(COSName.getPDFName("X"), below);
          content = "/X Do\n".repeat(breadth);
        }
        form.setResources(resources);
        try (var out = form.getContentStream().createOutputStream()) {
          out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        below = form;
      }
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawForm(below);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
