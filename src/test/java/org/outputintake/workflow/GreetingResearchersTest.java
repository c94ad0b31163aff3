package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/**
 * Every mail to the researcher greets them by the name their own mail client sends, from the
 * acknowledgement to the release, and never by whatever else a {@code From:} header can carry.
 */
class GreetingResearchersTest extends DeskTest {

  @Test
  void theResearcherIsGreetedByNameUpToTheReleaseReadOverImap() throws Exception {
    String id = desk.requestFrom("Ada Lovelace <" + ADA + ">", "1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#ask Which year do the counts cover?");
    // her answer comes from her phone, whose From has no name: the name she sent before stands
    desk.say(ADA, id, "2022, as in the published series.");
    desk.twoPasses(id);

    desk.say(ALICE, id, "#release");

    List<TestBot.ImapMail> inbox = bot.imapInbox(ADA, ADA);
    assertTrue(inbox.size() >= 4, inbox.toString());
    for (TestBot.ImapMail m : inbox) {
      assertTrue(m.text().startsWith("Dear Ada Lovelace,\n"), m.subject() + ":\n" + m.text());
    }
    assertTrue(
        inbox.stream().anyMatch(m -> m.text().contains("Thank you for your answer")),
        "her nameless answer was acknowledged by name too");
    TestBot.ImapMail release = inbox.get(inbox.size() - 1);
    assertTrue(release.text().contains("cleared for release"), release.text());
  }

  @Test
  void aNameThatIsAnAddressOrHidesControlCharactersIsNeverPutInTheGreeting() throws Exception {
    String id = desk.requestFrom("\"" + ADA + "\" <" + ADA + ">", "1234567", TABLE);
    desk.say(ALICE, id, "#reject These tables repeat an earlier release.");

    for (TestBot.ImapMail m : bot.imapInbox(ADA, ADA)) {
      assertTrue(m.text().startsWith("Dear researcher,\n"), m.subject() + ":\n" + m.text());
    }

    // a name whose encoded word hides a line break and a header: cleaned away, not greeted
    String hostile = "=?UTF-8?B?QWRhDQpCY2M6IGV2ZUBldmlsLmV4YW1wbGU=?=";
    String other = desk.requestFrom(hostile + " <alan.turing@uni.example.ac.uk>", "1234567", TABLE);
    desk.say(ALICE, other, "#close Sent twice by mistake.");
    List<TestBot.ImapMail> alan = bot.imapInbox("alan.turing@uni.example.ac.uk", "x");
    assertTrue(alan.size() >= 2, alan.toString());
    for (TestBot.ImapMail m : alan) {
      assertTrue(m.text().startsWith("Dear researcher,\n"), m.subject() + ":\n" + m.text());
      assertTrue(!m.text().contains("Bcc") && !m.text().contains("evil"), m.text());
    }
  }
}
