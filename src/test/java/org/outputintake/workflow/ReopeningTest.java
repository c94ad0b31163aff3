package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.MANAGER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.ticket.TicketState;

/**
 * {@code #reopen}: a ticket closed by mistake goes back to where it was, by email, from the officer
 * who closed it or a manager; never after a release.
 */
class ReopeningTest extends DeskTest {
  @Test
  void theOfficerWhoRejectedByMistakeReopensItAndTheResearcherIsTold() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#reject the table is not disclosive after all");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);

    desk.say(BOB, id, "#reopen Alice meant to ask a question");
    assertTrue(
        desk.lastBodyTo(BOB, id).startsWith("Not done: only the officer who closed " + id),
        desk.lastBodyTo(BOB, id));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);

    desk.say(ALICE, id, "#reopen I meant #ask, sorry");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking, "back where it was");
    assertEquals(List.of(ALICE, BOB), desk.checkers(id), "with its checkers");
    String toAda = desk.lastBodyTo(ADA, id);
    assertTrue(
        toAda.contains("was closed by mistake") && toAda.contains("I meant #ask, sorry"), toAda);
    assertTrue(desk.lastBodyTo(BOB, id).contains(ALICE + " reopened " + id));

    desk.say(ALICE, id, "#pass fine");
    desk.say(BOB, id, "#pass fine");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
  }

  @Test
  void aManagerReopensAClosedQueuedTicketAtItsOldPlaceButNeverAReleasedOne() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    desk.say(ALICE, first, "#close withdrawn by the researcher");

    desk.say(MANAGER, first, "#reopen the researcher did not withdraw it");

    assertTrue(desk.ticket(first).state() instanceof TicketState.Queued);
    assertEquals(
        1,
        (int) bot.app().db().<Integer>read(c -> WorkflowStore.queuePosition(c, first)),
        "ahead of " + second);
    assertTrue(desk.lastBodyTo(MANAGER, first).contains(first + " is open again: queued"));

    desk.twoPasses(second);
    desk.say(ALICE, second, "#release");
    assertTrue(desk.ticket(second).state() instanceof TicketState.Closed cl && cl.released());
    desk.say(MANAGER, second, "#reopen released by mistake");
    assertTrue(
        desk.lastBodyTo(MANAGER, second).contains("a release cannot be undone"),
        desk.lastBodyTo(MANAGER, second));
    assertTrue(desk.ticket(second).state() instanceof TicketState.Closed cl && cl.released());

    desk.say(ALICE, first, "#reopen again");
    assertTrue(
        desk.lastBodyTo(ALICE, first).contains("#reopen is for a ticket closed by mistake"),
        desk.lastBodyTo(ALICE, first));
  }
}
