package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * A subject we cannot read is answered with the subject to write: a researcher copies the example,
 * so it must carry their own project number, not the guidance's 1234567.
 */
class SubjectHelpExampleTest extends BotTest {
  private String onlyReply() {
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(1, replies.size());
    return TestBot.body(replies.get(0));
  }

  @Test
  void theExampleSubject_carriesTheProjectNumberTheResearcherWrote() throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/2024 Output Request \u2013 Project 7654321 (revised tables)")
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("[SUBJECT_FORMAT]"), body);
    assertTrue(body.contains("    16/01/24 Output request for Project 7654321"), body);
    // one example only, the one to copy: not also the guidance's number in the finding
    assertFalse(body.contains("Project 1234567"), body);
  }

  @Test
  void withoutANumberInTheSubject_theExampleKeepsTheGuidancesNumber() throws Exception {
    bot.deliver(Mails.request().subject("Request for output 16/01/2024").build(bot.session()));
    bot.cycle();
    assertTrue(onlyReply().contains("    16/01/24 Output request for Project 1234567"));
  }
}
