package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.OWNER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * What officers and data owners really write on a Monday morning, found by working the demo with
 * real mail clients' replies: two commands in one email, a greeting above the command, a file
 * attached to guidance, an answer after both verdicts, a data owner's "Approved" in plain words.
 */
class OfficersEverydayMailTest extends DeskTest {

  @Test
  void twoCommandsInOneEmailDoNothingAndTheOfficerIsToldWhy() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(ALICE, id, "#take\n#pass counts fine, no identifiers\n\nAlice");

    assertTrue(desk.checkers(id).isEmpty(), "neither the take nor the pass was applied");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Queued);
    String reply = desk.lastBodyTo(ALICE, id);
    assertTrue(
        reply.startsWith("Not done:") && reply.contains("#pass (line 2)"),
        "the refusal names the command that would have been dropped: " + reply);
  }

  @Test
  void theBotsOwnCommandListQuotedWithoutAMarkerIsNotASecondCommand() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(
        ALICE,
        id,
        "#take\n\nPrevious message:\nCommands you can use:\n"
            + "  #pass notes      my independent verdict: the output can be released\n"
            + "#take  #next  #pass  #fail  #revise  #ask  #note  #owner  #release  #reject  #close  #help");

    assertEquals(
        List.of(ALICE), desk.checkers(id), "the take counts: the lists are the bot's own words");
  }

  @Test
  void aCommandBelowAGreetingIsNotAppliedAndTheReplySaysSo() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "Hi all,\n\n#pass the table is fine\n\nAlice");

    int verdicts = bot.app().db().read(c -> WorkflowStore.verdictCount(c, id, 1));
    assertEquals(0, verdicts, "no verdict recorded");
    var reply = desk.lastTo(ALICE, id);
    // the subject is shown beside the ticket (tickets show): it never names a verdict
    assertTrue(reply.getSubject().contains("verdict was not applied"), reply.getSubject());
    String body = TestBot.body(reply);
    assertTrue(
        body.contains("#pass (line 3)") && body.contains("first line"),
        "the officer learns why the verdict did not count: " + body);
  }

  @Test
  void guidanceWithAnAttachedFileIsNotSentAndTheOfficerIsToldTheFileWouldNotGo() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    int toAda = desk.mailTo(ADA, id).size();

    desk.say(
        ALICE,
        id,
        "#revise Please see the attached annotated table: suppress the East row.",
        new String[][] {{"annotated_table1.csv", "region,n\nEast,3 <- suppress\n"}});

    assertEquals(toAda, desk.mailTo(ADA, id).size(), "the researcher got no guidance without it");
    assertFalse(desk.ticket(id).state() instanceof TicketState.Blocked, "nothing changed");
    String reply = desk.lastBodyTo(ALICE, id);
    assertTrue(
        reply.startsWith("Not done:") && reply.contains("annotated_table1.csv"),
        "the officer learns the file would not have been relayed: " + reply);
  }

  @Test
  void anAnswerAfterBothVerdictsStartsANewRoundSoTheCheckersCanStillPassIt() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#fail Is East a count of households or of dwellings?");
    desk.say(BOB, id, "#pass fine");
    desk.say(ALICE, id, "#ask Is the East figure a count of households or of dwellings?");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Blocked);

    desk.say(ADA, id, "Dwellings, and the underlying count is 120 households.");

    Ticket t = desk.ticket(id);
    assertTrue(t.state() instanceof TicketState.Queued, t.state().toString());
    assertEquals(2, t.round(), "the answer came after both verdicts: a new round, same files");
    String told = desk.lastBodyTo(ALICE, id);
    assertTrue(told.contains("check round 2") && told.contains("#pass"), told);
    desk.say(ALICE, id, "#pass answered: fine");
    desk.say(BOB, id, "#pass fine");
    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Checked, desk.ticket(id).state().toString());
    desk.say(BOB, id, "#release");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed c && c.released());
  }

  @Test
  void aDataOwnersPlainApprovalIsNoDecisionButTheCheckersGetTheirWords() throws Exception {
    String id = desk.request("6600001", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "Approved - happy for this to be released.\n\nJane Smith\nData owner");

    assertTrue(
        desk.ticket(id).state() instanceof TicketState.WithDataOwner, "no decision recorded");
    for (String checker : List.of(ALICE, BOB)) {
      String told = desk.lastBodyTo(checker, id);
      assertTrue(
          told.contains("happy for this to be released") && told.contains("no decision"),
          checker + " is told what the data owner wrote: " + told);
    }
    String toOwner = desk.lastBodyTo(OWNER, id);
    assertTrue(
        toOwner.contains("No decision was recorded") && toOwner.contains("#approve"), toOwner);
    assertFalse(
        toOwner.contains("#take") || toOwner.contains("#release"),
        "a data owner is not offered the officers' commands: " + toOwner);
  }

  @Test
  void nextInANewEmailTakesTheOldestTicketAndOtherCommandsAreToldWhereToGo() throws Exception {
    String first = desk.request("1234567", TABLE);
    desk.request("1234567", TABLE);

    bot.deliver(
        Mails.request().from(ALICE).subject("Monday").body("#next\n\nAlice").build(bot.session()));
    bot.cycle();

    assertEquals(List.of(ALICE), desk.checkers(first), "the oldest ticket nobody holds is Alice's");
    String details =
        desk.mailTo(ALICE, first).stream()
            .map(TestBot::body)
            .filter(b -> b.contains("Files:"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("she has its details"));
    assertTrue(
        details.contains("You took this request with #next")
            && !details.contains("Queue position")
            && !details.contains("reply with #take"),
        "the details speak to the checker she now is, not to the queue: " + details);

    bot.deliver(
        Mails.request()
            .from(BOB)
            .subject("the London table")
            .body("#pass fine")
            .build(bot.session()));
    bot.cycle();

    String reply = TestBot.body(bot.receivedBy(BOB).get(bot.receivedBy(BOB).size() - 1));
    assertTrue(
        reply.startsWith("Not done: #pass") && reply.contains("#next works"),
        "an officer is told where commands go, not how to request an output: " + reply);
    assertFalse(reply.contains("Output request for project"), reply);
  }

  @Test
  void aVerdictsNotesOverSeveralLinesStayUnderTheirVerdictWhenRevealed() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(BOB, id, "#pass counts fine\nBob Officer | Output Checking\nSecure Research Service");
    desk.say(ALICE, id, "#pass fine");

    String revealed =
        desk.mailTo(ALICE, id).stream()
            .map(TestBot::body)
            .filter(b -> b.contains("Both independent verdicts"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        revealed.contains("    counts fine\n    Bob Officer | Output Checking\n"),
        "every line of a checker's notes is indented under their verdict: " + revealed);
  }
}
