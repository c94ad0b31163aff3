package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.CAROL;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.ticket.TicketState;

/** {@code #drop}: a checker who cannot go on hands the ticket back, by email, before a verdict. */
class HandingBackTest extends DeskTest {

  private int position(String id) {
    return bot.app().db().read(c -> WorkflowStore.queuePosition(c, id));
  }

  @Test
  void theOnlyCheckerHandsBackAndTheTicketWaitsAtItsOldPlaceForTheNextOfficer() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    desk.say(ALICE, first, "#take");
    assertTrue(desk.ticket(first).state() instanceof TicketState.Checking);

    desk.say(ALICE, first, "#drop on leave from tomorrow");

    assertEquals(List.of(), desk.checkers(first));
    assertTrue(desk.ticket(first).state() instanceof TicketState.Queued);
    assertEquals(1, position(first), "back at the front, ahead of the later " + second);
    assertTrue(desk.lastBodyTo(ALICE, first).contains("You no longer hold " + first));
    String alert = desk.lastBodyTo(OFFICERS_LIST, first);
    assertTrue(
        alert.contains(ALICE + " handed back " + first + " (on leave from tomorrow)")
            && alert.contains("#take"),
        alert);

    desk.say(BOB, first, "#take");
    assertEquals(List.of(BOB), desk.checkers(first));
  }

  @Test
  void oneOfTwoCheckersHandsBackAndTheOtherKeepsTheTicketInCheck() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#pass counts fine");

    desk.say(ALICE, id, "#drop");

    assertEquals(List.of(BOB), desk.checkers(id));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking);
    assertTrue(desk.lastBodyTo(OFFICERS_LIST, id).contains("needs a second checker"));

    desk.say(CAROL, id, "#pass counts fine too");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked, "Bob's verdict stood");
  }

  @Test
  void aCheckerWhoHasGivenAVerdictCannotHandBackAndNoOneElseCanDropForThem() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#pass counts fine");

    desk.say(ALICE, id, "#drop");
    assertEquals(List.of(ALICE), desk.checkers(id));
    assertTrue(desk.lastBodyTo(ALICE, id).contains("your verdict for round 1 is recorded"));

    desk.say(BOB, id, "#drop");
    assertEquals(List.of(ALICE), desk.checkers(id));
    assertTrue(desk.lastBodyTo(BOB, id).contains("you do not hold " + id));
  }

  @Test
  void aRevisedTicketThatKeepsBothCheckersDoesNotInviteTheListToTakeIt() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#revise Please merge the East row into South.");

    desk.revision(id, "1234567", 2, TABLE);

    assertTrue(desk.ticket(id).state() instanceof TicketState.Queued);
    String notice = desk.lastBodyTo(OFFICERS_LIST, id);
    assertTrue(notice.contains("A revised request has returned to the queue"), notice);
    assertTrue(notice.contains(ALICE + " and " + BOB + ", keep it"), notice);
    assertTrue(!notice.contains("reply with #take"), notice);
  }
}
