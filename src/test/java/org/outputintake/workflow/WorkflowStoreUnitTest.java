package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TicketTables.RESEARCHER;
import static org.outputintake.testing.TicketTables.T0;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.WorkflowSettings.Checkers;
import org.outputintake.testing.TicketTables;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * The workflow's tables over a real SQLite file, below the commands: who checks a ticket, the queue
 * they take it from, the verdicts and when they may be seen (the blindness rule), data owners'
 * decisions, notes and the release record.
 */
class WorkflowStoreUnitTest {
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");
  private static final Instant T3 = Instant.parse("2024-01-19T07:00:00Z");
  private static final String BEN = "ben@srs.example";
  private static final String CAT = "cat@srs.example";
  private static final String DAN = "dan@srs.example";
  private static final Checkers TWO_FOR_OUTPUTS = new Checkers(2, 1, 3);

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
  void checkersAreListedInTheOrderTheyJoinedAndOneLeavingLeavesTheOthers() {
    String id = tables.output("1234567", T0).idText();
    String other = tables.output("1234567", T0).idText();
    tables.tx(
        c -> {
          WorkflowStore.addChecker(c, id, CAT, T1);
          WorkflowStore.addChecker(c, id, BEN, T2);
          WorkflowStore.addChecker(c, other, BEN, T1);
          return null;
        });
    assertEquals(List.of(CAT, BEN), tables.read(c -> WorkflowStore.checkers(c, id)));

    tables.tx(
        c -> {
          WorkflowStore.removeChecker(c, id, CAT);
          return null;
        });

    assertEquals(List.of(BEN), tables.read(c -> WorkflowStore.checkers(c, id)));
    assertEquals(List.of(BEN), tables.read(c -> WorkflowStore.checkers(c, other)));
  }

  @Test
  void checkersWhoJoinedAtTheSameMomentAreListedByAddress() {
    String id = tables.output("1234567", T0).idText();
    tables.tx(
        c -> {
          WorkflowStore.addChecker(c, id, CAT, T1);
          WorkflowStore.addChecker(c, id, BEN, T1);
          return null;
        });

    assertEquals(List.of(BEN, CAT), tables.read(c -> WorkflowStore.checkers(c, id)));
  }

  @Test
  void theChecksATicketTakesAreThoseOfItsKind() {
    assertEquals(2, WorkflowStore.checksNeeded(TWO_FOR_OUTPUTS, ticket(RequestKind.OUTPUT)));
    assertEquals(1, WorkflowStore.checksNeeded(TWO_FOR_OUTPUTS, ticket(RequestKind.INGEST)));
    assertEquals(3, WorkflowStore.checksNeeded(TWO_FOR_OUTPUTS, ticket(RequestKind.TRANSFER)));
  }

  @Test
  void aTicketNeedsACheckerUntilItHasAsManyAsItsKindTakesOldestInTheQueueFirst() {
    Ticket late = tables.output("1234567", T2);
    Ticket early = tables.output("1234567", T0);
    Ticket oneOfTwo = tables.output("1234567", T1);
    Ticket full = tables.output("1234567", T1);
    Ticket ingest = tables.open("1234567", RequestKind.INGEST, null, T1);
    Ticket untakenIngest = tables.open("1234567", RequestKind.INGEST, null, T2);
    Ticket transfer = tables.open("1234567", RequestKind.TRANSFER, "7654321", T1);
    Ticket closed = tables.output("1234567", T0);
    tables.move(closed, new TicketState.Closed(T1, "withdrawn"), T1);
    tables.move(oneOfTwo, new TicketState.Checking(T2), T2);
    tables.move(full, new TicketState.Checking(T2), T2);
    tables.tx(
        c -> {
          WorkflowStore.addChecker(c, oneOfTwo.idText(), BEN, T2);
          WorkflowStore.addChecker(c, full.idText(), BEN, T2);
          WorkflowStore.addChecker(c, full.idText(), CAT, T2);
          WorkflowStore.addChecker(c, ingest.idText(), BEN, T2);
          WorkflowStore.addChecker(c, transfer.idText(), BEN, T2);
          WorkflowStore.addChecker(c, transfer.idText(), CAT, T2);
          return null;
        });

    assertEquals(
        List.of(
            early.idText(),
            oneOfTwo.idText(),
            transfer.idText(),
            late.idText(),
            untakenIngest.idText()),
        tables.read(c -> WorkflowStore.needingChecker(c, 10, TWO_FOR_OUTPUTS)));
    assertEquals(
        List.of(early.idText(), oneOfTwo.idText()),
        tables.read(c -> WorkflowStore.needingChecker(c, 2, TWO_FOR_OUTPUTS)));
  }

  @Test
  void theQueuePositionCountsQueuedTicketsOlderOrOfTheSameMomentAndLowerNumber() {
    Ticket second = tables.output("1234567", T1);
    Ticket first = tables.output("1234567", T0);
    Ticket third = tables.output("1234567", T1);
    Ticket taken = tables.output("1234567", T0);
    tables.move(taken, new TicketState.Checking(T2), T2);

    assertEquals(1, position(first));
    assertEquals(2, position(second));
    assertEquals(3, position(third));
    assertEquals(0, position(taken), "a ticket being checked has no place in the queue");
    assertEquals(0, tables.<Integer>read(c -> WorkflowStore.queuePosition(c, "STATS99999")));
  }

  @Test
  void theQueueTimeIsWhenTheTicketLastJoinedTheQueue() {
    Ticket t = tables.output("1234567", T0);
    assertEquals(Optional.of(T0), tables.read(c -> WorkflowStore.queuedAt(c, t.idText())));

    Ticket blocked =
        tables.move(
            t, new TicketState.Blocked(T1, TicketState.Blocked.OfficerRequest.REVISIONS), T1);
    tables.move(blocked, new TicketState.Queued(T2), T2);

    assertEquals(Optional.of(T2), tables.read(c -> WorkflowStore.queuedAt(c, t.idText())));
    assertTrue(tables.read(c -> WorkflowStore.queuedAt(c, "STATS99999")).isEmpty());
  }

  @Test
  void verdictsStayHiddenUntilTheRoundHasAsManyAsTheTicketTakes() {
    Ticket t = tables.output("1234567", T0);
    verdict(t, 1, BEN, true, "fine", T1);

    assertTrue(
        tables.read(c -> WorkflowStore.revealedVerdicts(c, t, 1, TWO_FOR_OUTPUTS)).isEmpty());
    assertTrue(tables.<Boolean>read(c -> WorkflowStore.hasLoneVerdict(c, t, TWO_FOR_OUTPUTS)));
    assertEquals(1, tables.<Integer>read(c -> WorkflowStore.verdictCount(c, t.idText(), 1)));
    assertEquals(
        Optional.of(new WorkflowStore.Verdict(BEN, 1, true, "fine", T1)),
        tables.read(c -> WorkflowStore.ownVerdict(c, t.idText(), 1, BEN)),
        "an officer always sees their own");
    assertTrue(tables.read(c -> WorkflowStore.ownVerdict(c, t.idText(), 1, CAT)).isEmpty());

    verdict(t, 1, CAT, false, "row 3 is small", T2);

    assertEquals(
        Optional.of(
            List.of(
                new WorkflowStore.Verdict(BEN, 1, true, "fine", T1),
                new WorkflowStore.Verdict(CAT, 1, false, "row 3 is small", T2))),
        tables.read(c -> WorkflowStore.revealedVerdicts(c, t, 1, TWO_FOR_OUTPUTS)));
    assertFalse(tables.<Boolean>read(c -> WorkflowStore.hasLoneVerdict(c, t, TWO_FOR_OUTPUTS)));
    assertEquals(2, tables.<Integer>read(c -> WorkflowStore.verdictCount(c, t.idText(), 1)));
  }

  @Test
  void withOneCheckerARoundIsRevealedByItsOnlyVerdict() {
    Ticket t = tables.open("1234567", RequestKind.INGEST, null, T0);
    verdict(t, 1, BEN, false, "not the data we agreed", T1);

    assertEquals(
        1, tables.read(c -> WorkflowStore.revealedVerdicts(c, t, 1, TWO_FOR_OUTPUTS)).get().size());
    assertFalse(tables.<Boolean>read(c -> WorkflowStore.hasLoneVerdict(c, t, TWO_FOR_OUTPUTS)));
  }

  @Test
  void theHistoryShowsOnlyCompleteRoundsAndVerdictsBelongToTheirRound() {
    Ticket t = tables.output("1234567", T0);
    verdict(t, 1, BEN, false, "round one", T1);
    verdict(t, 1, CAT, false, "round one too", T1);
    verdict(t, 2, BEN, true, "round two", T2);

    assertEquals(
        List.of("round one", "round one too"),
        tables.read(c -> WorkflowStore.revealedHistory(c, t, TWO_FOR_OUTPUTS)).stream()
            .map(WorkflowStore.Verdict::notes)
            .toList());
    assertTrue(
        tables.<Boolean>read(c -> WorkflowStore.hasLoneVerdict(c, t, TWO_FOR_OUTPUTS)),
        "round two's verdict is alone");
    assertEquals(1, tables.<Integer>read(c -> WorkflowStore.verdictCount(c, t.idText(), 2)));
    assertTrue(tables.read(c -> WorkflowStore.ownVerdict(c, t.idText(), 2, CAT)).isEmpty());

    verdict(t, 2, CAT, true, "round two too", T3);

    assertEquals(4, tables.read(c -> WorkflowStore.revealedHistory(c, t, TWO_FOR_OUTPUTS)).size());
  }

  @Test
  void aDecidingCheckerAddsOneVerdictToTheRoundTheyWereAssignedTo() {
    Ticket t = tables.output("1234567", T0);
    assertEquals(
        2, tables.<Integer>read(c -> WorkflowStore.verdictsExpected(c, t, TWO_FOR_OUTPUTS)));

    tables.tx(
        c -> {
          new DecidingChecker(t.idText(), 1, DAN, "manager@srs.example", T2).save(c);
          return null;
        });

    assertEquals(
        3, tables.<Integer>read(c -> WorkflowStore.verdictsExpected(c, t, TWO_FOR_OUTPUTS)));
    assertEquals(
        2,
        tables.<Integer>read(
            c -> WorkflowStore.verdictsExpected(c, t.nextRound(), TWO_FOR_OUTPUTS)),
        "the next round has no deciding checker");
  }

  @Test
  void dataOwnersDecisionsAreReadBackInTheOrderGiven() {
    Ticket t = tables.output("1234567", T0);
    tables.tx(
        c -> {
          OwnerDecision.add(c, t.idText(), 1, "owner@gov.example", false, "too detailed", T1, "m1");
          OwnerDecision.add(c, t.idText(), 2, "owner@gov.example", true, null, T2, "m2");
          return null;
        });

    assertEquals(
        List.of(
            new OwnerDecision("owner@gov.example", 1, false, "too detailed", T1),
            new OwnerDecision("owner@gov.example", 2, true, null, T2)),
        tables.read(c -> OwnerDecision.forTicket(c, t.idText())));
    assertTrue(tables.read(c -> OwnerDecision.forTicket(c, "STATS99999")).isEmpty());
  }

  /** The key finds the email's proof of sender (ProvenDecisions) and the archive's rows. */
  @Test
  void everyVerdictDecisionAndNoteNamesTheEmailThatCarriedIt() {
    Ticket t = tables.output("1234567", T0);
    verdict(t, 1, BEN, true, "fine", T1);
    tables.tx(
        c -> {
          OwnerDecision.add(c, t.idText(), 1, "owner@gov.example", true, null, T2, "m-owner");
          WorkflowStore.addNote(c, t.idText(), CAT, "note", "text", T2, "m-note");
          return null;
        });

    assertEquals(List.of("m-1-" + BEN), tables.strings("SELECT message_key FROM verdict"));
    assertEquals(List.of("m-owner"), tables.strings("SELECT message_key FROM owner_decision"));
    assertEquals(List.of("m-note"), tables.strings("SELECT message_key FROM ticket_note"));
  }

  @Test
  void notesAreReadBackInTheOrderWritten() {
    Ticket t = tables.output("1234567", T0);
    tables.tx(
        c -> {
          WorkflowStore.addNote(c, t.idText(), BEN, "note", "first", T2, "m1");
          WorkflowStore.addNote(c, t.idText(), CAT, "reply", "second", T1, "m2");
          return null;
        });

    assertEquals(
        List.of(
            new WorkflowStore.Note(BEN, "note", "first", T2),
            new WorkflowStore.Note(CAT, "reply", "second", T1)),
        tables.read(c -> WorkflowStore.notes(c, t.idText())));
  }

  @Test
  void aResearchersLatestEmailsInAreNewestFirstAndOnlyTheirs() {
    String id = tables.output("1234567", T0).idText();
    tables.email(id, "k1", RESEARCHER, "h1", T0);
    tables.email(id, "k2", RESEARCHER, "h2", T1);
    tables.email(id, "k3", "someone@uni.example.ac.uk", "h3", T1);
    tables.email(id, "k4", RESEARCHER, null, T2);
    tables.tx(c -> TicketTables.insertEmail(c, id, "k5", "out", RESEARCHER, "h5", T2));
    tables.email(id, "k6", RESEARCHER, "h6", T3);

    assertEquals(
        List.of("h6", "h2", "h1"),
        tables.read(c -> WorkflowStore.latestEmailsFrom(c, id, RESEARCHER, 5)));
    assertEquals(
        List.of("h6", "h2"),
        tables.read(c -> WorkflowStore.latestEmailsFrom(c, id, RESEARCHER, 2)));
  }

  @Test
  void theReleaseIsRecordedOnceWithWhatLeftAndToWhom() {
    Ticket t = tables.output("1234567", T0);
    assertTrue(tables.read(c -> WorkflowStore.release(c, t.idText())).isEmpty());
    WorkflowStore.Release release =
        new WorkflowStore.Release(
            T3, BEN, RESEARCHER, "owner@gov.example", "[{\"name\":\"t.csv\"}]", "<rel@srs>");

    tables.tx(
        c -> {
          WorkflowStore.recordRelease(c, t.idText(), release);
          return null;
        });

    assertEquals(Optional.of(release), tables.read(c -> WorkflowStore.release(c, t.idText())));
  }

  private int position(Ticket t) {
    return tables.<Integer>read(c -> WorkflowStore.queuePosition(c, t.idText()));
  }

  private void verdict(
      Ticket t, int round, String officer, boolean pass, String notes, Instant at) {
    tables.tx(
        c -> {
          WorkflowStore.addVerdict(
              c, t.idText(), round, officer, pass, notes, at, "m-" + round + "-" + officer);
          return null;
        });
  }

  private static Ticket ticket(RequestKind kind) {
    return TicketTables.unsaved(
        "STATS10001", "1234567", kind, kind == RequestKind.TRANSFER ? "7654321" : null, T0);
  }
}
