package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/** #reply talks to the researcher, or to the data owner who wrote, and changes nothing. */
class TalkingWithoutBlockingTest extends DeskTest {

  @Test
  void aReplyReachesTheResearcherInTheThread_andTheTicketIsUnchanged() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(TestBot.ALICE, id, "#take");
    String before = desk.ticket(id).state().name();

    desk.say(TestBot.ALICE, id, "#reply We expect to finish by Thursday.");

    String toAda = desk.lastBodyTo(TestBot.ADA, id);
    assertTrue(toAda.contains("We expect to finish by Thursday."), toAda);
    assertTrue(toAda.contains("Nothing about your request has changed"), toAda);
    assertEquals(before, desk.ticket(id).state().name(), "not blocked, not changed");
    assertEquals(List.of(TestBot.ALICE), desk.checkers(id));
    String confirmation = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(confirmation.contains("sent to the researcher " + TestBot.ADA), confirmation);
  }

  @Test
  void onADataOwnersThread_aReplyGoesToTheOwnerWhoWrote_notTheResearcher() throws Exception {
    String id = desk.request("6600001", TABLE);
    desk.twoPasses(id);
    desk.say(TestBot.ALICE, id, "#owner");
    desk.say(TestBot.OWNER, id, "Which year is table1 from?");
    int adaBefore = desk.mailTo(TestBot.ADA, id).size();

    desk.say(TestBot.ALICE, id, "#reply Table1 covers 2019 to 2022, as the form says.");

    String toOwner = desk.lastBodyTo(TestBot.OWNER, id);
    assertTrue(toOwner.contains("Table1 covers 2019 to 2022"), toOwner);
    assertEquals(adaBefore, desk.mailTo(TestBot.ADA, id).size(), "the researcher gets nothing");
    assertFalse(desk.ticket(id).state().name().isEmpty());
    assertEquals("with-data-owner", desk.ticket(id).state().name());
  }

  @Test
  void anOutlookSignOffWithoutMarker_isNotSentToTheResearcher() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(TestBot.ALICE, id, "#take");

    desk.say(
        TestBot.ALICE,
        id,
        """
        #reply We expect to finish by Thursday.

        Kind regards
        Alice Officer
        Output Checker, Secure Research Service
        Tel: 01632 960123
        This email and any attachments are confidential and intended solely for the addressee.
        """);

    String toAda = desk.lastBodyTo(TestBot.ADA, id);
    assertTrue(toAda.contains("We expect to finish by Thursday."), toAda);
    assertFalse(
        toAda.contains("01632"), "the officer's direct line reached the researcher: " + toAda);
    assertFalse(toAda.contains("Output Checker, Secure"), toAda);
  }
}
