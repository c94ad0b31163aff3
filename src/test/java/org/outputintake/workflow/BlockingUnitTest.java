package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.TicketState;

/**
 * {@code #revise} and {@code #ask} write to the researcher and block the ticket until they answer;
 * {@code #reject} and {@code #close} end it without release. What goes to the researcher is text,
 * never files from staff.
 */
class BlockingUnitTest extends OnTheDesk {
  @Test
  void aRevisionRequestGoesToTheResearcherAndBlocksTheTicketUntilTheyAnswer() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#revise Please merge East into South.");

    TicketState.Blocked blocked = assertInstanceOf(TicketState.Blocked.class, desk.state(id));
    assertSame(TicketState.Blocked.OfficerRequest.REVISIONS, blocked.cause());
    assertEquals("researcher-revise", desk.lastTo(ADA, id).kind());
    assertTrue(desk.lastBodyTo(ADA, id).contains("Please merge East into South."));
    String done = desk.confirmationTo(ALICE, id);
    assertTrue(
        done.contains("Your guidance was sent to " + ADA + " and " + id + " is blocked"), done);
    assertTrue(done.contains("new files reset the verdicts"), done);

    desk.say(BOB, id, "#take");
    assertTrue(
        desk.refusalTo(BOB, id).contains(id + " is blocked waiting for the researcher"),
        desk.lastBodyTo(BOB, id));
    desk.say(ALICE, id, "#pass fine");
    assertTrue(desk.refusalTo(ALICE, id).contains("verdicts wait for their answer"));
    assertEquals(0, desk.verdicts(id, 1));

    desk.researcherAnswers(id);

    assertInstanceOf(TicketState.Queued.class, desk.state(id));
    desk.say(BOB, id, "#take");
    assertEquals(List.of(ALICE, BOB), desk.checkers(id));
  }

  @Test
  void aQuestionBlocksForTheSameAnswerAndSaysTheVerdictsStand() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#ask What is the unit of row 3?");

    TicketState.Blocked blocked = assertInstanceOf(TicketState.Blocked.class, desk.state(id));
    assertSame(TicketState.Blocked.OfficerRequest.QUESTION, blocked.cause());
    assertEquals("researcher-ask", desk.lastTo(ADA, id).kind());
    String done = desk.confirmationTo(ALICE, id);
    assertTrue(done.contains("Your question was sent to " + ADA), done);
    assertTrue(done.contains("an answer without files keeps the verdicts"), done);

    desk.say(ALICE, id, "#revise And merge East.");
    TicketState.Blocked again = assertInstanceOf(TicketState.Blocked.class, desk.state(id));
    assertSame(TicketState.Blocked.OfficerRequest.REVISIONS, again.cause());
  }

  @Test
  void aMessageToTheResearcherNeedsItsTextAndNoAttachments() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#revise");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("#revise needs the guidance for the researcher after the command"));
    desk.say(ALICE, id, "#ask ");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("#ask needs your question for the researcher after the command"));
    desk.sayWithFile(ALICE, id, "#ask See the attached", "marked-up.csv");
    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains(
            "your email has 1 attachment(s) (marked-up.csv), and #ask never sends files to the"
                + " researcher (only #release does, and only the checked files)"),
        refusal);

    assertInstanceOf(TicketState.Queued.class, desk.state(id));
    assertTrue(desk.mailTo(ADA, id).isEmpty());
  }

  @Test
  void onlyTheCheckersWriteToTheResearcherOnceTheTicketIsHeld() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");

    desk.say(CAROL, id, "#revise Merge East.");

    assertTrue(
        desk.refusalTo(CAROL, id)
            .contains(
                "the ticket is held by "
                    + ALICE
                    + " and "
                    + BOB
                    + "; only its checkers can use #revise"));
    desk.say(CAROL, id, "#reject Not clearable.");
    assertTrue(desk.refusalTo(CAROL, id).contains("only its checkers can use #reject"));
    assertInstanceOf(TicketState.Checking.class, desk.state(id));
  }

  @Test
  void anOfficerWhoDoesNotHoldAHalfTakenTicketIsToldToTakeIt() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(BOB, id, "#reject Not clearable.");

    assertTrue(
        desk.refusalTo(BOB, id).contains("you do not hold this ticket: take it first with #take"));
  }

  @Test
  void aRejectionClosesTheTicketWithoutReleaseAndTellsTheResearcher() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#reject");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "#reject needs the reason, which the researcher will read after the command"));
    desk.say(ALICE, id, "#reject The table is a list of individuals.\nSecond line.");

    TicketState.Closed closed = assertInstanceOf(TicketState.Closed.class, desk.state(id));
    assertFalse(closed.released());
    assertEquals("rejected: The table is a list of individuals.", closed.reason());
    assertEquals("researcher-rejected", desk.lastTo(ADA, id).kind());
    assertTrue(
        desk.confirmationTo(ALICE, id)
            .contains(id + " is closed (rejected) and the researcher was told."));

    desk.say(ALICE, id, "#pass fine");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("the ticket is closed (rejected: The table is a list of individuals.)"));
  }

  @Test
  void anyOfficerClosesATicketForAnotherReason() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");

    desk.say(CAROL, id, "#close withdrawn by the researcher");

    TicketState.Closed closed = assertInstanceOf(TicketState.Closed.class, desk.state(id));
    assertEquals("closed: withdrawn by the researcher", closed.reason());
    assertEquals("researcher-closed", desk.lastTo(ADA, id).kind());
    assertTrue(desk.confirmationTo(CAROL, id).contains("is closed (closed)"));
  }

  @Test
  void theRequesterMayCloseButNotRejectTheirOwnRequest() throws Exception {
    String id = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "table.csv");

    desk.say(BOB, id, "#reject no good");
    assertTrue(desk.refusalTo(BOB, id).contains("you are the requester of this ticket"));
    desk.say(BOB, id, "#close I withdraw it");

    assertInstanceOf(TicketState.Closed.class, desk.state(id));
  }

  @Test
  void aLongClosingReasonIsCutInTheStoredState() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#close " + "x".repeat(250));

    TicketState.Closed closed = assertInstanceOf(TicketState.Closed.class, desk.state(id));
    assertEquals("closed: " + "x".repeat(200) + "…", closed.reason());
  }
}
