package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;

/**
 * The reply cap cuts loops without costing a named researcher the acknowledgement of a genuine
 * request.
 */
class ReplyCapTest extends BotTest {
  @Test
  void aNamedResearchersEleventhRequestInAnHourIsStillAcknowledged() throws Exception {
    for (int i = 0; i < 12; i++) {
      bot.deliver(
          Mails.request().messageId("<req-" + i + "@uni.example.ac.uk>").build(bot.session()));
    }
    bot.cycle();
    assertEquals(12, bot.tickets().size());
    assertEquals(12, bot.receivedBy(TestBot.ADA).size(), "every request got its acknowledgement");
  }

  @Test
  void aRobotThatLooksLikeAPersonIsCutOffByTheCap() throws Exception {
    // a responder without Auto-Submitted or Precedence headers, answering every reply with a new
    // non-request
    for (int i = 0; i < 15; i++) {
      bot.deliver(
          Mails.request()
              .from("robot@helpdesk.example.com")
              .subject("Ticket received " + i)
              .messageId("<robot-" + i + "@helpdesk.example.com>")
              .build(bot.session()));
    }
    bot.cycle();
    assertEquals(10, bot.receivedBy("robot@helpdesk.example.com").size(), "capped at 10 per hour");
    assertTrue(
        bot.app().db().read(AuditLog::all).stream()
                .filter(e -> e.type().equals("reply-suppressed"))
                .count()
            >= 5);
  }

  @Test
  void repeatedMailOnABlockedTicketGetsAtMostTheCapOfStillBlockedAnswers() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle(); // no form: blocked
    String ack = bot.receivedBy(TestBot.ADA).get(0).getMessageID();
    for (int i = 0; i < 14; i++) {
      bot.deliver(
          Mails.request()
              .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
              .inReplyTo(ack)
              .body("auto answer " + i)
              .messageId("<loop-" + i + "@uni.example.ac.uk>")
              .build(bot.session()));
    }
    bot.cycle();
    long answers =
        bot.receivedBy(TestBot.ADA).stream()
            .filter(m -> TestBot.body(m).contains("still on hold"))
            .count();
    assertTrue(answers <= 10 && answers >= 8, answers + " still-blocked answers");
  }
}
