package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.OFFICERS_LIST;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.TicketState;

/**
 * A decision counts for the files its author was shown: it must answer a bot email of the ticket's
 * current check round, and the refusal names the round and where to reply.
 */
class DecisionRoundUnitTest extends OnTheDesk {
  @Test
  void aVerdictInANewEmailIsRefusedAndSaysWhereToReply() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.newMail(ALICE, id, "#pass fine");

    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains(
            "your email answers none of the bot's emails about "
                + id
                + " (a new email with the ticket in its subject), so nothing says which files your"
                + " #pass is about."),
        refusal);
    assertTrue(refusal.contains(id + " is now at check round 1 (files table.csv sha256 "), refusal);
    assertTrue(
        refusal.contains(
            "reply to the round-1 notification, or to any later email from the bot about " + id),
        refusal);
    assertEquals(0, desk.verdicts(id, 1));
  }

  @Test
  void aCommandThatDecidesNothingWorksFromANewEmail() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.newMail(BOB, id, "#take");

    assertEquals(List.of(BOB), desk.checkers(id));
  }

  @Test
  void aVerdictOnTheLastRoundsNotificationIsRefusedNamingTheCurrentRound() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    String round1 = desk.lastTo(OFFICERS_LIST, id).messageId();
    desk.answer(ALICE, id, round1, "#take");
    desk.answer(BOB, id, round1, "#take");
    desk.answer(ALICE, id, round1, "#fail unclear");
    desk.answer(BOB, id, round1, "#fail unclear");
    desk.say(ALICE, id, "#ask What is row 3?");
    desk.researcherAnswers(id);
    assertEquals(2, desk.ticket(id).round());

    desk.answer(BOB, id, round1, "#pass clear now");

    String refusal = desk.refusalTo(BOB, id);
    assertTrue(
        refusal.contains("you answered the notification of round 1 (files table.csv sha256 "),
        refusal);
    assertTrue(refusal.contains(id + " is now at check round 2"), refusal);
    assertTrue(refusal.contains("reply to the round-2 notification"), refusal);
    assertTrue(refusal.contains("so that your #pass is about the files you checked"), refusal);
    assertEquals(0, desk.verdicts(id, 2));

    String round2 = desk.lastTo(OFFICERS_LIST, id).messageId();
    desk.answer(BOB, id, round2, "#pass clear now");
    assertEquals(1, desk.verdicts(id, 2));
  }

  @Test
  void anAnswerToTheVerdictsOfTheRoundCountsForThatRound() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);
    assertInstanceOf(TicketState.Checked.class, desk.state(id));

    desk.say(ALICE, id, "#release");

    assertInstanceOf(TicketState.Closed.class, desk.state(id));
  }

  @Test
  void anOwnersDecisionInANewEmailIsRefusedPointingToTheLatest() throws Exception {
    String id = desk.request(WorkflowFixture.FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner please approve");
    assertInstanceOf(TicketState.WithDataOwner.class, desk.state(id));

    desk.newMail(WorkflowFixture.OWNER, id, "#approve");

    String refusal = desk.refusalTo(WorkflowFixture.OWNER, id);
    assertTrue(refusal.contains("reply to the bot's latest email about " + id), refusal);
    assertInstanceOf(TicketState.WithDataOwner.class, desk.state(id));
  }
}
