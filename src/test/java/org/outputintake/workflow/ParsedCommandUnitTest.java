package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How an officer's email becomes a command, without a bot: the end-to-end tests send real mail;
 * these pin the reading rules themselves (they are what mutation testing found unguarded).
 */
class ParsedCommandUnitTest {
  private static final Set<String> KNOWN = Set.of("take", "pass", "fail", "note");

  @Test
  void theFirstNonBlankLineIsTheCommandAndTheRestItsText() {
    ParsedCommand c =
        ParsedCommand.parse("\r\n  \r\n#PASS: looks fine\r\nsecond line\r\n").orElseThrow();
    assertEquals("pass", c.name());
    assertEquals("looks fine\nsecond line", c.text());
  }

  @Test
  void aFirstLineThatIsNotACommandMeansNoCommandEvenIfALaterOneIs() {
    assertEquals(Optional.empty(), ParsedCommand.parse("Thanks!\n#pass looks fine"));
    assertEquals(Optional.empty(), ParsedCommand.parse("   \n\n"));
    assertEquals(Optional.empty(), ParsedCommand.parse(null));
  }

  @Test
  void aCommandWithoutTextHasEmptyText() {
    ParsedCommand c = ParsedCommand.parse("#take").orElseThrow();
    assertEquals("take", c.name());
    assertEquals("", c.text());
  }

  @Test
  void laterKnownCommandsAreNamedWithTheirLineNumber() {
    assertEquals(
        List.of("#pass (line 3)", "#note (line 5)"),
        ParsedCommand.laterCommands("#take\n\n#PASS fine\n#unknown x\n#note hi\n", KNOWN));
  }

  @Test
  void theFirstCommandAndTheBotsOwnCommandListsAreNotLaterCommands() {
    assertTrue(ParsedCommand.laterCommands("#pass fine", KNOWN).isEmpty());
    assertTrue(ParsedCommand.laterCommands("hello\n#take  #next  #pass  #fail\n", KNOWN).isEmpty());
    assertTrue(
        ParsedCommand.laterCommands("hello\n#take            become a checker\n", KNOWN).isEmpty());
    assertTrue(ParsedCommand.laterCommands(null, KNOWN).isEmpty());
  }

  @Test
  void aSecondKnownCommandOnTheFirstLineCountsAsALaterOne() {
    assertEquals(List.of("#pass (line 2)"), ParsedCommand.laterCommands("\n#take #PASS", KNOWN));
    assertEquals(List.of("#pass (line 1)"), ParsedCommand.laterCommands("#take: # pass", KNOWN));
    assertTrue(ParsedCommand.laterCommands("#take #unknown", KNOWN).isEmpty());
  }

  /** A phone's keyboard puts a space after the mark: a known command is still read as one. */
  @Test
  void aKnownCommandWithASpaceAfterTheMarkIsReadWithItsText() {
    ParsedCommand c =
        ParsedCommand.spaced("\n# Pass: looks fine\nsecond line", KNOWN).orElseThrow();
    assertEquals("pass", c.name());
    assertEquals("looks fine\nsecond line", c.text());
  }

  @Test
  void aSpacedWordThatIsNoKnownCommandOrNotOnTheFirstLineStaysText() {
    assertEquals(Optional.empty(), ParsedCommand.spaced("# Summary of results", KNOWN));
    assertEquals(Optional.empty(), ParsedCommand.spaced("Thanks\n# pass", KNOWN));
    assertEquals(
        Optional.empty(), ParsedCommand.spaced("#pass", KNOWN), "no space: parse reads it");
    assertEquals(Optional.empty(), ParsedCommand.spaced(" \n ", KNOWN));
    assertEquals(Optional.empty(), ParsedCommand.spaced(null, KNOWN));
  }
}
