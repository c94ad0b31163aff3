package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;

/** {@code tickets search}: the search {@code #find} gives by email, in the terminal. */
class TicketsSearchTest extends DeskTest {

  @Test
  void searchFindsByResearcherFileNameAndNoteTextWithEveryWord() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.requestFrom("grace.hopper@lab.example.org", "2345678", TABLE, TABLE);
    desk.say(ALICE, first, "#note the regional totals look odd");
    var config = dir.resolve("intake.yaml");
    bot.cliConfig(config);

    var byResearcher = search(config, "grace.hopper");
    assertEquals(0, byResearcher.exit(), byResearcher.err());
    assertTrue(
        byResearcher.out().contains(second) && !byResearcher.out().contains(first),
        byResearcher.out());
    var both = search(config, "regional", "TOTALS");
    assertTrue(both.out().contains(first) && !both.out().contains(second), both.out());
    var none = search(config, "regional", "table2.csv");
    assertFalse(none.out().contains(first) || none.out().contains(second), none.out());
    assertTrue(none.out().contains("No ticket matches"), none.out());
  }

  private static CommandLineTest.Run search(java.nio.file.Path config, String... words) {
    String[] args = new String[words.length + 4];
    args[0] = "tickets";
    args[1] = "search";
    System.arraycopy(words, 0, args, 2, words.length);
    args[words.length + 2] = "--config";
    args[words.length + 3] = config.toString();
    return CommandLineTest.run(args);
  }
}
