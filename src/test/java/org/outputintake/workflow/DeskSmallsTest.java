package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.MANAGER;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;
import static org.outputintake.testing.TestBot.OWNER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.ticket.TicketState;

/**
 * The small things of the desk an officer, a manager, a data owner and a researcher meet by email
 * (issue 20, item 8): two commands on one line, a space after the mark, help for the ticket's
 * state, a reason kept from the list, what the data owner is sent, and closing emails that do not
 * ask for replies.
 */
class DeskSmallsTest extends DeskTest {
  @Test
  void twoCommandsOnOneLineAreRefusedTogetherNeverHalfApplied() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(ALICE, id, "#take #pass looks fine");

    assertEquals(List.of(), desk.checkers(id), "not even the #take");
    String answer = desk.lastBodyTo(ALICE, id);
    assertTrue(
        answer.startsWith("Not done: one command per email") && answer.contains("#pass (line 1)"),
        answer);
  }

  @Test
  void aSpaceAfterTheMarkIsStillTheCommand() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "# pass counts are fine");

    assertEquals(1, (int) bot.app().db().<Integer>read(c -> WorkflowStore.verdictCount(c, id, 1)));
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, id)).stream()
            .noneMatch(n -> n.text().contains("counts are fine")),
        "not a note");
  }

  @Test
  void helpListsOnlyWhatCanApplyInTheTicketsState() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(ALICE, id, "#help");

    String help = desk.lastBodyTo(ALICE, id);
    String commands = help.substring(0, help.indexOf("\n--\n"));
    assertTrue(commands.contains("\n  #take ") && commands.contains("\n  #note "), commands);
    assertFalse(
        commands.contains("\n  #release ")
            || commands.contains("\n  #owner ")
            || commands.contains("\n  #reopen ")
            || commands.contains("\n  #approve"),
        "none of these can apply to a queued ticket: " + commands);

    desk.twoPasses(id);
    desk.say(ALICE, id, "#help");
    String full = desk.lastBodyTo(ALICE, id);
    String checked = full.substring(0, full.indexOf("\n--\n"));
    assertTrue(checked.contains("\n  #release "), full);
    assertFalse(checked.contains("\n  #take ") || checked.contains("\n  #pass "), checked);
  }

  @Test
  void aManagersReasonForUnassigningGoesToTheOfficerNotTheList() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(MANAGER, id, "#unassign alice.officer@example.org off sick since Tuesday");

    String alert = desk.lastBodyTo(OFFICERS_LIST, id);
    assertTrue(alert.contains("freed the slot of " + ALICE), alert);
    assertFalse(alert.contains("off sick"), "the reason stays private: " + alert);
    assertTrue(desk.lastBodyTo(ALICE, id).contains("off sick since Tuesday"));
  }

  @Test
  void theOwnerGetsTheOfficersWordsTheFormsDescriptionsAndTheResearchersName() throws Exception {
    String id = desk.requestFrom("Ada Lovelace <" + ADA + ">", "6600001", TABLE);
    desk.twoPasses(id);

    desk.say(ALICE, id, "#owner\nPlease look at the East row in particular.");

    String toOwner = desk.lastBodyTo(OWNER, id);
    assertTrue(toOwner.contains("Please look at the East row in particular."), toOwner);
    assertTrue(toOwner.contains("Shows:    Mean household energy use by region"), toOwner);
    assertTrue(toOwner.contains("Ada Lovelace <" + ADA + ">"), toOwner);
  }

  @Test
  void aForInformationOwnerAnsweringTheReleaseIsNotAskedToApprove() throws Exception {
    String id = desk.request("7700001", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#release");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);

    desk.answer(OWNER, bot.mailbox(OWNER).get(0), "Thanks, noted.");

    String answer =
        org.outputintake.testing.TestBot.body(
            bot.mailbox(OWNER).get(bot.mailbox(OWNER).size() - 1));
    assertTrue(answer.contains("No decision is asked of you"), answer);
    assertFalse(answer.contains("#approve"), answer);
  }

  @Test
  void closingEmailsDoNotAskForARepliesThatAreNotRead() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(BOB, id, "#close withdrawn at the researcher's request");

    String closed = desk.lastBodyTo(ADA, id);
    assertFalse(closed.contains("reply to this email rather than"), closed);

    desk.say(ADA, id, "One more thing about these tables");
    String answer = desk.lastBodyTo(ADA, id);
    assertTrue(answer.contains("send a new email"), answer);
    assertFalse(answer.contains("reply to this email"), answer);
  }
}
