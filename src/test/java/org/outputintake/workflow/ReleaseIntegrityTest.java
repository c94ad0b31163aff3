package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.outputintake.reply.Outbox;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;

/**
 * The outbox reads a released file when it sends the mail, which may be long after #release checked
 * its hash: it hashes the bytes it attaches again, and a file changed in between never leaves.
 */
class ReleaseIntegrityTest extends DeskTest {
  @Test
  void aFileChangedBetweenReleaseAndSending_isNotSent_theMailIsADeadLetter_andOfficersAreTold()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.twoPasses(id);
    var notification = desk.lastTo(TestBot.ALICE, id);
    bot.deliver(
        Mails.request()
            .from(TestBot.ALICE)
            .subject("Re: " + notification.getSubject())
            .inReplyTo(notification.getMessageID())
            .body("#release")
            .build(bot.session()));
    bot.app().poller().pollOnce(); // released and queued, not yet sent
    Path stored =
        bot.app().db().read(c -> TicketFiles.latestSubmission(c, id)).stream()
            .filter(a -> a.role().equals("output"))
            .map(a -> Path.of(a.storedPath()))
            .findFirst()
            .orElseThrow();
    Files.writeString(stored, "region,n\nNorth,3\n"); // the store changed after the check

    bot.app().outbox().sendDue();

    assertFalse(
        desk.mailTo(TestBot.ADA, id).stream()
            .anyMatch(m -> TestBot.body(m).contains("cleared for release")),
        "the changed file never leaves");
    var dead = bot.app().db().read(c -> Outbox.failed(c));
    assertEquals(1, dead.size(), dead.toString());
    assertTrue(dead.get(0).lastError().contains("no longer matches the SHA-256"), dead.toString());
    String alert = desk.lastBodyTo(TestBot.OFFICERS_LIST, id);
    assertTrue(alert.contains("was NOT sent"), alert);
  }
}
