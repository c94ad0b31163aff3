package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.TicketState.Blocked;
import org.outputintake.ticket.TicketState.Kind;

/**
 * A ticket's life from queue to release, each move entering the state it names from when it says,
 * and what the service-level clock and the audit trail make of each state. The end-to-end tests
 * drive these through mail; mutation testing found the transitions themselves unguarded by any unit
 * test.
 */
class TicketLifecycleTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");
  private static final Instant T3 = Instant.parse("2024-01-19T07:00:00Z");

  @Test
  void aRequestGoesFromTheQueueThroughTwoPassesToRelease() {
    TicketState.Queued queued = new TicketState.Queued(T0);
    TicketState.Checking checking = queued.take(T1);
    TicketState.Checked checked = checking.bothPassed(T2);
    TicketState.Closed released = checked.release(T3);

    assertEquals(new TicketState.Checking(T1), checking);
    assertEquals(new TicketState.Checked(T2), checked);
    assertEquals(T3, released.since());
    assertTrue(released.released());
    assertEquals("released", released.reason());
    assertFalse(released.isOpen());
  }

  @Test
  void aRequestForApprovalGoesToTheDataOwnersAndIsReleasedOnceApproved() {
    TicketState.WithDataOwner withOwner = new TicketState.Checked(T0).toDataOwner(T1);
    TicketState.Approved approved = withOwner.approve(T2);
    TicketState.Closed released = approved.release(T3);

    assertEquals(new TicketState.WithDataOwner(T1), withOwner);
    assertEquals(new TicketState.Approved(T2), approved);
    assertTrue(released.released());
    assertEquals(T3, released.since());
  }

  @Test
  void aDataOwnersDenialReturnsTheTicketToItsCheckersFromThen() {
    assertEquals(new TicketState.Checking(T2), new TicketState.WithDataOwner(T0).deny(T2));
  }

  @Test
  void aDecidingCheckersPassCompletesTheRoundAsTwoPassesDo() {
    assertEquals(new TicketState.Checked(T2), new TicketState.Checking(T0).deciderPassed(T2));
  }

  @Test
  void aTicketHandedBackWaitsAtItsOldPlaceInTheQueue() {
    assertEquals(new TicketState.Queued(T0), new TicketState.Checking(T2).handedBack(T0));
  }

  @Test
  void aClosingThatIsNotAReleaseIsNotReleased() {
    TicketState.Closed rejected = new TicketState.Checking(T0).close("rejected", T1);

    assertFalse(rejected.released());
    assertEquals("rejected", rejected.reason());
    assertEquals(T1, rejected.since());
    assertEquals("", new TicketState.Closed(T0, null).reason(), "no reason reads as none");
    assertFalse(new TicketState.Closed(T0, null).released());
  }

  @Test
  void everyOpenStateCanBeBlockedFromNowWithItsCause() {
    for (TicketState.Open open : openStates()) {
      Blocked blocked = open.block(Blocked.OfficerRequest.QUESTION, T3);

      assertEquals(T3, blocked.since(), open.name());
      assertSame(Blocked.OfficerRequest.QUESTION, blocked.cause(), open.name());
      assertEquals("question to the researcher", blocked.reason());
    }
  }

  @Test
  void newFilesKeepAQueuedTicketsPlaceRequeueABlockedOneAndStartANewRoundOfChecking() {
    TicketState.Queued queued = new TicketState.Queued(T0);
    assertSame(queued, queued.newSubmission(T3), "a queued ticket keeps its place");
    assertEquals(
        new TicketState.Queued(T3),
        new Blocked(T0, Blocked.OfficerRequest.REVISIONS).newSubmission(T3),
        "a blocked ticket goes to the back of the queue");
    for (TicketState.Open open :
        Set.of(
            new TicketState.Checking(T0),
            new TicketState.Checked(T0),
            new TicketState.WithDataOwner(T0),
            new TicketState.Approved(T0))) {
      assertEquals(new TicketState.Checking(T3), open.newSubmission(T3), open.name());
    }
  }

  @Test
  void aClosedTicketReopensIntoTheStateItWasClosedFrom() {
    TicketState.Closed closed = new TicketState.Closed(T1, "closed");

    assertEquals(new TicketState.Checking(T3), closed.reopen("checking", T3, T0, null));
    assertEquals(new TicketState.Checked(T3), closed.reopen("checked", T3, T0, null));
    assertEquals(new TicketState.WithDataOwner(T3), closed.reopen("with-data-owner", T3, T0, null));
    assertEquals(new TicketState.Approved(T3), closed.reopen("approved", T3, T0, null));
    assertEquals(
        new Blocked(T3, Blocked.OfficerRequest.REVISIONS),
        closed.reopen("blocked", T3, T0, "revisions requested"),
        "a blocked ticket waits for its researcher again, for the same kind of reason");
    assertEquals(
        new TicketState.Queued(T0),
        closed.reopen("queued", T3, T0, null),
        "a queued ticket takes its old place");
  }

  @Test
  void aReleasedTicketIsNeverReopened() {
    TicketState.Closed released = new TicketState.Checked(T0).release(T1);

    assertThrows(IllegalStateException.class, () -> released.reopen("checked", T2, T0, null));
  }

  @Test
  void onlyAClosedTicketIsNotOpen() {
    for (TicketState.Open open : openStates()) assertTrue(open.isOpen(), open.name());
    assertFalse(new TicketState.Closed(T0, "withdrawn").isOpen());
  }

  @Test
  void eachStateIsStoredByItsNameAndReadBackTheSame() {
    for (TicketState s : allStates()) {
      assertEquals(s.kind().stored(), s.name());
      Optional<String> reason =
          s instanceof Blocked b
              ? Optional.of(b.reason())
              : s instanceof TicketState.Closed c ? Optional.of(c.reason()) : Optional.empty();
      assertEquals(s, TicketState.of(s.name(), s.since(), reason.orElse(null)), s.name());
    }
    assertEquals(
        EnumSet.allOf(Kind.class),
        allStates().stream().map(TicketState::kind).collect(java.util.stream.Collectors.toSet()),
        "one state type per kind");
  }

  @Test
  void theStoredNamesAreThoseInTheDatabase() {
    assertEquals("queued", Kind.QUEUED.stored());
    assertEquals("checking", Kind.CHECKING.stored());
    assertEquals("checked", Kind.CHECKED.stored());
    assertEquals("with-data-owner", Kind.WITH_DATA_OWNER.stored());
    assertEquals("approved", Kind.APPROVED.stored());
    assertEquals("blocked", Kind.BLOCKED.stored());
    assertEquals("closed", Kind.CLOSED.stored());
    assertEquals(Optional.of(Kind.WITH_DATA_OWNER), Kind.of("with-data-owner"));
    assertEquals(Optional.empty(), Kind.of("released"), "a reason is not a state");
    assertEquals(Optional.empty(), Kind.of(null));
  }

  @Test
  void theServiceClockRunsOnlyWhileTheOfficersHaveTheNextMove() {
    Set<Kind> running = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) if (k.serviceClockRuns()) running.add(k);

    assertEquals(EnumSet.of(Kind.QUEUED, Kind.CHECKING, Kind.CHECKED, Kind.APPROVED), running);
    assertEquals(TicketState.WaitingFor.RESEARCHER, Kind.BLOCKED.waitingFor());
    assertEquals(TicketState.WaitingFor.DATA_OWNER, Kind.WITH_DATA_OWNER.waitingFor());
    assertEquals(TicketState.WaitingFor.NOBODY, Kind.CLOSED.waitingFor());
    assertEquals(TicketState.WaitingFor.OFFICERS, Kind.APPROVED.waitingFor());
  }

  @Test
  void enteringAStateIsRecordedAsStateAndItsNameAndReadBackAsThatState() {
    for (Kind k : Kind.values()) {
      AuditType.StateEntered entered = k.entered();
      assertEquals("state-" + k.stored(), entered.code());
      assertEquals(Optional.of(k), AuditType.StateEntered.parse(entered.code()));
    }
    assertEquals(Optional.empty(), AuditType.StateEntered.parse("verdict-given"));
    assertEquals(Optional.empty(), AuditType.StateEntered.parse("state-released"));
    assertEquals(Optional.empty(), AuditType.StateEntered.parse(null));
    assertEquals(Optional.empty(), AuditType.StateEntered.parse("queued"), "the prefix is needed");
    assertThrows(NullPointerException.class, () -> new AuditType.StateEntered(null));
  }

  @Test
  void otherAuditEventsAreStoredByTheirCodes() {
    assertEquals("verdict-given", AuditType.Action.VERDICT_GIVEN.code());
    assertEquals("ticket-reopened", AuditType.Action.TICKET_REOPENED.code());
    for (AuditType.Action a : AuditType.Action.values()) {
      assertFalse(a.code().startsWith("state-"), a.code());
      assertEquals(a.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), a.code());
    }
  }

  @Test
  void aStateChangeRecordsTheStateItsTicketEntered() {
    Ticket t = ticket(new TicketState.Checked(T1));
    StateChange change = new StateChange(t, "officer@ons.gov.uk", "two passes", T1);

    assertEquals(new AuditType.StateEntered(Kind.CHECKED), change.event());
    assertThrows(NullPointerException.class, () -> new StateChange(null, "a", "d", T1));
    assertThrows(NullPointerException.class, () -> new StateChange(t, null, "d", T1));
    assertThrows(NullPointerException.class, () -> new StateChange(t, "a", "d", null));
  }

  @Test
  void everyStateNeedsItsTimeAndABlockItsCause() {
    assertThrows(NullPointerException.class, () -> new TicketState.Checking(null));
    assertThrows(NullPointerException.class, () -> new TicketState.Checked(null));
    assertThrows(NullPointerException.class, () -> new TicketState.WithDataOwner(null));
    assertThrows(NullPointerException.class, () -> new TicketState.Approved(null));
    assertThrows(NullPointerException.class, () -> new TicketState.Closed(null, "x"));
    assertThrows(NullPointerException.class, () -> new Blocked(T0, null));
  }

  @Test
  void anIntakeBlockNamesItsCodesAndMatchesOnlyWholeCodes() {
    Blocked.IntakeProblems problems = new Blocked.IntakeProblems("FORM_MISSING, FILE_EMPTY");

    assertTrue(problems.includes("FORM_MISSING"));
    assertTrue(problems.includes("FILE_EMPTY"));
    assertFalse(problems.includes("FORM"));
    assertEquals("", new Blocked.IntakeProblems(null).text());
    assertInstanceOf(Blocked.IntakeProblems.class, Blocked.Cause.of("revisions"));
    assertSame(Blocked.OfficerRequest.QUESTION, Blocked.Cause.of("question to the researcher"));
  }

  @Test
  void aTicketMovesOnWithoutChangingWhatItIs() {
    Ticket t = ticket(new TicketState.Queued(T0));

    Ticket moved = t.withState(new TicketState.Checking(T1));
    assertEquals(new TicketState.Checking(T1), moved.state());
    assertEquals(t.withState(t.state()), t);
    assertEquals(t, moved.withState(t.state()), "only the state changed");

    Ticket revised = t.nextRound();
    assertEquals(2, revised.round());
    assertEquals(t.state(), revised.state());

    Ticket foldered = t.withFolder("results_v2", 2);
    assertEquals("results_v2", foldered.folderName());
    assertEquals(2, foldered.folderVersion());
    assertEquals(7L, foldered.version(), "the row version is not the folder's");
    assertEquals(t.round(), foldered.round());

    Ticket transfer = t.asKind(RequestKind.TRANSFER, "P2");
    assertEquals(RequestKind.TRANSFER, transfer.kind());
    assertEquals("P2", transfer.destinationProject());
    assertEquals(t.state(), transfer.state());
    assertEquals("STATS10001", t.idText());
  }

  @Test
  void aTicketStartsAtRoundOneAndOnlyATransferNamesADestination() {
    Ticket t = ticket(new TicketState.Queued(T0));
    Ticket fresh =
        Ticket.builder()
            .id(t.id())
            .projectNumber("P1")
            .researcher("r@x.org")
            .subject("s")
            .state(t.state())
            .policy("default")
            .createdAt(T0)
            .rootMessageId("<m@x>")
            .build();
    assertEquals(1, fresh.round());
    assertEquals(0L, fresh.version());
    assertEquals(RequestKind.OUTPUT, fresh.kind());

    assertThrows(IllegalArgumentException.class, () -> t.asKind(RequestKind.OUTPUT, "P2"));
    assertThrows(IllegalArgumentException.class, () -> t.asKind(RequestKind.TRANSFER, null));
    assertThrows(IllegalArgumentException.class, () -> t.toBuilder().round(0).build());
  }

  @Test
  void aRequestKindIsReadFromItsCodeAndAnUnknownStoredOneIsAnError() {
    assertEquals(Optional.of(RequestKind.INGEST), RequestKind.fromCode(" Ingest "));
    assertEquals(Optional.empty(), RequestKind.fromCode("export"));
    assertEquals(Optional.empty(), RequestKind.fromCode(null));
    assertEquals(RequestKind.TRANSFER, RequestKind.stored("transfer"));
    assertThrows(IllegalStateException.class, () -> RequestKind.stored("export"));
    assertEquals("transfer request", RequestKind.TRANSFER.displayName());
    assertEquals("Ingest request", RequestKind.INGEST.title());
  }

  @Test
  void countsAreSplitByKindWhenTheDeskNamesKinds() {
    KindCounts outputs = KindCounts.none().plus(RequestKind.OUTPUT, 9);
    assertEquals("9", outputs.text(false));
    assertEquals("9 (output 9)", outputs.text(true));

    KindCounts mixed = outputs.plus(RequestKind.TRANSFER, 1).plus(RequestKind.INGEST, 2);
    assertEquals(12, mixed.total());
    assertEquals(2, mixed.of(RequestKind.INGEST));
    assertEquals(0, KindCounts.none().of(RequestKind.INGEST));
    assertEquals("12 (output 9, ingest 2, transfer 1)", mixed.text(true));
    assertEquals("12", mixed.text(false));
    assertEquals(
        "0", KindCounts.none().plus(RequestKind.INGEST, 0).text(true), "nothing counted, no split");
    assertThrows(
        IllegalArgumentException.class,
        () -> new KindCounts(java.util.Map.of(RequestKind.OUTPUT, -1)));
  }

  private static Set<TicketState.Open> openStates() {
    return Set.of(
        new TicketState.Queued(T0),
        new TicketState.Checking(T0),
        new TicketState.Checked(T0),
        new TicketState.WithDataOwner(T0),
        new TicketState.Approved(T0),
        new Blocked(T0, new Blocked.IntakeProblems("FORM_MISSING")));
  }

  private static Set<TicketState> allStates() {
    Set<TicketState> all = new java.util.HashSet<>(openStates());
    all.add(new TicketState.Closed(T0, "withdrawn"));
    return all;
  }

  private static Ticket ticket(TicketState state) {
    return Ticket.builder()
        .id(TicketId.parse("STATS10001"))
        .projectNumber("P1")
        .researcher("researcher@uni.ac.uk")
        .subject("Output request")
        .state(state)
        .policy("default")
        .folder("results", 1)
        .createdAt(T0)
        .rootMessageId("<m@x>")
        .version(7)
        .build();
  }
}
