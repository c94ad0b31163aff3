package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.Server;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.Database;
import org.outputintake.testing.SmtpStub;
import org.outputintake.testing.TestBot;

/**
 * The outbox through the real SMTP adapter against a server that refuses some recipients and some
 * messages.
 */
class OutboxOverRealSmtpTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");

  @TempDir Path dir;

  private Database db;
  private SmtpStub smtp;
  private final TestBot.MutableClock clock = TestBot.MutableClock.at(T0);

  @BeforeEach
  void open() throws Exception {
    db = Database.open("jdbc:sqlite:" + dir.resolve("intake.db"));
    smtp = new SmtpStub();
  }

  @AfterEach
  void close() throws Exception {
    smtp.close();
    db.close();
  }

  @Test
  void a550ForOneRecipientMakesThatReplyADeadLetterWhileTheOthersGoThrough() {
    smtp.replyToRcpt("gone@uni.example.ac.uk", "550 5.1.1 <gone@uni.example.ac.uk>: no such user");
    enqueue("<1@x>", "ada@uni.example.ac.uk");
    enqueue("<2@x>", "gone@uni.example.ac.uk");
    enqueue("<3@x>", "alan@uni.example.ac.uk");

    assertEquals(2, sender(smtp.port()).sendDue());

    assertEquals(1, smtp.deliveredTo("ada@uni.example.ac.uk").size());
    assertEquals(1, smtp.deliveredTo("alan@uni.example.ac.uk").size());
    List<Outbox.Entry> dead = db.read(Outbox::failed);
    assertEquals(List.of("<2@x>"), dead.stream().map(e -> e.mail().messageId()).toList());
    assertTrue(dead.get(0).lastError().contains("550"), dead.get(0).lastError());
  }

  @Test
  void aDeadLetterKeepsTheServersOwnReason_notTheMailLibrarysSummary() {
    smtp.replyToRcpt(
        "srs-officers@example.org", "554 5.7.1 <srs-officers@example.org>: Relay access denied");
    enqueue("<1@x>", "srs-officers@example.org");

    sender(smtp.port()).sendDue();

    Outbox.Entry dead = db.read(Outbox::failed).get(0);
    assertTrue(dead.lastError().contains("Relay access denied"), dead.lastError());
    assertTrue(dead.lastError().startsWith("recipient refused (554)"), dead.lastError());
  }

  @Test
  void a452ForOneRecipientIsRetriedLaterWithoutHoldingOthersAndGoesWhenItClears() {
    smtp.replyToRcpt("full@uni.example.ac.uk", "452 4.2.2 mailbox full");
    enqueue("<1@x>", "full@uni.example.ac.uk");
    enqueue("<2@x>", "ada@uni.example.ac.uk");
    OutboxSender sender = sender(smtp.port());

    assertEquals(1, sender.sendDue());
    assertEquals(1, smtp.deliveredTo("ada@uni.example.ac.uk").size());
    assertEquals(Outbox.Status.PENDING, db.read(Outbox::all).get(0).status());

    smtp.replyToRcpt("full@uni.example.ac.uk", null);
    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, sender.sendDue());
    assertEquals(1, smtp.deliveredTo("full@uni.example.ac.uk").size());
    assertEquals(Outbox.Status.SENT, db.read(Outbox::all).get(0).status());
  }

  @Test
  void aMessageRefusedAfterDataAsTooLargeIsADeadLetterAndTheNextGoes() {
    smtp.replyToData(
        data ->
            data.contains("Subject: huge") ? "552 5.3.4 message size exceeds fixed limit" : null);
    enqueue(
        new OutgoingMail(
            "<1@x>",
            null,
            "acknowledgement",
            "ada@uni.example.ac.uk",
            null,
            "huge",
            "b",
            null,
            null,
            null));
    enqueue("<2@x>", "alan@uni.example.ac.uk");

    assertEquals(1, sender(smtp.port()).sendDue());
    assertEquals(1, smtp.deliveredTo("alan@uni.example.ac.uk").size());
    assertTrue(db.read(Outbox::failed).get(0).lastError().contains("552"));
  }

  @Test
  void aReplyWhoseAttachmentIsGoneIsADeadLetterAndTheNextGoes() {
    enqueue(
        new OutgoingMail(
            "<1@x>",
            null,
            "release",
            "ada@uni.example.ac.uk",
            null,
            "s",
            "b",
            null,
            null,
            List.of(
                new OutgoingMail.FileRef("table.csv", dir.resolve("missing.csv"), "text/csv"))));
    enqueue("<2@x>", "alan@uni.example.ac.uk");

    assertEquals(1, sender(smtp.port()).sendDue());
    assertTrue(db.read(Outbox::failed).get(0).lastError().contains("no longer in the store"));
  }

  @Test
  void addressesTheLibraryRefusesNeverStallTheQueue() {
    List<String> hostile =
        List.of(
            "broken<@uni.example.ac.uk",
            "a\r\nbcc: x@evil.example@uni.example.ac.uk",
            "x".repeat(70) + "@uni.example.ac.uk",
            "nodomain@",
            "@nolocal.example",
            "two@at@example.org",
            "sp ace@x.org",
            "émile@uni.example.ac.uk",
            "a@b",
            "\u0000@x.org");
    int i = 0;
    for (String h : hostile) enqueue("<h" + i++ + "@x>", h);
    enqueue("<good@x>", "ada@uni.example.ac.uk");

    assertEquals(1, sender(smtp.port()).sendDue());
    assertEquals(1, smtp.deliveredTo("ada@uni.example.ac.uk").size());
    assertEquals(
        hostile.size(),
        db.read(Outbox::failed).size(),
        "every hostile row is a dead letter, none pending");
  }

  @Test
  void theServerDownForAWhileThenBackDeliversEveryReplyOnce() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    enqueue("<1@x>", "ada@uni.example.ac.uk");
    enqueue("<2@x>", "alan@uni.example.ac.uk");
    OutboxSender down = sender(deadPort);
    assertEquals(0, down.sendDue());
    assertEquals(T0.plusSeconds(5), down.pausedUntil());
    assertEquals(0, db.read(Outbox::all).get(0).attempts(), "an outage counts against no reply");

    OutboxSender back = sender(smtp.port());
    assertEquals(2, back.sendDue());
    assertEquals(2, smtp.delivered().size());
    assertEquals(0, back.sendDue());
  }

  private OutboxSender sender(int port) {
    Server server =
        Server.withoutOAuth2(
            "127.0.0.1",
            port,
            Server.Transport.PLAIN,
            null,
            null,
            "password",
            Duration.ofSeconds(5));
    return new OutboxSender(
        db,
        new SmtpMailSender(server, TestBot.SUPPORT, java.time.Clock.systemUTC()),
        clock,
        m -> {});
  }

  private void enqueue(String id, String to) {
    enqueue(
        new OutgoingMail(
            id, null, "acknowledgement", to, null, "subject", "body", null, null, null));
  }

  private void enqueue(OutgoingMail m) {
    db.inTransaction(
        c -> {
          Outbox.enqueue(c, m, T0);
          return null;
        });
  }
}
