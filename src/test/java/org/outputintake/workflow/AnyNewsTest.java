package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/** A researcher's "any news?" on a waiting ticket is answered with where it is and by when. */
class AnyNewsTest extends DeskTest {

  @Test
  void aTextOnlyEmailOnAQueuedTicketGetsThePositionAndTheDate_andChangesNothing() throws Exception {
    String id = desk.request("1234567", TABLE);
    int before = desk.mailTo(TestBot.ADA, id).size();

    desk.say(TestBot.ADA, id, "Any news on this one?");

    assertEquals(before + 1, desk.mailTo(TestBot.ADA, id).size());
    String ack = desk.lastBodyTo(TestBot.ADA, id);
    assertTrue(ack.contains("Thank you for your email about " + id), ack);
    assertTrue(ack.contains("Your request is number 1 in the queue."), ack);
    assertTrue(ack.contains("You should hear from us by"), ack);
    assertEquals("queued", desk.ticket(id).state().name());
  }
}
