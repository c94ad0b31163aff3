package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.FOR_APPROVAL;
import static org.outputintake.workflow.WorkflowFixture.MANAGER;
import static org.outputintake.workflow.WorkflowFixture.OFFICERS_LIST;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Staff;
import org.outputintake.ticket.TicketState;

/**
 * The guards mutation testing found unpinned by the first round of unit tests: a release bound to
 * its round, an approval that was never proven, a repeated verdict, assignments and reopenings of
 * closed tickets, and their records.
 */
class GuardEdgesUnitTest extends OnTheDesk {
  @Test
  void aReleaseInANewEmailIsRefusedLikeEveryDecision() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);

    desk.newMail(ALICE, id, "#release");

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("your email answers none of the bot's emails about " + id));
    assertInstanceOf(TicketState.Checked.class, desk.state(id));
  }

  @Test
  void aClosedTicketGetsNoNewChecker() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#reject not clearable");

    desk.say(BOB, id, "#take");

    assertTrue(desk.refusalTo(BOB, id).contains("the ticket is closed (rejected"), id);
    assertEquals(List.of(), desk.checkers(id), "nobody holds a closed ticket");
    assertInstanceOf(TicketState.Closed.class, desk.state(id));
  }

  @Test
  void aReleasedTicketRefusesASecondReleaseAsClosed() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.confirmationTo(ALICE, id)
            .contains("Nothing more: the ticket is closed (tickets export writes its record)."));

    desk.say(BOB, id, "#release");

    assertTrue(desk.refusalTo(BOB, id).contains("the ticket is closed (released)"));
  }

  @Test
  void anApprovalThatWasNeverProvenStopsTheReleaseAndCannotBeRepeated() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");
    desk.sayWith(OWNER, id, "#approve", WorkflowFixture.Proof.NOT_CHECKED.header());
    assertInstanceOf(TicketState.Approved.class, desk.state(id));

    desk.say(ALICE, id, "#release");

    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains("nothing was released: the data owner's approval in round 1 of " + id),
        refusal);
    assertTrue(
        refusal.contains("an approval cannot be repeated: close the ticket with #close"), refusal);
    assertInstanceOf(TicketState.Approved.class, desk.state(id));
  }

  @Test
  void aProvenVerdictGivenAgainIsRefusedAsAlreadyRecorded() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#pass fine");

    desk.say(ALICE, id, "#pass fine");

    assertTrue(
        desk.refusalTo(ALICE, id).contains("your verdict for round 1 is already recorded (pass)"));
  }

  @Test
  void aVerdictWithoutNotesIsRevealedAsHavingNone() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#pass");

    desk.say(BOB, id, "#fail row 3");

    String revealed =
        desk.mailTo(ALICE, id).stream()
            .filter(m -> m.kind().equals("verdicts-revealed"))
            .findFirst()
            .orElseThrow()
            .body();
    assertTrue(revealed.contains("(no notes)"), revealed);
    assertTrue(revealed.contains("row 3"), revealed);
  }

  @Test
  void aClosedTicketGetsNoChecker() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#close duplicate");

    desk.say(MANAGER, id, "#assign " + BOB);

    assertTrue(desk.refusalTo(MANAGER, id).contains("the ticket is closed (closed: duplicate)"));
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void assignmentsAreOnTheAuditTrail() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(MANAGER, id, "#assign " + ALICE);
    desk.say(MANAGER, id, "#assign " + BOB);
    desk.say(ALICE, id, "#pass fine");
    desk.say(BOB, id, "#fail row 3");

    desk.say(MANAGER, id, "#assign " + CAROL);

    List<String> audit = desk.audit(id);
    assertTrue(audit.contains("checker-assigned: " + ALICE + ", checker 1"), audit.toString());
    assertTrue(audit.contains("checker-assigned: " + BOB + ", checker 2"), audit.toString());
    assertTrue(audit.contains("decider-assigned: " + CAROL + ", round 1"), audit.toString());
  }

  @Test
  void aReopeningIsNotedAuditedAndToldToTheCheckers() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#close duplicate");

    desk.say(MANAGER, id, "#reopen not a duplicate after all");

    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(
                n -> n.kind().equals("reopen") && n.text().equals("not a duplicate after all")));
    assertTrue(
        desk.audit(id)
            .contains(
                "ticket-reopened: closed by " + ALICE + " (closed: duplicate); back to checking"),
        desk.audit(id).toString());
    assertEquals("officers-alert", desk.lastTo(ALICE, id).kind());
    assertTrue(desk.lastBodyTo(ALICE, id).contains("not a duplicate after all"));
  }

  @Test
  void aManagerWithAStakeMayNotReopenTheirOwnRequest() throws Exception {
    withStaff(Staff.of(OFFICERS_LIST, List.of(ALICE, CAROL), List.of(BOB)));
    String id = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "table.csv");
    desk.say(ALICE, id, "#reject not clearable");

    desk.say(BOB, id, "#reopen please");

    assertTrue(
        desk.refusalTo(BOB, id)
            .contains("you are the requester of this ticket, so you cannot change who checks it"));
    assertInstanceOf(TicketState.Closed.class, desk.state(id));
  }

  @Test
  void aCommandWrittenWithASpaceAfterTheHashIsStillTheCommand() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "# take");

    assertEquals(List.of(ALICE), desk.checkers(id));
  }

  @Test
  void aGuessThreeKeystrokesAwayIsNeverOffered() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.newMail(ALICE, id, "#tazzz");

    String help = desk.lastBodyTo(ALICE, id);
    assertTrue(help.contains("#tazzz is not a command."), help);
    assertFalse(help.contains("did you mean"), help);
  }

  @Test
  void aDenialIsToldAsADenialEverywhere() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "#deny the region is too small");

    String told = desk.lastBodyTo(BOB, id);
    assertTrue(told.contains("DENIED"), told);
    assertTrue(told.contains("A checker must now reply #revise"), told);
    assertEquals("Data owner denied", desk.lastTo(BOB, id).subject().replaceAll(".*\\] ", ""));
    String done = desk.confirmationTo(OWNER, id);
    assertTrue(done.contains("Your decision (deny) on " + id + " is recorded"), done);
    assertTrue(done.contains("The officers will ask the researcher to revise the output."), done);
    assertTrue(
        desk.audit(id).contains("state-checking: data owner " + OWNER + " denied"),
        desk.audit(id).toString());
  }

  @Test
  void anApprovalIsToldAsAnApprovalEverywhere() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "#approve");

    String told = desk.lastBodyTo(BOB, id);
    assertTrue(told.contains("APPROVED"), told);
    assertTrue(told.contains("A checker can now release the files with #release."), told);
    String done = desk.confirmationTo(OWNER, id);
    assertTrue(done.contains("Your decision (approve) on " + id + " is recorded"), done);
    assertTrue(done.contains("The officers will release the files to the researcher."), done);
    assertTrue(
        desk.audit(id).contains("state-approved: data owner " + OWNER + " approved"),
        desk.audit(id).toString());
  }

  @Test
  void aClosedTicketIsNeitherClosedAgainNorDecidedByItsOwner() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    desk.say(ALICE, id, "#close withdrawn");

    desk.say(BOB, id, "#close again");
    assertTrue(desk.refusalTo(BOB, id).contains("the ticket is closed (closed: withdrawn)"));
    desk.say(OWNER, id, "#approve");
    assertTrue(desk.refusalTo(OWNER, id).contains("the ticket is closed (closed: withdrawn)"));
  }

  @Test
  void aRefusedCommandThatIsNoVerdictIsAuditedWithItsReason() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#take");

    assertTrue(
        desk.audit(id).stream()
            .anyMatch(a -> a.startsWith("command-refused: #take: you already hold " + id)),
        desk.audit(id).toString());
  }

  @Test
  void theDecidingCheckerActsOnTheRoundTheyDecidedAsItsCheckersDo() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#pass fine");
    desk.say(BOB, id, "#fail row 3");
    desk.say(MANAGER, id, "#assign " + CAROL);
    desk.say(CAROL, id, "#fail row 3 is real");

    desk.say(CAROL, id, "#reject row 3 is a count of 4");

    assertInstanceOf(TicketState.Closed.class, desk.state(id));
  }

  @Test
  void aClosingSendsNoFilesAndKeepsItsReasonAsANote() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.sayWithFile(ALICE, id, "#close see the attached", "why.csv");
    assertTrue(
        desk.refusalTo(ALICE, id).contains("and #close never sends files to the researcher"));
    desk.say(ALICE, id, "#close " + "y".repeat(200));

    assertEquals(
        "closed: " + "y".repeat(200),
        ((TicketState.Closed) desk.state(id)).reason(),
        "a line of 200 characters is kept whole");
    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("close") && n.author().equals(ALICE)));
  }
}
