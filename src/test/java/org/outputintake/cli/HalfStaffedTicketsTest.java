package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.CAROL;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;

/**
 * A ticket one checker handed back still needs a checker: {@code #next} offers it before younger
 * tickets, and the queue listing and the digest list it.
 */
class HalfStaffedTicketsTest extends DeskTest {

  @Test
  void aTicketHeldByOneCheckerIsOfferedByNextAndListedInTheQueueAndTheDigest() throws Exception {
    String older = desk.request("1234567", TABLE);
    desk.say(ALICE, older, "#take");
    desk.say(BOB, older, "#take");
    desk.say(BOB, older, "#drop on leave from tomorrow");
    assertEquals(List.of(ALICE), desk.checkers(older));
    String younger = desk.request("1234567", TABLE);

    var config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    var queue = CommandLineTest.run("tickets", "list", "--queue", "--config", config.toString());
    assertEquals(0, queue.exit(), queue.err());

    int needing = queue.out().indexOf("needing a checker");
    assertTrue(needing > 0 && queue.out().indexOf(older, needing) > 0, queue.out());
    var digest = CommandLineTest.run("digest", "--print", "--config", config.toString());
    int section = digest.out().indexOf("Being checked, needing a checker");
    assertTrue(section > 0 && digest.out().indexOf(older, section) > 0, digest.out());

    desk.say(CAROL, younger, "#next");
    assertEquals(List.of(ALICE, CAROL), desk.checkers(older), "the oldest needing a checker");
    assertEquals(List.of(), desk.checkers(younger));
    // Alice already holds the older one: hers is the younger
    desk.say(ALICE, younger, "#next");
    assertEquals(List.of(ALICE), desk.checkers(younger));
  }
}
