package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketIdTest {
  private static final TicketId ID = new TicketId("STATS", 10001);

  @Test
  void parseReadsPrefixAndNumberAndPrintsTheSame() {
    TicketId id = TicketId.parse("STATS10001");

    assertEquals(ID, id);
    assertEquals("STATS10001", id.toString());
  }

  @ParameterizedTest(name = "\"{0}\" is not a ticket id")
  @ValueSource(
      strings = {
        "stats10001",
        "STATS",
        "10001",
        "STATS-10001",
        "S10001",
        "STATS0",
        "[STATS10001]",
        ""
      })
  void parseRejectsTextThatIsNotATicketId(String text) {
    assertThrows(IllegalArgumentException.class, () -> TicketId.parse(text));
  }

  @ParameterizedTest(name = "finds the id in \"{0}\"")
  @ValueSource(
      strings = {
        "[STATS10001]",
        "[stats 10001]",
        "Re: [STATS10001] 16/01/24 Output request for Project 1234567",
        "RE: FW: [EXTERNAL] [Stats10001] revised outputs",
        "[ STATS-10001 ] thanks",
        "Revised tables [STATS10001]",
      })
  void findInSubjectFindsABracketedIdInAnyCase(String subject) {
    assertEquals(Optional.of(ID), TicketId.findInSubject(subject, "STATS"));
  }

  @ParameterizedTest(name = "no id in \"{0}\"")
  @NullSource
  @ValueSource(
      strings = {
        "16/01/24 Output request for Project 1234567",
        "STATS10001 without brackets",
        "[OTHER10001] another desk",
        "[STATS] no number",
        "",
      })
  void findInSubjectFindsNothingWithoutABracketedIdOfOurPrefix(String subject) {
    assertEquals(Optional.empty(), TicketId.findInSubject(subject, "STATS"));
  }

  @Test
  void constructorRejectsBadPrefixOrNumber() {
    assertThrows(IllegalArgumentException.class, () -> new TicketId("stats", 1));
    assertThrows(IllegalArgumentException.class, () -> new TicketId("STATS", 0));
    assertThrows(NullPointerException.class, () -> new TicketId(null, 1));
  }

  @Test
  void theFirstNumberIsOne() {
    assertEquals("STATS1", new TicketId("STATS", 1).toString());
  }

  /** An answer to a digest names the ticket in its text, with or without brackets. */
  @Test
  void findInTextFindsTheFirstIdOfOurPrefixesWrittenAnywhere() {
    assertEquals(Optional.of(ID), TicketId.findInText("about stats 10001, see above", "STATS"));
    assertEquals(
        Optional.of(new TicketId("INGEST", 2)),
        TicketId.findInText("INGEST2 then STATS10001", java.util.List.of("STATS", "INGEST")));
    assertEquals(Optional.empty(), TicketId.findInText("XSTATS10001", "STATS"), "not in a word");
    assertEquals(Optional.empty(), TicketId.findInText("STATS", "STATS"));
    assertEquals(Optional.empty(), TicketId.findInText(null, "STATS"));
  }
}
