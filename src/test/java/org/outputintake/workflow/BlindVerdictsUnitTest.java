package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.MANAGER;
import static org.outputintake.workflow.WorkflowFixture.OFFICERS_LIST;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.TicketState;

/**
 * The verdicts are blind until both are in, a disagreement goes to the managers, and a deciding
 * third checker, assigned only then, decides the round without seeing the other two first.
 */
class BlindVerdictsUnitTest extends OnTheDesk {
  @Test
  void theFirstVerdictReachesNobodyUntilTheSecondIsIn() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");

    desk.say(ALICE, id, "#pass all cells above ten");

    String mine = desk.confirmationTo(ALICE, id);
    assertTrue(mine.contains("Your verdict (pass) for round 1 is recorded."), mine);
    assertTrue(mine.contains("Waiting for the second checker's independent verdict"), mine);
    assertFalse(desk.kinds(id).contains("verdicts-revealed"));
    assertTrue(
        desk.mailTo(BOB, id).stream().noneMatch(m -> m.body().contains("all cells above ten")));
    assertTrue(
        desk.audit(id).stream().noneMatch(a -> a.contains("#pass")),
        "the audit trail names no verdict: " + desk.audit(id));
    assertTrue(desk.audit(id).contains("command: verdict, message sha256 " + "0".repeat(64)));
    assertTrue(
        desk.outbox(id).stream().noneMatch(m -> m.subject().contains("#pass")),
        "no subject names the verdict");

    desk.say(BOB, id, "#fail row 3 is a count of 4");

    for (String checker : List.of(ALICE, BOB)) {
      OutgoingMail revealed =
          desk.mailTo(checker, id).stream()
              .filter(m -> m.kind().equals("verdicts-revealed"))
              .findFirst()
              .orElseThrow();
      assertTrue(revealed.body().contains("all cells above ten"), revealed.body());
      assertTrue(revealed.body().contains("row 3 is a count of 4"), revealed.body());
    }
  }

  @Test
  void aRefusedVerdictsReasonGoesToItsAuthorAlone() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#fail");

    assertTrue(
        desk.audit(id)
            .contains(
                "command-refused: verdict: not recorded (the reason went to its author), message"
                    + " sha256 "
                    + "0".repeat(64)),
        desk.audit(id).toString());
  }

  @Test
  void aVerdictCopiedToTheOfficersListIsNoLongerBlindAndTheCheckerIsWarned() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.sayWith(ALICE, id, "#pass fine", Map.of("cc", OFFICERS_LIST));

    String done = desk.confirmationTo(ALICE, id);
    assertTrue(
        done.contains(
            "WARNING: your email was also sent to "
                + OFFICERS_LIST
                + " (the officers' list: Reply-All), so they have read your verdict"),
        done);
    assertTrue(
        desk.audit(id)
            .contains("verdict-copied: the verdict email was also sent to " + OFFICERS_LIST),
        desk.audit(id).toString());
    desk.sayWith(BOB, id, "#pass fine", Map.of("to", "support@example.org, " + ALICE));
    assertFalse(desk.confirmationTo(BOB, id).contains("(the officers' list: Reply-All)"));
  }

  @Test
  void aPassAndAFailLeaveTheTicketWithItsCheckersAndTellTheManagers() throws Exception {
    String id = disagreed();

    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    String done = desk.confirmationTo(BOB, id);
    assertTrue(done.contains("The checkers disagree or one fails"), done);
    assertTrue(done.contains("The managers have been told you disagree"), done);
    OutgoingMail told = desk.lastTo(MANAGER, id);
    assertEquals("managers-disagreement", told.kind());
    assertTrue(told.body().contains(ALICE + " and " + BOB), told.body());
    assertFalse(told.body().contains("PASS"), "who gave which is not the managers' business");
    desk.say(ALICE, id, "#release");
    assertTrue(desk.refusalTo(ALICE, id).contains("#release needs two passes"));
  }

  @Test
  void twoFailsAreNoDisagreementForTheManagers() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#fail small cell");
    desk.say(BOB, id, "#fail small cell");

    assertTrue(desk.mailTo(MANAGER, id).isEmpty());
    assertFalse(desk.confirmationTo(BOB, id).contains("The managers have been told"));
  }

  @Test
  void aDecidingCheckerIsAssignedOnlyWhenTheTwoDisagree() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass fine");

    desk.say(MANAGER, id, "#assign " + CAROL);

    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(
                "a third, deciding checker can be assigned only when both have given their"
                    + " verdicts and they disagree"));
    assertTrue(desk.mailTo(CAROL, id).isEmpty());
  }

  @Test
  void theDecidingCheckersPassDecidesTheRoundAndTheyThenSeeAllThree() throws Exception {
    String id = disagreed();

    desk.say(MANAGER, id, "#assign " + CAROL);
    String assigned = desk.lastBodyTo(CAROL, id);
    assertTrue(assigned.contains("You are the deciding (third) checker of " + id), assigned);
    assertFalse(assigned.contains("row 3 is 4"), "blind to the two verdicts until theirs is in");
    assertEquals("officers-alert", desk.lastTo(ALICE, id).kind());
    desk.say(MANAGER, id, "#assign " + WorkflowFixture.OWNER);
    assertTrue(desk.refusalTo(MANAGER, id).contains("is not one of the output checking officers"));

    desk.say(CAROL, id, "#pass the cell of 4 is a zero row");

    assertInstanceOf(TicketState.Checked.class, desk.state(id));
    String done = desk.confirmationTo(CAROL, id);
    assertTrue(done.contains("Your deciding verdict (pass) for round 1 is recorded"), done);
    assertTrue(done.contains("release the files to the researcher with #release"), done);
    for (String officer : List.of(ALICE, BOB, CAROL)) {
      assertTrue(
          desk.mailTo(officer, id).stream()
              .anyMatch(
                  m -> m.kind().equals("verdicts-revealed") && m.body().contains("row 3 is 4")),
          officer);
    }
    desk.say(CAROL, id, "#pass again");
    assertTrue(
        desk.refusalTo(CAROL, id).contains(id + " is checked: there is no round to decide now"));
  }

  @Test
  void theDecidingCheckersFailLeavesTheTicketWithItsCheckers() throws Exception {
    String id = disagreed();
    desk.say(MANAGER, id, "#assign " + CAROL);

    desk.say(CAROL, id, "#fail the cell of 4 is real");

    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    assertTrue(desk.confirmationTo(CAROL, id).contains("The deciding verdict is a fail"));
    desk.say(CAROL, id, "#fail again");
    assertTrue(
        desk.refusalTo(CAROL, id)
            .contains("your deciding verdict for round 1 is already recorded"));
    desk.say(MANAGER, id, "#assign " + WorkflowFixture.ALICE);
    assertTrue(desk.refusalTo(MANAGER, id).contains(ALICE + " is already a checker of " + id));
  }

  @Test
  void aRoundHasOneDecidingCheckerAtMost() throws Exception {
    withOfficers(ALICE, BOB, CAROL, DAVE);
    String id = disagreed();
    desk.say(MANAGER, id, "#assign " + CAROL);

    desk.say(MANAGER, id, "#assign " + DAVE);

    assertTrue(
        desk.refusalTo(MANAGER, id)
            .contains(CAROL + " is already the deciding checker of round 1"));
    assertTrue(desk.mailTo(DAVE, id).isEmpty());
  }

  private String disagreed() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass fine");
    desk.say(BOB, id, "#fail row 3 is 4");
    return id;
  }
}
