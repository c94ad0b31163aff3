package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TicketTables.T0;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.store.DbTime;
import org.outputintake.testing.TicketTables;
import org.outputintake.ticket.TicketRepository.StaleTicketException;

/**
 * The ticket row over a real SQLite file: a state is saved only with its audit event, and only on
 * the version it was decided from (two instances, or a checker who read the ticket before another
 * joined, can never both apply a decision).
 */
class TicketRepositoryTest {
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");
  private static final Instant T3 = Instant.parse("2024-01-19T07:00:00Z");

  @TempDir Path dir;
  private TicketTables tables;

  @BeforeEach
  void open() {
    tables = TicketTables.open(dir);
  }

  @AfterEach
  void close() {
    tables.close();
  }

  @Test
  void aNewTicketIsStoredWithEveryFieldAndTheEventOfTheStateItOpensIn() {
    Ticket t = tables.open("1234567", RequestKind.TRANSFER, "7654321", T0);

    assertEquals(
        TicketTables.unsaved("STATS10001", "1234567", RequestKind.TRANSFER, "7654321", T0), t);
    assertEquals(10001, t.id().number());
    assertEquals(LocalDate.of(2024, 1, 16), t.requestDate());
    assertEquals("intake@srs.example", t.mailbox());
    assertEquals(0, t.version());
    assertEquals(1, t.round());
    assertEquals(DbTime.of(T0), tables.column(t.idText(), "queued_at"));
    assertNull(tables.column(t.idText(), "blocked_at"));
    assertNull(tables.column(t.idText(), "closed_at"));
    assertEquals("10001", tables.column(t.idText(), "number"));
    assertEquals(
        List.of(new AuditLog.Event(t.idText(), T0, "system", "state-queued", "ready for checking")),
        tables.read(c -> AuditLog.forTicket(c, t.idText())));
  }

  @Test
  void aRequestOpenedBlockedKeepsItsFolderItsMailboxAndWhenItWasBlocked() {
    TicketState.Blocked blocked =
        new TicketState.Blocked(T1, new TicketState.Blocked.IntakeProblems("FORM_MISSING"));
    Ticket t =
        insertOpened(
            c ->
                unsaved(c)
                    .withState(blocked)
                    .withFolder("outputs", 2)
                    .withMailbox("second@srs.example"));

    Ticket stored = tables.find(t.idText());
    assertEquals(t, stored);
    assertEquals("outputs", stored.folderName());
    assertEquals(2, stored.folderVersion());
    assertEquals("second@srs.example", stored.mailbox());
    assertEquals(DbTime.of(T1), tables.column(t.idText(), "blocked_at"));
    assertNull(tables.column(t.idText(), "queued_at"), "it never joined the queue");
    assertNull(tables.column(t.idText(), "closed_at"));
  }

  @Test
  void aRequestClosedAsItOpensRecordsWhenItClosed() {
    Ticket t = insertOpened(c -> unsaved(c).withState(new TicketState.Closed(T1, "refused")));

    assertEquals(new TicketState.Closed(T1, "refused"), tables.find(t.idText()).state());
    assertEquals(DbTime.of(T1), tables.column(t.idText(), "closed_at"));
    assertNull(tables.column(t.idText(), "blocked_at"));
    assertNull(tables.column(t.idText(), "queued_at"));
  }

  @Test
  void aTicketWhoseTransactionFailsLeavesNeitherItsRowNorItsEvent() {
    assertThrows(
        IllegalStateException.class,
        () ->
            tables.tx(
                c -> {
                  Ticket t =
                      TicketTables.unsaved(
                          tables.repo().allocate(c).toString(),
                          "1234567",
                          RequestKind.OUTPUT,
                          null,
                          T0);
                  tables.repo().insert(c, new StateChange(t, "system", null, T0));
                  throw new IllegalStateException("the scan failed");
                }));

    assertTrue(tables.read(c -> tables.repo().list(c)).isEmpty());
    assertTrue(tables.read(AuditLog::all).isEmpty());
  }

  @Test
  void anUpdateSavesStateFolderAndRoundWithItsEventAndMovesTheVersion() {
    Ticket t = tables.output("1234567", T0);
    Ticket changed =
        t.withState(new TicketState.Queued(T0).take(T1)).withFolder("outputs", 3).nextRound();

    tables.tx(
        c -> {
          tables.repo().update(c, new StateChange(changed, "ben@srs.example", "took it", T1));
          return null;
        });

    Ticket reread = tables.find(t.idText());
    assertEquals(new TicketState.Checking(T1), reread.state());
    assertEquals("outputs", reread.folderName());
    assertEquals(3, reread.folderVersion());
    assertEquals(2, reread.round());
    assertEquals(1, reread.version());
    assertEquals(
        new AuditLog.Event(t.idText(), T1, "ben@srs.example", "state-checking", "took it"),
        tables.read(c -> AuditLog.forTicket(c, t.idText())).get(1));
  }

  @Test
  void anUpdateInAFailedTransactionKeepsTheOldStateAndWritesNoEvent() {
    Ticket t = tables.output("1234567", T0);

    assertThrows(
        IllegalStateException.class,
        () ->
            tables.tx(
                c -> {
                  tables
                      .repo()
                      .update(
                          c,
                          new StateChange(
                              t.withState(new TicketState.Checking(T1)),
                              "ben@srs.example",
                              null,
                              T1));
                  throw new IllegalStateException("the reply could not be queued");
                }));

    assertEquals(t, tables.find(t.idText()));
    assertEquals(1, tables.read(c -> AuditLog.forTicket(c, t.idText())).size());
  }

  @Test
  void aDecisionTakenOnAStaleReadIsRefusedAndLeavesNoEvent() {
    Ticket first = tables.output("1234567", T0);
    Ticket sameRead = tables.find(first.idText());
    tables.move(first, new TicketState.Checking(T1), T1);

    StaleTicketException e =
        assertThrows(
            StaleTicketException.class,
            () ->
                tables.tx(
                    c -> {
                      tables
                          .repo()
                          .update(
                              c,
                              new StateChange(
                                  sameRead.withState(new TicketState.Closed(T2, "withdrawn")),
                                  "ada@uni.example.ac.uk",
                                  null,
                                  T2));
                      return null;
                    }));

    assertTrue(e.getMessage().contains(first.idText()), e.getMessage());
    assertEquals(new TicketState.Checking(T1), tables.find(first.idText()).state());
    assertEquals(
        List.of("state-queued", "state-checking"),
        tables.read(c -> AuditLog.forTicket(c, first.idText())).stream()
            .map(AuditLog.Event::type)
            .toList());
  }

  @Test
  void aCheckerJoiningMovesTheVersionSoAThirdWhoReadTheTicketBeforeIsRefused() {
    Ticket t = tables.output("1234567", T0);
    Ticket second = tables.find(t.idText());
    Ticket third = tables.find(t.idText());

    tables.tx(
        c -> {
          tables.repo().touch(c, second);
          return null;
        });

    assertThrows(
        StaleTicketException.class,
        () ->
            tables.tx(
                c -> {
                  tables.repo().touch(c, third);
                  return null;
                }));
    Ticket after = tables.find(t.idText());
    assertEquals(1, after.version());
    assertEquals(t.state(), after.state(), "joining leaves the state alone");
    assertEquals(1, tables.read(c -> AuditLog.forTicket(c, t.idText())).size());
    tables.tx(
        c -> {
          tables.repo().touch(c, after);
          return null;
        });
    assertEquals(2, tables.find(t.idText()).version());
  }

  @Test
  void eachStateSetsItsOwnTimeAndTheQueuePlaceMovesOnlyWhenRequeued() {
    Ticket t = tables.output("1234567", T0);
    String id = t.idText();

    t = tables.move(t, new TicketState.Checking(T1), T1);
    assertEquals(DbTime.of(T0), tables.column(id, "queued_at"), "taking keeps the queue place");
    assertEquals(DbTime.of(T1), tables.column(id, "updated_at"));

    TicketState.Blocked blocked =
        new TicketState.Blocked(T2, TicketState.Blocked.OfficerRequest.REVISIONS);
    t = tables.move(t, blocked, T2);
    assertEquals(blocked, t.state());
    assertEquals("revisions requested", tables.column(id, "state_reason"));
    assertEquals(DbTime.of(T2), tables.column(id, "blocked_at"));
    assertEquals(DbTime.of(T0), tables.column(id, "queued_at"));

    t = tables.move(t, new TicketState.Queued(T3), T3);
    assertEquals(DbTime.of(T3), tables.column(id, "queued_at"), "back in the queue, at its end");
    assertNull(tables.column(id, "state_reason"), "a queued ticket has no reason");
    assertEquals(DbTime.of(T2), tables.column(id, "blocked_at"), "when it was last blocked");

    Instant t4 = T3.plusSeconds(60);
    t = tables.move(t, new TicketState.Closed(t4, "withdrawn"), t4);
    assertEquals(new TicketState.Closed(t4, "withdrawn"), t.state());
    assertEquals(DbTime.of(t4), tables.column(id, "closed_at"));
    assertEquals(DbTime.of(T3), tables.column(id, "queued_at"));
    assertEquals(4, t.version());
  }

  @Test
  void everyKindDrawsItsNumberFromTheOneCounter() {
    List<TicketId> ids =
        tables.tx(
            c ->
                List.of(
                    tables.repo().allocate(c),
                    tables.repo().allocate(c, "INGEST"),
                    tables.repo().allocate(c, "TRANSFER")));

    assertEquals(
        List.of("STATS10001", "INGEST10002", "TRANSFER10003"),
        ids.stream().map(TicketId::toString).toList());
  }

  @Test
  void aLostCounterContinuesAfterTheHighestNumberUsedWhateverTheFirstNumber() {
    tables.output("1234567", T0);
    tables.output("1234567", T0);
    tables.tx(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM ticket_sequence")) {
            ps.executeUpdate();
          }
          return null;
        });
    TicketRepository lowered = new TicketRepository("STATS", 1);

    assertEquals(
        List.of(10003L, 10004L),
        tables.tx(c -> List.of(lowered.allocate(c).number(), lowered.allocate(c).number())));
  }

  @Test
  void aTransferIsOpenForBothItsProjectsUntilItIsClosed() {
    Ticket transfer = tables.open("1234567", RequestKind.TRANSFER, "7654321", T0);
    Ticket output = tables.output("7654321", T1);
    Ticket closed = tables.output("7654321", T1);
    tables.output("2345678", T1);
    tables.move(closed, new TicketState.Closed(T2, "withdrawn"), T2);

    assertEquals(
        List.of(transfer.id(), output.id()),
        tables.read(c -> tables.repo().openForProject(c, "7654321")).stream()
            .map(Ticket::id)
            .toList());
    assertEquals(
        List.of(transfer.id()),
        tables.read(c -> tables.repo().openForProject(c, "1234567")).stream()
            .map(Ticket::id)
            .toList());
    assertEquals(4, tables.read(c -> tables.repo().list(c)).size());
  }

  @Test
  void lockAndFindReadTheSameTicketAndNothingForAnUnknownId() {
    Ticket t = tables.output("1234567", T0);

    assertEquals(t, tables.tx(c -> tables.repo().lock(c, t.idText())).orElseThrow());
    assertTrue(tables.tx(c -> tables.repo().lock(c, "STATS99999")).isEmpty());
    assertTrue(tables.read(c -> tables.repo().find(c, "STATS99999")).isEmpty());
  }

  @Test
  void anEmailThreadsToTheTicketOfOurReplyOrOfAnEarlierEmail() {
    Ticket t = tables.output("1234567", T0);
    tables.email(t.idText(), "<in@uni.example.ac.uk>", TicketTables.RESEARCHER, null, T0);
    tables.email(null, "<stray@uni.example.ac.uk>", TicketTables.RESEARCHER, null, T0);
    tables.tx(c -> reply(c, "<ack@srs.example>", t.idText()));
    tables.tx(c -> reply(c, "<help@srs.example>", null));

    assertEquals(
        t.idText(),
        tables.read(c -> tables.repo().ticketForMessageId(c, "<ack@srs.example>")).orElseThrow());
    assertEquals(
        t.idText(),
        tables
            .read(c -> tables.repo().ticketForMessageId(c, "<in@uni.example.ac.uk>"))
            .orElseThrow());
    assertTrue(
        tables.read(c -> tables.repo().ticketForMessageId(c, "<help@srs.example>")).isEmpty());
    assertTrue(
        tables
            .read(c -> tables.repo().ticketForMessageId(c, "<stray@uni.example.ac.uk>"))
            .isEmpty());
  }

  @Test
  void theFolderSnapshotIsKeptOnItsTicketOnly() {
    Ticket t = tables.output("1234567", T0);
    Ticket other = tables.output("1234567", T0);

    assertTrue(tables.read(c -> tables.repo().folderSnapshot(c, t.idText())).isEmpty());
    tables.tx(
        c -> {
          tables.repo().saveFolderSnapshot(c, t.idText(), "{\"files\":[]}");
          return null;
        });

    assertEquals(
        "{\"files\":[]}",
        tables.read(c -> tables.repo().folderSnapshot(c, t.idText())).orElseThrow());
    assertTrue(tables.read(c -> tables.repo().folderSnapshot(c, other.idText())).isEmpty());
    assertTrue(tables.read(c -> tables.repo().folderSnapshot(c, "STATS99999")).isEmpty());
  }

  private Ticket unsaved(Connection c) throws SQLException {
    return TicketTables.unsaved(
        tables.repo().allocate(c).toString(), "1234567", RequestKind.OUTPUT, null, T0);
  }

  private Ticket insertOpened(TicketTables.Draft draft) {
    return tables.tx(
        c -> {
          Ticket t = draft.make(c);
          tables.repo().insert(c, new StateChange(t, "system", null, t.state().since()));
          return t;
        });
  }

  private static Void reply(Connection c, String messageId, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO outbox(message_id, ticket_id, kind, recipient, subject, body, created_at,"
                + " next_attempt_at) VALUES (?, ?, 'acknowledgement', ?, 's', 'b', ?, ?)")) {
      ps.setString(1, messageId);
      ps.setString(2, ticketId);
      ps.setString(3, TicketTables.RESEARCHER);
      ps.setString(4, DbTime.of(T0));
      ps.setString(5, DbTime.of(T0));
      ps.executeUpdate();
    }
    return null;
  }
}
