package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;

/**
 * The desk by email: {@code #queue}, {@code #mine}, {@code #show}, {@code #find} from a new email
 * or any thread, answering what the terminal would, verdicts kept blind.
 */
class DeskByEmailTest extends DeskTest {
  private static final String GRACE = "grace.hopper@lab.example.org";
  private int serial;

  /** A new email to the bot, in no ticket's thread, and the bot's answer to it. */
  private String ask(String from, String body) throws Exception {
    int before = bot.receivedBy(from).size();
    bot.deliver(
        Mails.request()
            .from(from)
            .subject("desk")
            .messageId("<desk" + (serial++) + "." + System.nanoTime() + "@example.org>")
            .body(body + "\n\nAn Officer")
            .build(bot.session()));
    bot.cycle();
    List<jakarta.mail.internet.MimeMessage> got = bot.receivedBy(from);
    assertEquals(before + 1, got.size(), "one answer to " + body);
    return TestBot.body(got.get(got.size() - 1));
  }

  @Test
  void queueFromANewEmailListsPositionsAgesCheckersAndTicketsNeedingACheckerAndChangesNothing()
      throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.requestFrom(GRACE, "2345678", TABLE);
    desk.say(ALICE, first, "#take");

    String queue = ask(BOB, "#queue");

    assertTrue(
        queue.contains("1    " + second) && queue.contains("needing a checker"),
        "positions: " + queue);
    int halfHeld = queue.indexOf("needing a checker");
    assertTrue(
        queue.indexOf(first, halfHeld) > 0 && queue.indexOf(ALICE, halfHeld) > 0,
        "the ticket Alice holds alone is listed with its checker: " + queue);
    assertTrue(desk.checkers(second).isEmpty(), "looking takes nothing");
  }

  @Test
  void mineInAnotherTicketsThreadListsWhatIHoldWithTheNextStep() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.requestFrom(GRACE, "2345678", TABLE);
    desk.say(ALICE, first, "#take");

    desk.say(ALICE, second, "#mine");

    String mine = desk.lastBodyTo(ALICE, second);
    assertTrue(mine.contains(first) && mine.contains("next: your verdict"), mine);
    assertFalse(
        mine.contains(second + "  queued"), "she does not hold the thread's ticket: " + mine);
    assertTrue(desk.checkers(second).isEmpty(), "looking takes nothing");
    assertTrue(desk.ticket(second).state() instanceof TicketState.Queued);
    assertTrue(ask(BOB, "#mine").contains("You hold no open ticket."));
  }

  @Test
  void showGivesTheSummaryAndKeepsALoneVerdictHidden() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass counts fine, tiramisu");

    String shown = ask(BOB, "#show " + id);

    assertTrue(
        shown.contains(id)
            && shown.contains("project:    1234567")
            && shown.contains("service:")
            && shown.contains("1 of 2 (hidden until both are in)"),
        shown);
    assertFalse(
        shown.contains("PASS") || shown.contains("tiramisu") || shown.contains("#pass"),
        "nothing tells Bob what Alice decided: " + shown);

    desk.say(BOB, id, "#pass fine too");
    String revealed = ask(BOB, "#show " + id);
    assertTrue(revealed.contains("PASS " + ALICE) && revealed.contains("tiramisu"), revealed);

    assertTrue(ask(BOB, "#show").startsWith("Not done: #show needs a ticket id"));
    assertTrue(ask(BOB, "#show STATS99999").contains("there is no ticket STATS99999"));
  }

  @Test
  void findLooksByProjectFileNameAndTextButNeverThroughAHiddenVerdict() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.requestFrom(GRACE, "2345678", TABLE, TABLE);
    desk.say(ALICE, first, "#note the regional totals look odd");

    String byProject = ask(BOB, "#find 2345678");
    assertTrue(byProject.contains(second) && !byProject.contains(first), byProject);
    String byFile = ask(BOB, "#find table2.csv");
    assertTrue(byFile.contains(second) && !byFile.contains(first), byFile);
    String byText = ask(BOB, "#find regional totals");
    assertTrue(byText.contains(first) && !byText.contains(second), byText);
    assertTrue(ask(BOB, "#find zebra").contains("No ticket matches zebra."));

    desk.say(ALICE, second, "#take");
    desk.say(BOB, second, "#take");
    desk.say(ALICE, second, "#fail marmalade in row 3");
    // below a greeting the verdict is not applied but kept as a note: still a verdict's words
    desk.say(ALICE, second, "Hi all,\n\n#fail marmalade in row 3");
    String blind = ask(BOB, "#find marmalade");
    assertFalse(blind.contains(second), "a hit would say what the lone verdict holds: " + blind);
  }

  @Test
  void aManagerLooksAtTheDeskButStillCannotAct() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    assertTrue(ask(TestBot.MANAGER, "#queue").contains(id), "the manager has the queue");
    desk.say(TestBot.MANAGER, id, "#show " + id);
    String shown = desk.lastBodyTo(TestBot.MANAGER, id);
    assertTrue(shown.contains("project:    1234567"), shown);
    desk.say(TestBot.MANAGER, id, "#take");
    assertTrue(
        desk.lastBodyTo(TestBot.MANAGER, id).startsWith("Not done: managers may only use"),
        "looking is all: " + desk.lastBodyTo(TestBot.MANAGER, id));
    assertEquals(List.of(ALICE), desk.checkers(id));
  }
}
