package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * A refused researcher is told to reply and what to write, and that reply reaches staff, not the
 * bot again.
 */
class RefusalReplyTest extends BotTest {
  private static final String GRACE = "grace.hopper@lab.example.org";

  @Test
  void refusalSaysToReplyToThisEmailAndWhatToWrite_notToWriteToTheAddressTheyJustUsed()
      throws Exception {
    bot.deliver(Mails.request().from(GRACE).build(bot.session()));
    bot.cycle();

    String body = TestBot.body(bot.receivedBy(GRACE).get(0));
    assertTrue(body.contains("[NOT_NAMED_RESEARCHER]"), body);
    assertTrue(body.contains("reply to this email and say why"), body);
    assertFalse(body.contains("contact Statistical Support at"), body);
  }

  @Test
  void aReplyToARefusal_isKeptForStaff_andNotRefusedAgain() throws Exception {
    bot.deliver(Mails.request().from(GRACE).build(bot.session()));
    bot.cycle();
    String refusalId = bot.receivedBy(GRACE).get(0).getMessageID();

    bot.deliver(
        Mails.request()
            .from(GRACE)
            .subject("Re: 16/01/24 Output request for Project 1234567")
            .inReplyTo(refusalId)
            .body("I was added to project 1234567 last week.")
            .build(bot.session()));
    bot.cycle();

    assertEquals(1, bot.receivedBy(GRACE).size(), "the reply was answered automatically");
    var kept =
        bot.app().db().read(c -> MailLog.withDisposition(c, "processed")).stream()
            .filter(e -> "reply-to-refusal".equals(e.classification()))
            .toList();
    assertEquals(1, kept.size());
    assertTrue(bot.tickets().isEmpty());
  }
}
