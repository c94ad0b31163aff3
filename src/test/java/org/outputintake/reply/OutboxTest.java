package org.outputintake.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outputintake.store.Database;
import org.outputintake.testing.TestDatabases;
import org.outputintake.ticket.AuditLog;

class OutboxTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");

  @TempDir Path dir;

  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.newUrl(dir));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @ParameterizedTest(name = "after {0} attempts wait {1}")
  @CsvSource({
    "0,PT5S",
    "1,PT10S",
    "2,PT20S",
    "3,PT40S",
    "7,PT10M40S",
    "8,PT15M",
    "20,PT15M",
    "21,PT15M",
    "1000,PT15M"
  })
  void backoffDoublesFromFiveSecondsUpToFifteenMinutes(int attempts, String expected) {
    assertEquals(Duration.parse(expected), OutboxSender.backoff(attempts));
  }

  @Test
  void enqueuedMailRoundTripsWithAllItsFields() {
    OutgoingMail mail =
        new OutgoingMail(
            "<ack-1@example.org>",
            null,
            "acknowledgement",
            "Ada@Uni.Example.ac.uk",
            List.of("officer1@example.org", "officer2@example.org"),
            "[STATS10001] subject",
            "body text",
            "<req@uni>",
            List.of("<req@uni>", "<r2@uni>"),
            List.of(
                new OutgoingMail.FileRef(
                    "report.pdf", Path.of("/data/report.pdf"), "application/pdf")));
    enqueue(mail, T0);

    Outbox.Entry e = db.read(Outbox::all).get(0);
    assertEquals("ada@uni.example.ac.uk", e.mail().to(), "recipient is stored lower-case");
    assertEquals(mail.bcc(), e.mail().bcc());
    assertEquals(mail.references(), e.mail().references());
    assertEquals(mail.attachments(), e.mail().attachments());
    assertEquals(mail.subject(), e.mail().subject());
    assertEquals(mail.inReplyTo(), e.mail().inReplyTo());
    assertEquals(0, e.attempts());
    assertEquals(T0, e.createdAt());
    assertNull(e.sentAt());
  }

  @Test
  void newMailIsDueAtOnceAndNotBefore() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);

    assertEquals(1, db.read(c -> Outbox.due(c, T0, 10)).size());
    assertTrue(db.read(c -> Outbox.due(c, T0.minusSeconds(1), 10)).isEmpty());
  }

  @Test
  void dueIsOldestFirstAndHonoursTheLimit() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    enqueue(mail("<b@x>", "ada@uni.example.ac.uk"), T0);
    enqueue(mail("<c@x>", "ada@uni.example.ac.uk"), T0);

    assertEquals(
        List.of("<a@x>", "<b@x>"),
        db.read(c -> Outbox.due(c, T0, 2)).stream().map(e -> e.mail().messageId()).toList());
  }

  @Test
  void failedMailWaitsUntilItsNextAttempt() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    long id = db.read(Outbox::all).get(0).id();

    db.inTransaction(
        c -> {
          Outbox.markFailed(c, id, "ConnectException: refused", T0.plusSeconds(5));
          return null;
        });

    assertTrue(db.read(c -> Outbox.due(c, T0.plusSeconds(4), 10)).isEmpty());
    Outbox.Entry retry = db.read(c -> Outbox.due(c, T0.plusSeconds(5), 10)).get(0);
    assertEquals(1, retry.attempts());
    assertEquals("ConnectException: refused", retry.lastError());
  }

  @Test
  void sentMailIsNoLongerDueAndIsMarkedOnlyOnce() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    long id = db.read(Outbox::all).get(0).id();
    db.inTransaction(
        c -> {
          Outbox.markFailed(c, id, "timeout", T0);
          Outbox.markSent(c, id, T0.plusSeconds(10));
          Outbox.markSent(c, id, T0.plusSeconds(20));
          return null;
        });

    assertTrue(db.read(c -> Outbox.due(c, T0.plusSeconds(3600), 10)).isEmpty());
    Outbox.Entry e = db.read(Outbox::all).get(0);
    assertEquals(T0.plusSeconds(10), e.sentAt());
    assertEquals(2, e.attempts());
    assertNull(e.lastError());
  }

  @Test
  void countToCountsRepliesToOneAddressSinceATimeWhateverItsCase() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0.minusSeconds(7200));
    enqueue(mail("<b@x>", "ada@uni.example.ac.uk"), T0.minusSeconds(1800));
    enqueue(mail("<c@x>", "ADA@uni.example.ac.uk"), T0);
    enqueue(mail("<d@x>", "bob@uni.example.ac.uk"), T0);

    assertEquals(
        2,
        (int)
            db.<Integer>read(
                c -> SentReplies.countTo(c, "Ada@Uni.Example.ac.uk", T0.minusSeconds(3600))));
    assertEquals(
        3,
        (int)
            db.<Integer>read(
                c -> SentReplies.countTo(c, "ada@uni.example.ac.uk", T0.minusSeconds(86400))));
    assertEquals(
        0,
        (int)
            db.<Integer>read(
                c -> SentReplies.countTo(c, "carol@uni.example.ac.uk", T0.minusSeconds(86400))));
  }

  @Test
  void sameMessageIdCannotBeQueuedTwice() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);

    assertThrows(
        Database.DatabaseException.class,
        () -> enqueue(mail("<a@x>", "bob@uni.example.ac.uk"), T0));
  }

  @Test
  void senderMarksSentMailAndAuditsIt() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    List<OutgoingMail> sent = new ArrayList<>();
    List<OutgoingMail> notified = new ArrayList<>();
    OutboxSender sender =
        new OutboxSender(
            db, sent::add, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC), notified::add);

    assertEquals(1, sender.sendDue());
    assertEquals(List.of("<a@x>"), sent.stream().map(OutgoingMail::messageId).toList());
    assertEquals(sent, notified);
    assertEquals(T0.plusSeconds(1), db.read(Outbox::all).get(0).sentAt());
    assertEquals(
        List.of("email-sent"), db.read(AuditLog::all).stream().map(AuditLog.Event::type).toList());
    assertEquals(0, sender.sendDue(), "a sent mail is not sent again");
  }

  @Test
  void aKilledInstancesClaimsAreFreeOnceItsHeartbeatIsSilentForTheTakeover_aCommandLinesAreNot() {
    enqueue(mail("<killed@x>", "ada@uni.example.ac.uk"), T0);
    enqueue(mail("<cli@x>", "ada@uni.example.ac.uk"), T0);
    long killed = db.read(Outbox::all).get(0).id();
    long cli = db.read(Outbox::all).get(1).id();
    Duration claim = Duration.ofMinutes(10);
    // instance A claimed its page at T0 and was killed there (kill -9): its heartbeat stopped
    db.inTransaction(
        c -> {
          org.outputintake.store.Instances.register(
              c, new org.outputintake.store.Instances.Instance("instance-a", "host-a", 7, T0, T0));
          assertTrue(Outbox.claim(c, killed, "instance-a", T0, T0.plus(claim), Instant.EPOCH));
          // a command line (digest --send) is no instance: its claim only runs out
          assertTrue(Outbox.claim(c, cli, "pid 8 cli", T0, T0.plus(claim), Instant.EPOCH));
          return null;
        });
    List<String> sent = new ArrayList<>();
    MutableClock clock = new MutableClock(T0.plusSeconds(5));
    OutboxSender b = new OutboxSender(db, m -> sent.add(m.messageId()), clock, m -> {});
    b.claimAs("instance-b", Duration.ofSeconds(30));

    assertEquals(0, b.sendDue(), "A's heartbeat is 5 s old: its claim holds");
    clock.now = T0.plusSeconds(31);
    assertEquals(1, b.sendDue(), "A silent for the takeover: B sends what A held");
    assertEquals(List.of("<killed@x>"), sent);
    clock.now = T0.plus(claim);
    assertEquals(1, b.sendDue(), "the command line's claim ran out");
    assertEquals(List.of("<killed@x>", "<cli@x>"), sent);
  }

  @Test
  void anInstanceFrozenMidPage_sendsNoneOfTheRowsAnotherInstanceTookOverMeanwhile() {
    for (String id : List.of("<one@x>", "<two@x>", "<three@x>"))
      enqueue(mail(id, "ada@uni.example.ac.uk"), T0);
    db.inTransaction(
        c -> {
          for (String name : List.of("instance-a", "instance-b"))
            org.outputintake.store.Instances.register(
                c, new org.outputintake.store.Instances.Instance(name, "host", 7, T0, T0));
          return null;
        });
    List<String> delivered = new ArrayList<>();
    MutableClock clock = new MutableClock(T0);
    OutboxSender b = new OutboxSender(db, m -> delivered.add(m.messageId()), clock, m -> {});
    b.claimAs("instance-b", Duration.ofSeconds(30));
    java.util.function.Consumer<OutgoingMail> freezeAfterFirst =
        m -> {
          if (!m.messageId().equals("<one@x>")) return;
          // A freezes once its first reply is sent and marked, past the takeover; B goes on
          clock.now = T0.plusSeconds(31);
          db.inTransaction(
              c -> {
                try (var ps =
                    c.prepareStatement(
                        "UPDATE instance SET heartbeat = ? WHERE id = 'instance-b'")) {
                  ps.setString(1, org.outputintake.store.DbTime.of(clock.now));
                  ps.executeUpdate();
                }
                return null;
              });
          assertEquals(2, b.sendDue(), "B sends the rest of A's page");
        };
    OutboxSender a =
        new OutboxSender(db, m -> delivered.add(m.messageId()), clock, freezeAfterFirst);
    a.claimAs("instance-a", Duration.ofSeconds(30));

    assertEquals(1, a.sendDue(), "A, woken, sends nothing B took over");
    assertEquals(List.of("<one@x>", "<two@x>", "<three@x>"), delivered, "each reply once");
  }

  @Test
  void aServerFailureStopsThePassAndPausesTheWholeOutboxWithoutCountingAgainstTheReply() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    enqueue(mail("<b@x>", "ada@uni.example.ac.uk"), T0);
    List<String> tried = new ArrayList<>();
    MutableClock clock = new MutableClock(T0);
    boolean[] down = {true};
    OutboxSender sender =
        new OutboxSender(
            db,
            m -> {
              tried.add(m.messageId());
              if (down[0]) throw new java.io.IOException("smtp down");
            },
            clock,
            m -> {});

    assertEquals(0, sender.sendDue());
    assertEquals(List.of("<a@x>"), tried, "the pass stops at a server failure");
    Outbox.Entry first = db.read(Outbox::all).get(0);
    assertEquals(0, first.attempts(), "an outage counts against no reply");
    assertTrue(first.lastError().contains("smtp down"), first.lastError());
    assertEquals(T0.plusSeconds(5), sender.pausedUntil());

    clock.now = T0.plusSeconds(4);
    tried.clear();
    assertEquals(0, sender.sendDue());
    assertEquals(List.of(), tried, "the whole outbox waits for its 5 s backoff");

    down[0] = false;
    clock.now = T0.plusSeconds(5);
    assertEquals(2, sender.sendDue());
    assertEquals(List.of("<a@x>", "<b@x>"), tried, "oldest first once the server is back");
  }

  @Test
  void aPermanentlyRefusedMessageBecomesADeadLetterAndThePassGoesOn() {
    enqueue(mail("<bad@x>", "broken@uni.example.ac.uk"), T0);
    enqueue(mail("<good@x>", "ada@uni.example.ac.uk"), T0);
    List<String> sent = new ArrayList<>();
    OutboxSender sender =
        new OutboxSender(
            db,
            m -> {
              if (m.to().startsWith("broken"))
                throw new MessageRejected(true, "recipient refused (550): no such user", null);
              sent.add(m.messageId());
            },
            Clock.fixed(T0, ZoneOffset.UTC),
            m -> {});

    assertEquals(1, sender.sendDue());
    assertEquals(List.of("<good@x>"), sent);
    Outbox.Entry dead = db.read(Outbox::failed).get(0);
    assertEquals("<bad@x>", dead.mail().messageId());
    assertEquals(Outbox.Status.FAILED, dead.status());
    assertTrue(dead.lastError().contains("550"), dead.lastError());
    assertEquals(0, sender.sendDue(), "a dead letter is never retried by itself");
    assertTrue(db.read(AuditLog::all).stream().anyMatch(ev -> ev.type().equals("email-failed")));
  }

  @Test
  void aTemporaryRefusalIsRetriedWithItsOwnBackoffWithoutHoldingOthersThenGivenUp() {
    enqueue(mail("<busy@x>", "full@uni.example.ac.uk"), T0);
    enqueue(mail("<next@x>", "ada@uni.example.ac.uk"), T0);
    MutableClock clock = new MutableClock(T0);
    List<String> sent = new ArrayList<>();
    OutboxSender sender =
        new OutboxSender(
            db,
            m -> {
              if (m.to().startsWith("full"))
                throw new MessageRejected(false, "recipient refused for now (452)", null);
              sent.add(m.messageId());
            },
            clock,
            m -> {},
            Duration.ofHours(1),
            50);

    assertEquals(1, sender.sendDue());
    assertEquals(List.of("<next@x>"), sent, "the refused row does not hold the next one");
    Outbox.Entry retrying = db.read(Outbox::all).get(0);
    assertEquals(Outbox.Status.PENDING, retrying.status());
    assertEquals(T0.plusSeconds(5), retrying.nextAttemptAt());

    clock.now = T0.plusSeconds(3601);
    sender.sendDue();
    assertEquals(
        Outbox.Status.FAILED,
        db.read(Outbox::all).get(0).status(),
        "given up after replies.give-up-after");
    assertTrue(db.read(Outbox::all).get(0).lastError().contains("gave up"));
  }

  @Test
  void anOperatorRetryMakesADeadLetterPendingAgainWithAFreshAge() {
    enqueue(mail("<a@x>", "ada@uni.example.ac.uk"), T0);
    long id = db.read(Outbox::all).get(0).id();
    db.inTransaction(
        c -> {
          Outbox.markDead(c, id, "550 no such user", T0);
          return null;
        });
    assertTrue(db.<Boolean>read(c -> Outbox.retry(c, id, T0.plusSeconds(60))));
    Outbox.Entry e = db.read(Outbox::all).get(0);
    assertEquals(Outbox.Status.PENDING, e.status());
    assertEquals(T0.plusSeconds(60), e.since());
    assertEquals(1, db.read(c -> Outbox.due(c, T0.plusSeconds(60), 10)).size());
    assertFalse(
        db.<Boolean>read(c -> Outbox.retry(c, id, T0.plusSeconds(61))),
        "only a dead letter can be retried");
  }

  @Test
  void aPassDrainsTheWholeBacklogAndPicksUpAReplyWrittenWhileItRuns() {
    for (int i = 0; i < 250; i++)
      enqueue(mail("<m" + i + "@x>", "r" + i + "@uni.example.ac.uk"), T0);
    List<String> sent = new ArrayList<>();
    OutboxSender sender =
        new OutboxSender(
            db,
            m -> {
              sent.add(m.messageId());
              if (sent.size() == 120) enqueue(mail("<ack@x>", "new@uni.example.ac.uk"), T0);
            },
            Clock.fixed(T0, ZoneOffset.UTC),
            m -> {});

    assertEquals(251, sender.sendDue());
    assertEquals("<m0@x>", sent.get(0), "oldest first");
    assertEquals("<ack@x>", sent.get(250), "the new acknowledgement left in the same pass");
  }

  @Test
  void maskKeepsFirstLetterAndDomain() {
    assertEquals("a***@uni.example.ac.uk", OutboxSender.mask("ada@uni.example.ac.uk"));
    assertEquals("***", OutboxSender.mask("nobody"));
    assertEquals("(none)", OutboxSender.mask(null));
  }

  private void enqueue(OutgoingMail m, Instant at) {
    db.inTransaction(
        c -> {
          Outbox.enqueue(c, m, at);
          return null;
        });
  }

  private static OutgoingMail mail(String id, String to) {
    return new OutgoingMail(
        id, null, "acknowledgement", to, null, "subject", "body", null, null, null);
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
