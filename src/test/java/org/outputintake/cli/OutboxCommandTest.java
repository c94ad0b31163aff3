package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.Database;

/** An operator sees dead letters and sends one again. */
class OutboxCommandTest {
  @TempDir Path dir;

  @Test
  void outboxListFailedShowsDeadLettersAndRetryMakesOnePendingAgain() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("intake.db");
    long id;
    try (Database db = Database.open(url)) {
      id =
          db.inTransaction(
              c -> {
                Outbox.enqueue(
                    c,
                    new OutgoingMail(
                        "<a@x>",
                        null,
                        "acknowledgement",
                        "ada@uni.example.ac.uk",
                        null,
                        "s",
                        "b",
                        null,
                        null,
                        null),
                    Instant.parse("2024-01-16T10:00:00Z"));
                Outbox.enqueue(
                    c,
                    new OutgoingMail(
                        "<b@x>",
                        null,
                        "acknowledgement",
                        "alan@uni.example.ac.uk",
                        null,
                        "s",
                        "b",
                        null,
                        null,
                        null),
                    Instant.parse("2024-01-16T10:00:00Z"));
                long first = Outbox.all(c).get(0).id();
                Outbox.markDead(
                    c,
                    first,
                    "recipient refused (550): no such user",
                    Instant.parse("2024-01-16T10:00:01Z"));
                return first;
              });
    }
    Path config = dir.resolve("intake.yaml");
    Files.writeString(config, "database: { url: \"" + url + "\" }\n");

    CommandLineTest.Run list =
        CommandLineTest.run("outbox", "list", "--failed", "--config", config.toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(
        list.out().contains("ada@uni.example.ac.uk") && list.out().contains("550"), list.out());
    assertTrue(!list.out().contains("alan@"), "--failed lists only dead letters: " + list.out());

    CommandLineTest.Run retry =
        CommandLineTest.run("outbox", "retry", String.valueOf(id), "--config", config.toString());
    assertEquals(0, retry.exit(), retry.err());
    CommandLineTest.Run again =
        CommandLineTest.run("outbox", "retry", String.valueOf(id), "--config", config.toString());
    assertEquals(1, again.exit(), "a row that is no longer failed is not retried");
    assertEquals(
        2, CommandLineTest.run("outbox", "retry", "999", "--config", config.toString()).exit());
    try (Database db = Database.open(url)) {
      assertEquals(Outbox.Status.PENDING, db.read(Outbox::all).get(0).status());
      assertEquals(0, db.read(Outbox::failed).size());
    }
  }
}
