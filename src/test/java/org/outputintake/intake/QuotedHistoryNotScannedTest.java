package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.ticket.TicketFiles;

/**
 * A researcher's reply quotes the bot's #revise email, officer's signature and phone number
 * included: only what they wrote themselves is scanned.
 */
class QuotedHistoryNotScannedTest extends DeskTest {

  @Test
  void theQuotedRevisionRequestWithTheOfficersContactsIsNotScannedAsTheResearchersText()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#fail East below threshold");
    desk.say(BOB, id, "#fail agreed");
    desk.say(ALICE, id, "#revise Please merge East into South.");
    String guidance = desk.lastBodyTo(ADA, id);
    StringBuilder quoted = new StringBuilder();
    for (String line : guidance.split("\n")) quoted.append("> ").append(line).append('\n');
    quoted.append("> Alice Officer, SRS output checking\n");
    quoted.append("> Tel: 01633 456789\n");
    quoted.append("> alice.officer@ons.gov.uk\n");
    desk.revisionSaying(
        "Revised files attached; East is merged now.\n\n"
            + "On Tue, 16 Jan 2024 at 10:00, Output Intake <statistical.support@example.org> wrote:\n"
            + quoted,
        id,
        "1234567",
        2,
        "region,n\nNorth,30\nSouth,360\n");
    assertEquals(2, desk.ticket(id).round(), "the revision was taken");

    List<TicketFiles.StoredFinding> findings =
        bot.app().db().read(c -> TicketFiles.latestFindings(c, id));
    assertTrue(
        findings.stream().noneMatch(f -> "email body".equals(f.finding().location())),
        findings.toString());
    String answer = desk.lastBodyTo(ADA, id);
    assertFalse(answer.contains("PHONE_NUMBER") || answer.contains("EMAIL_ADDRESS"), answer);
  }
}
