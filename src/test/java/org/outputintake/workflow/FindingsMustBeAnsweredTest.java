package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/**
 * A pass on a submission the scanners blocked says why each blocker is acceptable, or overrides
 * explicitly; the reasons reach the other checker only once both verdicts are in.
 */
class FindingsMustBeAnsweredTest extends DeskTest {
  private static final String SMALL = "region,n\nNorth,3\nSouth,240\nEast,120\n";

  @Test
  void aPassWithoutAReasonPerBlockerIsRefused_aReasonOrAnOverridePasses_andReasonsAreBlind()
      throws Exception {
    String id = desk.request("1234567", SMALL);
    String notice = desk.lastBodyTo(TestBot.OFFICERS_LIST, id);
    assertTrue(notice.contains("[LOW_COUNT]"), notice);
    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.BOB, id, "#take");

    desk.say(TestBot.ALICE, id, "#pass Counts are above the threshold");
    String refused = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(
        refused.contains("your verdict does not say why this one is acceptable: LOW_COUNT"),
        refused);
    assertTrue(refused.contains("#pass override: <your reason>"), refused);
    assertEquals(0, verdicts(id), "nothing recorded");

    desk.say(TestBot.ALICE, id, "#pass\nLOW_COUNT: the cell is a total published by ONS");
    assertEquals(1, verdicts(id));
    assertFalse(
        desk.mailTo(TestBot.BOB, id).stream()
            .anyMatch(m -> TestBot.body(m).contains("published by ONS")),
        "blind: the other checker does not see the reasons before both verdicts");

    desk.say(TestBot.BOB, id, "#pass override: agreed with the data owner in advance");
    assertEquals(2, verdicts(id));
    assertTrue(
        sawText(TestBot.BOB, id, "LOW_COUNT: the cell is a total published by ONS"),
        "once both are in, the other checker reads the reasons");
    assertTrue(sawText(TestBot.ALICE, id, "override: agreed with the data owner"));
  }

  private boolean sawText(String who, String id, String text) {
    return desk.mailTo(who, id).stream().anyMatch(m -> TestBot.body(m).contains(text));
  }

  private int verdicts(String id) {
    return bot.app().db().read(c -> WorkflowStore.verdictCount(c, id, desk.ticket(id).round()));
  }
}
