package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.outputintake.form.FormFixtures;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;

/**
 * The scan engine inside the intake: file rules block, scanner findings inform, identifiers stay
 * masked.
 */
class ScanInIntakeTest extends BotTest {
  private byte[] form(String... files) throws Exception {
    return Files.readAllBytes(
        FormFixtures.completeDocx(
            dir.resolve("f" + System.nanoTime() + ".docx"), f -> f.files(files)));
  }

  @Test
  void lowCountInATable_isReportedInTheAcknowledgementAndOnTheTicket_butDoesNotBlock()
      throws Exception {
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form("table1.csv"), "application/octet-stream")
            .attachCsv("table1.csv", "region,n\nNorth,3\nSouth,240\n")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued);
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[LOW_COUNT]"), body);
    assertTrue(body.contains("now in the queue"), body);
    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f -> f.finding().code().equals("LOW_COUNT") && "table1.csv".equals(f.file())));
  }

  @Test
  void forbiddenFileType_blocksTheTicket_andIsListedWithTheFormProblems() throws Exception {
    bot.deliver(
        Mails.request()
            .attach(
                "request-form.docx", form("table1.csv", "results.json"), "application/octet-stream")
            .attachCsv("table1.csv", "region,n\nNorth,30\nSouth,240\n")
            .attach(
                "results.json",
                "{\"a\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[FILE_TYPE_NOT_ALLOWED]"), body);
    assertTrue(body.contains("results.json"), body);
  }

  @Test
  void identifierInTheEmailBody_isReportedMasked_andNeverEchoedInClear() throws Exception {
    bot.deliver(
        Mails.request()
            .body("Patient NHS number 943 476 5919 was excluded.")
            .attach("request-form.docx", form("table1.csv"), "application/octet-stream")
            .attachCsv("table1.csv", "region,n\nNorth,30\nSouth,240\n")
            .build(bot.session()));
    bot.cycle();
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[NHS_NUMBER]"), body);
    assertFalse(body.contains("943 476 5919") || body.contains("9434765919"), body);
    var stored = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertFalse(stored.stream().anyMatch(f -> f.finding().evidence().contains("476 5919")));
    assertEquals(1, bot.tickets().size());
  }
}
