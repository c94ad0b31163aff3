package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketStateTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");

  @Test
  void queuedTicketThatIsBlockedLeavesTheQueueWithItsReason() {
    TicketState.Blocked blocked =
        new TicketState.Queued(T0)
            .block(new TicketState.Blocked.IntakeProblems("form missing"), T1);

    assertEquals("blocked", blocked.name());
    assertEquals(T1, blocked.since());
    assertEquals("form missing", blocked.reason());
    assertTrue(blocked.isOpen());
  }

  @Test
  void blockedTicketReturnsToTheBackOfTheQueueWhenTheResearcherReplies() {
    TicketState.Queued requeued =
        new TicketState.Queued(T0)
            .block(new TicketState.Blocked.IntakeProblems("form missing"), T1)
            .researcherReplied(T2);

    assertEquals("queued", requeued.name());
    assertEquals(
        T2, requeued.since(), "queue position is the time of the reply, not the original request");
    assertTrue(requeued.isOpen());
  }

  @Test
  void blockedTicketStillWrongIsBlockedAgainFromNow() {
    TicketState.Blocked again =
        new TicketState.Blocked(T0, new TicketState.Blocked.IntakeProblems("a"))
            .stillBlocked(new TicketState.Blocked.IntakeProblems("b"), T2);

    assertEquals(T2, again.since());
    assertEquals("b", again.reason());
  }

  @Test
  void closedTicketIsNotOpen() {
    TicketState.Closed fromQueued = new TicketState.Queued(T0).close("project closed", T1);
    TicketState.Closed fromBlocked =
        new TicketState.Blocked(T0, new TicketState.Blocked.IntakeProblems("x"))
            .close("withdrawn", T2);

    assertFalse(fromQueued.isOpen());
    assertFalse(fromBlocked.isOpen());
    assertEquals("closed", fromQueued.name());
    assertEquals("project closed", fromQueued.reason());
    assertEquals(T2, fromBlocked.since());
  }

  @Test
  void stateIsRebuiltFromItsStoredName() {
    assertEquals(new TicketState.Queued(T0), TicketState.of("queued", T0, null));
    assertEquals(
        new TicketState.Blocked(T0, new TicketState.Blocked.IntakeProblems("r")),
        TicketState.of("blocked", T0, "r"));
    assertEquals(new TicketState.Closed(T0, ""), TicketState.of("closed", T0, null));
    assertThrows(IllegalArgumentException.class, () -> TicketState.of("released", T0, null));
  }

  /** An answer alone lifts only an officer's block, so the cause must survive the database. */
  @Test
  void aBlocksCauseIsReadBackAsTheKindOfBlockItWas() {
    for (TicketState.Blocked.OfficerRequest r : TicketState.Blocked.OfficerRequest.values()) {
      TicketState stored = new TicketState.Queued(T0).block(r, T1);
      assertEquals(stored, TicketState.of("blocked", T1, ((TicketState.Blocked) stored).reason()));
    }
    assertEquals(
        new TicketState.Blocked(T0, new TicketState.Blocked.IntakeProblems("FORM_MISSING")),
        TicketState.of("blocked", T0, "FORM_MISSING"));
    assertEquals(
        new TicketState.Blocked(T0, new TicketState.Blocked.IntakeProblems("")),
        TicketState.of("blocked", T0, null),
        "an old row without a reason is an intake block");
    TicketState.Blocked.IntakeProblems problems =
        new TicketState.Blocked.IntakeProblems("FORM_MISSING, FILE_EMPTY");
    assertTrue(problems.includes("FILE_EMPTY"));
    assertFalse(problems.includes("FILE"), "whole codes only");
  }

  @Test
  void stateRequiresATime() {
    assertThrows(NullPointerException.class, () -> new TicketState.Queued(null));
    assertThrows(
        NullPointerException.class,
        () -> new TicketState.Blocked(null, new TicketState.Blocked.IntakeProblems("x")));
  }
}
