package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;

/**
 * A decision counts for the submission its author was shown: answering the notification of a round
 * that newer files replaced is refused, naming the current round, and nothing is released that an
 * officer did not see.
 */
class DecisionsBoundToRoundTest extends DeskTest {
  private static final String V2 = "region,n\nNorth,30\nSouth,360\n";

  @Test
  void aPassOnTheRoundOneNotificationIsRefusedAfterRevisedFilesAndNothingUnseenIsReleased()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    MimeMessage round1 = desk.lastTo(OFFICERS_LIST, id);
    desk.answer(ALICE, round1, "#take");
    desk.answer(BOB, round1, "#take");
    desk.say(ALICE, id, "#fail East is below threshold");
    desk.say(BOB, id, "#fail same");
    desk.say(ALICE, id, "#revise Please merge East into South.");
    desk.revision(id, "1234567", 2, V2);
    assertEquals(2, desk.ticket(id).round());
    MimeMessage round2 = desk.lastTo(OFFICERS_LIST, id);
    assertTrue(round2.getSubject().contains("Revised output request"), round2.getSubject());

    desk.answer(BOB, round1, "#pass looks fine now");
    String refusal = desk.lastBodyTo(BOB, id);
    assertTrue(refusal.startsWith("Not done:"), refusal);
    assertTrue(refusal.contains("notification of round 1"), refusal);
    assertTrue(refusal.contains(id + " is now at check round 2"), refusal);
    assertTrue(refusal.contains("reply to the round-2 notification"), refusal);
    assertEquals(0, verdicts(id, 2), "the refused verdict is not recorded for round 2");

    desk.answer(ALICE, round2, "#pass merged");
    desk.answer(BOB, round1, "#pass second try on the old mail");
    desk.answer(ALICE, round1, "#release");
    assertFalse(desk.ticket(id).state() instanceof TicketState.Closed, "nothing released");
    assertTrue(
        desk.mailTo(ADA, id).stream().noneMatch(m -> TestBot.body(m).contains("SHA-256")),
        "the researcher got no files");

    desk.answer(BOB, round2, "#pass checked v2");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked, "two passes of round 2");
    desk.say(BOB, id, "#release");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed, "released");
  }

  @Test
  void aDecisionInANewEmailWithOnlyTheTicketTagIsRefusedAndSaysWhereToReply() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.newMail(ALICE, id, "#pass fine");
    String refusal = desk.lastBodyTo(ALICE, id);
    assertTrue(refusal.startsWith("Not done:"), refusal);
    assertTrue(refusal.contains("answers none of the bot's emails about " + id), refusal);
    assertTrue(refusal.contains("reply to the round-1 notification"), refusal);
    assertEquals(0, verdicts(id, 1));
    // a command that decides nothing still works from a new email
    desk.newMail(BOB, id, "#take");
    assertEquals(List.of(ALICE, BOB), desk.checkers(id));
  }

  private int verdicts(String id, int round) {
    Integer n = bot.app().db().read(c -> WorkflowStore.verdictCount(c, id, round));
    return n;
  }
}
