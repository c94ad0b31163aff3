package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;

/**
 * The reply cap is for robots, never for an officer at work: every command gets its answer however
 * many mails she had from the bot in the hour, {@code #help} and {@code #next} in a new email
 * included.
 */
class OfficersNeverCappedTest extends DeskTest {
  @Test
  void anOfficerSendingSixtyCommandsInAnHourGetsSixtyAnswers() throws Exception {
    String id = desk.request("1234567", TABLE);
    int before = bot.receivedBy(ALICE).size();

    desk.say(ALICE, id, "#take");
    for (int i = 1; i <= 55; i++) {
      bot.clock().advance(Duration.ofSeconds(55));
      desk.say(ALICE, id, "#note checked table " + i + " of the appendix");
    }
    desk.say(ALICE, id, "#help");
    desk.say(ALICE, id, "#pas looks fine"); // a typo is still a command she gave
    // a new email outside any thread, as on Monday morning: nothing unheld, so she is told
    bot.deliver(
        Mails.request()
            .from(ALICE)
            .subject("Monday")
            .body("#next")
            .messageId("<monday@example.org>")
            .build(bot.session()));
    bot.cycle();
    bot.deliver(
        Mails.request()
            .from(ALICE)
            .subject("Help")
            .body("#help")
            .messageId("<help-outside@example.org>")
            .build(bot.session()));
    bot.cycle();

    assertEquals(
        60,
        bot.receivedBy(ALICE).size() - before,
        "one answer for each of the 60 commands, cap "
            + bot.config().replies().maxPerSenderPerHour()
            + ": "
            + bot.receivedBy(ALICE).stream().map(OfficersNeverCappedTest::subject).toList());
    assertTrue(
        bot.app().db().read(AuditLog::all).stream()
            .noneMatch(e -> e.type().equals("reply-suppressed")),
        "nothing held back");
    assertTrue(
        TestBot.body(bot.receivedBy(ALICE).get(bot.receivedBy(ALICE).size() - 1)).contains("#help"),
        "the last answer is the one to her last command");
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
