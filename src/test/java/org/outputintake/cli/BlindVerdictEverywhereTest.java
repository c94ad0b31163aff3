package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outputintake.reply.Outbox;
import org.outputintake.testing.DeskTest;

/**
 * With one verdict of two in, nothing a person can look at says what it was: {@code tickets show},
 * {@code tickets list}, the export, the digest, and every mail the bot wrote to anyone but its
 * author. Once the second is in, show reveals both.
 */
class BlindVerdictEverywhereTest extends DeskTest {
  private static final String NOTE = "XYZZY-East-row";

  /** The verdict word, outside the bot's own lists of commands ("#pass or #fail", the footer). */
  private static final Pattern FAIL = Pattern.compile("(?i)fail");

  private static boolean names(String text) {
    String rest =
        text.replace("#pass or #fail", "").replace("#pass  #fail", "").replace("--failed", "");
    return rest.contains(NOTE) || FAIL.matcher(rest).find();
  }

  @Test
  void aLoneFailIsInNoSurfaceAndAReplyAllIsWarnedOf() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    // Reply-All: the officers' list copied
    desk.say(
        ALICE,
        id,
        "#fail round 1: " + NOTE + " is below the threshold",
        null,
        Map.of("Cc", OFFICERS_LIST));
    String confirmation = desk.lastBodyTo(ALICE, id);
    assertTrue(confirmation.contains("Your verdict (fail)"), confirmation);
    assertTrue(confirmation.contains("WARNING: your email was also sent to " + OFFICERS_LIST));

    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    String cfg = config.toString();
    var show = CommandLineTest.run("tickets", "show", id, "--config", cfg);
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("verdicts this round: 1 of 2"), show.out());
    assertFalse(names(show.out()), show.out());
    for (String[] args :
        List.of(
            new String[] {"tickets", "list", "--config", cfg},
            new String[] {"tickets", "list", "--queue", "--config", cfg},
            new String[] {"digest", "--print", "--config", cfg})) {
      var run = CommandLineTest.run(args);
      assertFalse(names(run.out() + run.err()), String.join(" ", args) + ":\n" + run.out());
    }

    Path exports = dir.resolve("exports");
    var export = CommandLineTest.run("tickets", "export", id, exports.toString(), "--config", cfg);
    assertEquals(2, export.exit(), export.out() + export.err());
    assertTrue(export.err().contains("export once both verdicts"), export.err());
    assertFalse(
        Files.exists(exports.resolve(id)), "no export folder is written while the verdict is lone");

    for (Outbox.Entry e : bot.app().db().read(c -> Outbox.forTicket(c, id))) {
      if (e.mail().to().equals(ALICE)) continue;
      assertFalse(
          names(e.mail().subject() + "\n" + e.mail().body()),
          e.mail().kind() + " to " + e.mail().to() + ":\n" + e.mail().body());
    }

    desk.say(BOB, id, "#pass fine");
    var after = CommandLineTest.run("tickets", "show", id, "--config", cfg);
    assertTrue(after.out().contains("FAIL " + ALICE), after.out());
    assertTrue(after.out().contains(NOTE), "both in: the verdict email is shown");
    var exported =
        CommandLineTest.run("tickets", "export", id, exports.toString(), "--config", cfg);
    assertEquals(0, exported.exit(), exported.err());
    try (Stream<Path> files = Files.walk(exports.resolve(id))) {
      assertTrue(files.count() > 3);
    }
  }
}
