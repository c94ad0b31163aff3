package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Staff;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;

/**
 * {@code staff.lists}: the officers of an ingest list, not {@code staff.officers}, work ingest
 * tickets and hear of them; outputs stay with {@code staff.officers} and the officers' list.
 */
class StaffListsPerKindTest extends DeskTest {
  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyTheIngestListWorksAnIngest_andHearsOfItWhenItIsBackInTheQueue() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.asKind(id, RequestKind.INGEST, null);
    bot.restartWith(
        c ->
            TestBot.with(
                c,
                Staff.of(
                        TestBot.OFFICERS_LIST,
                        List.of(TestBot.ALICE, TestBot.BOB),
                        List.of(TestBot.MANAGER))
                    .withLists(Map.of("ingest", List.of(TestBot.CAROL))),
                c.security()));

    desk.say(TestBot.ALICE, id, "#take");
    assertTrue(desk.checkers(id).isEmpty(), "an output officer does not take an ingest");
    desk.say(TestBot.CAROL, id, "#take");
    assertEquals(List.of(TestBot.CAROL), desk.checkers(id));

    int listBefore = desk.mailTo(TestBot.OFFICERS_LIST, id).size();
    desk.say(TestBot.CAROL, id, "#ask which survey wave is this?");
    desk.say(TestBot.ADA, id, "Wave 3.");
    assertTrue(
        desk.mailTo(TestBot.CAROL, id).stream().anyMatch(m -> subject(m).contains("Revised")),
        "the ingest list hears of the ticket back in the queue");
    assertEquals(
        listBefore,
        desk.mailTo(TestBot.OFFICERS_LIST, id).size(),
        "the output officers' list is not told");

    String output = desk.request("1234567", TABLE);
    desk.say(TestBot.CAROL, output, "#take");
    assertTrue(desk.checkers(output).isEmpty(), "the ingest officer does not take an output");
  }
}
