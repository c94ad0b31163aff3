package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.MANAGER;
import static org.outputintake.workflow.WorkflowFixture.OFFICERS_LIST;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Staff;
import org.outputintake.ticket.TicketState;

/**
 * Who holds a ticket: a manager's {@code #assign} and {@code #unassign}, a checker's {@code #drop},
 * and {@code #reopen} of a ticket closed by mistake.
 */
class AssigningUnitTest extends OnTheDesk {
  @Test
  void aManagerAssignsACheckerWhoIsSentTheFiles() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(MANAGER, id, "#assign <" + CAROL.toUpperCase(java.util.Locale.ROOT) + ">");

    assertEquals(List.of(CAROL), desk.checkers(id));
    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    assertEquals("officer-assigned", desk.lastTo(CAROL, id).kind());
    assertEquals(1, desk.lastTo(CAROL, id).attachments().size());
    assertTrue(desk.lastBodyTo(CAROL, id).contains("You are checker 1 of 2 on " + id));
    String done = desk.confirmationTo(MANAGER, id);
    assertTrue(done.contains("You assigned " + CAROL + " to " + id + " as checker 1 of 2"), done);
    assertTrue(done.contains("It still needs a second checker"), done);
    desk.say(MANAGER, id, "#assign " + ALICE);
    assertTrue(desk.confirmationTo(MANAGER, id).contains("Both slots are held"));
  }

  @Test
  void anOfficerMayNotAssignAndIsToldToDropInstead() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#assign " + BOB);

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "only the managers (staff.managers) can use #assign; to hand back your own check,"
                    + " use #drop and your reason"));
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void anAssignmentNamesAnOfficerWithoutAStake() throws Exception {
    String id = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "table.csv");

    desk.say(MANAGER, id, "#assign");
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(
                "#assign needs the address of the officer who is to check the ticket:"
                    + " #assign carol.officer@example.org"));
    desk.say(MANAGER, id, "#assign " + ADA);
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(ADA + " is not one of the output checking officers (staff.officers)"));
    desk.say(MANAGER, id, "#assign " + BOB);
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(BOB + " is the requester of " + id + ", so cannot check it"));

    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void aBlockedTicketIsAssignedOnceTheResearcherAnswers() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#ask Which year?");

    desk.say(MANAGER, id, "#assign " + BOB);

    assertTrue(
        desk.refusalTo(MANAGER, id).contains("assign a checker once they answer"),
        desk.lastBodyTo(MANAGER, id));
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void aManagerFreesTheSlotOfACheckerWhoIsAwayBeforeTheirVerdict() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");

    desk.say(MANAGER, id, "#unassign " + BOB);
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains("#unassign needs your reason after the officer's address"));
    desk.say(MANAGER, id, "#unassign " + CAROL + " away");
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(
                CAROL
                    + " is not a checker of "
                    + id
                    + "; its checkers are "
                    + ALICE
                    + " and "
                    + BOB));
    desk.say(MANAGER, id, "#unassign " + BOB + " off sick");

    assertEquals(List.of(ALICE), desk.checkers(id));
    assertEquals("officer-unassigned", desk.lastTo(BOB, id).kind());
    assertTrue(desk.lastBodyTo(BOB, id).contains("off sick"));
    assertTrue(
        desk.confirmationTo(MANAGER, id)
            .contains("Its other checker keeps it; it needs a second checker."));
    assertTrue(desk.lastBodyTo(OFFICERS_LIST, id).contains("Reply with #take to check it."));
    assertTrue(!desk.lastBodyTo(OFFICERS_LIST, id).contains("off sick"), "the reason is private");
  }

  @Test
  void aCheckersSlotIsNeverFreedAfterTheirVerdict() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#pass fine");

    desk.say(MANAGER, id, "#unassign " + ALICE + " away");
    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(
                ALICE + " has given their verdict for round 1, which stays part of the record"));
    desk.say(ALICE, id, "#drop busy");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("your verdict for round 1 is recorded and stays part of the record"));

    assertEquals(List.of(ALICE), desk.checkers(id));
  }

  @Test
  void theLastCheckersDropReturnsTheTicketToItsPlaceInTheQueue() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.advance(Duration.ofHours(2));
    desk.say(ALICE, id, "#take");

    desk.say(BOB, id, "#drop");
    assertTrue(
        desk.refusalTo(BOB, id)
            .contains("you do not hold " + id + ", so there is nothing to hand back"));
    desk.say(ALICE, id, "#drop on leave");

    TicketState.Queued queued = assertInstanceOf(TicketState.Queued.class, desk.state(id));
    assertEquals(WorkflowFixture.T0, queued.since());
    assertEquals(List.of(), desk.checkers(id));
    assertTrue(
        desk.confirmationTo(ALICE, id)
            .contains("It is back in the queue at its place in the order of receipt."));
    assertTrue(desk.audit(id).contains("checker-dropped: (on leave)"), desk.audit(id).toString());
  }

  @Test
  void aManagerWithAStakeMayNotChangeWhoChecks() throws Exception {
    withStaff(Staff.of(OFFICERS_LIST, List.of(ALICE, CAROL), List.of(BOB)));
    String id = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "table.csv");

    desk.say(BOB, id, "#assign " + ALICE);

    assertTrue(
        desk.refusalTo(BOB, id)
            .contains("you are the requester of this ticket, so you cannot change who checks it"));
  }

  @Test
  void theOfficerWhoClosedATicketReopensItWhereItWas() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#reject not clearable");

    desk.say(BOB, id, "#reopen meant revise");
    assertTrue(
        desk.refusalTo(BOB, id)
            .contains(
                "only the officer who closed "
                    + id
                    + " ("
                    + ALICE
                    + ") or a manager can reopen it"));
    desk.say(ALICE, id, "#reopen");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "#reopen needs your reason, which the researcher will read after the command"));
    desk.say(ALICE, id, "#reopen I meant #revise");

    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    assertEquals(List.of(ALICE), desk.checkers(id));
    assertEquals("researcher-reopened", desk.lastTo(ADA, id).kind());
    assertTrue(desk.confirmationTo(ALICE, id).contains(id + " is open again: checking"));
    desk.say(ALICE, id, "#reopen again");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(id + " is open (checking); #reopen is for a ticket closed by mistake"));
  }

  @Test
  void aManagerReopensAQueuedTicketAtItsOldPlace() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.advance(Duration.ofHours(1));
    desk.say(ALICE, id, "#close duplicate");

    desk.say(MANAGER, id, "#reopen not a duplicate");

    TicketState.Queued queued = assertInstanceOf(TicketState.Queued.class, desk.state(id));
    assertEquals(WorkflowFixture.T0, queued.since());
    assertTrue(desk.confirmationTo(MANAGER, id).contains("It waits in the queue at its old place"));
  }

  @Test
  void aReleasedTicketIsNeverReopened() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#release");

    desk.say(MANAGER, id, "#reopen by mistake");

    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(id + " was released: its files have gone to the researcher"));
    assertTrue(((TicketState.Closed) desk.state(id)).released());
  }
}
