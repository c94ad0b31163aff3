package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.BOBS_PROJECT;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.TicketState;

/**
 * Only what two independent officers checked leaves: who may take a ticket and give a verdict, and
 * what each refusal tells them to do instead.
 */
class IndependentChecksUnitTest extends OnTheDesk {
  private static final String ALAN = "alan.turing@uni.example.ac.uk";

  @Test
  void aTakeMakesTheOfficerCheckerOneAndSendsTheFilesWithTheirHashes() throws Exception {
    String id = desk.request(PLAIN, "table.csv", "other.csv");

    desk.say(ALICE, id, "#take");

    String done = desk.confirmationTo(ALICE, id);
    assertTrue(done.contains("You are checker 1 of 2 on " + id + "."), done);
    assertTrue(done.contains("(check round 1), each with its SHA-256"), done);
    assertTrue(done.contains("table.csv (output)"), done);
    assertEquals(2, desk.lastTo(ALICE, id).attachments().size());
    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    assertEquals(List.of(ALICE), desk.checkers(id));

    desk.say(BOB, id, "#take");
    assertTrue(desk.confirmationTo(BOB, id).contains("You are checker 2 of 2"));
    assertEquals(List.of(ALICE, BOB), desk.checkers(id));
  }

  @Test
  void theRequesterMayNotCheckTheirOwnRequest() throws Exception {
    String id = desk.requestFrom(BOB, BOBS_PROJECT, "table.csv");

    desk.say(BOB, id, "#take");

    assertTrue(
        desk.refusalTo(BOB, id)
            .contains("you are the requester of this ticket, so you cannot check or release it"));
    assertEquals(List.of(), desk.checkers(id));
    desk.say(BOB, id, "#pass mine is fine");
    assertTrue(desk.refusalTo(BOB, id).contains("you are the requester of this ticket"));
    assertEquals(0, desk.verdicts(id, 1));
  }

  @Test
  void aResearcherOfTheProjectMayNotCheckAColleaguesRequest() throws Exception {
    withOfficers(ALICE, BOB, ALAN);
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALAN, id, "#take");

    assertTrue(
        desk.refusalTo(ALAN, id)
            .contains(
                "you are a researcher on project "
                    + PLAIN
                    + ", so you cannot check or release it"));
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void aThirdCheckerIsRefusedNamingTheTwoWhoHoldIt() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");

    desk.say(CAROL, id, "#take");
    assertTrue(
        desk.refusalTo(CAROL, id)
            .contains(id + " already has its 2 checkers: " + ALICE + " and " + BOB));
    desk.say(CAROL, id, "#pass looks fine to me");
    assertTrue(desk.refusalTo(CAROL, id).contains("already has its 2 checkers"));

    assertEquals(List.of(ALICE, BOB), desk.checkers(id));
    assertEquals(0, desk.verdicts(id, 1));
  }

  @Test
  void takingATicketTwiceIsRefused() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#take");

    assertTrue(desk.refusalTo(ALICE, id).contains("you already hold " + id));
    assertEquals(List.of(ALICE), desk.checkers(id));
  }

  @Test
  void aPassFromAnOfficerWhoHasNotTakenTheTicketTakesItFirst() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#pass fine");

    String done = desk.confirmationTo(ALICE, id);
    assertTrue(done.contains("You are now a checker of " + id + "."), done);
    assertTrue(done.contains("Your verdict (pass) for round 1 is recorded."), done);
    assertEquals(List.of(ALICE), desk.checkers(id));
    assertInstanceOf(TicketState.Checking.class, desk.state(id));
  }

  @Test
  void aFailNeedsItsNotesAndAVerdictIsNeverChanged() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#fail");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("#fail needs your notes (what fails and why) after the command"));
    assertEquals(0, desk.verdicts(id, 1));

    desk.say(ALICE, id, "#fail row 3 is 4");
    desk.say(ALICE, id, "#pass on second thoughts");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "your verdict for round 1 is already recorded (fail); verdicts cannot be changed,"
                    + " but you can add a #note"));
    assertEquals(1, desk.verdicts(id, 1));
  }

  @Test
  void twoPassesCheckTheTicketAndSayHowToReleaseIt() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    twoPasses(id);

    assertInstanceOf(TicketState.Checked.class, desk.state(id));
    String done = desk.confirmationTo(BOB, id);
    assertTrue(done.contains("both verdicts are in and have been sent to both checkers"), done);
    assertTrue(done.contains("Two passes: release the files to the researcher with #release."));
    desk.say(CAROL, id, "#pass me too");
    assertTrue(
        desk.refusalTo(CAROL, id).contains("already has its 2 checkers"),
        "a verdict on a checked ticket changes nothing");
  }

  @Test
  void onlyOfficersTakeAndCheck() throws Exception {
    String id = desk.request(WorkflowFixture.FOR_APPROVAL, "table.csv");

    desk.say(WorkflowFixture.OWNER, id, "#take");
    assertTrue(
        desk.refusalTo(WorkflowFixture.OWNER, id)
            .contains("only the output checking officers can use #take"));
    desk.say(WorkflowFixture.MANAGER, id, "#take");
    assertTrue(
        desk.refusalTo(WorkflowFixture.MANAGER, id)
            .contains("managers may only use #unassign (free the slot of a checker who is away"));
    desk.say(WorkflowFixture.MANAGER, id, "#pass");
    assertTrue(desk.refusalTo(WorkflowFixture.MANAGER, id).contains("#pass is for the output"));
    assertEquals(List.of(), desk.checkers(id));
    assertEquals(ADA, desk.ticket(id).researcher());
  }
}
