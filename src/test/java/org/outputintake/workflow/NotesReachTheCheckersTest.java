package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/** A note one checker writes reaches the other checker by email, and never the researcher. */
class NotesReachTheCheckersTest extends DeskTest {

  @Test
  void aNoteByOneCheckerIsSentToTheOther_notToItsAuthorNorTheResearcher_andNamesNoVerdict()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.BOB, id, "#take");
    desk.say(TestBot.ALICE, id, "#pass the totals are published");
    int adaBefore = desk.mailTo(TestBot.ADA, id).size();

    desk.say(
        TestBot.ALICE, id, "#note I am off on Friday; I would #pass it, check table1 rows 3-4");

    String toBob = desk.lastBodyTo(TestBot.BOB, id);
    assertTrue(toBob.contains(TestBot.ALICE + " added an internal note on " + id), toBob);
    assertTrue(toBob.contains("I am off on Friday"), toBob);
    assertTrue(toBob.contains("check table1 rows 3-4"), toBob);
    assertFalse(toBob.contains("#pass it"), "blind until both verdicts are in: " + toBob);
    String confirmation = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(confirmation.contains("was sent to " + TestBot.BOB), confirmation);
    assertTrue(
        desk.mailTo(TestBot.ALICE, id).stream()
            .noneMatch(m -> TestBot.body(m).contains("added an internal note")),
        "its author is not sent her own note");
    assertTrue(desk.mailTo(TestBot.ADA, id).size() == adaBefore, "the researcher gets nothing");
  }
}
