package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.outputintake.form.FormFixtures;
import org.outputintake.testing.AcroFolders;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;

/**
 * The files of one emailed request checked together: a magnitude table with its largest
 * contributions in a supporting file, and ACRO's output folder sent as a zip.
 */
class RequestFilesTogetherThroughMailTest extends BotTest {
  @Test
  void aMagnitudeTableAndItsSupportingContributions_getDominanceOnTheTablesCell() throws Exception {
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(
                dir.resolve("form.docx"),
                f -> f.files("turnover.csv").supporting("turnover_top2.csv")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attachCsv(
                "turnover.csv",
                "region,Retail,Manufacturing\nNorth,1050.5,2400.0\nSouth,2210.0,1980.4\n")
            .attachCsv(
                "turnover_top2.csv",
                "region,sector,n,top1,top2\n"
                    + "North,Retail,12,990.0,20.0\nNorth,Manufacturing,40,310.0,280.5\n"
                    + "South,Retail,38,300.0,250.0\nSouth,Manufacturing,35,290.0,210.0\n")
            .build(bot.session()));
    bot.cycle();

    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued);
    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("DOMINANCE")
                        && "turnover.csv".equals(f.file())
                        && f.finding().evidence().equals("B2 p-ratio, nk-rule")),
        findings.toString());
    assertFalse(
        findings.stream().anyMatch(f -> f.finding().code().equals("DOMINANCE_UNCHECKED")),
        findings.toString());
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("SUPPORTING_MATERIAL")
                        && "turnover_top2.csv".equals(f.file())
                        // the form already keeps it in the TRE, as the finding asks
                        && f.finding().severity() == org.outputintake.scan.Severity.INFO),
        findings.toString());
    assertFalse(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("EXTREME_VALUE")
                        || "turnover_top2.csv".equals(f.file())
                            && f.finding().code().equals("LOW_COUNT")),
        findings.toString());
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[DOMINANCE]"), body);
    assertTrue(body.contains("[SUPPORTING_MATERIAL]"), body);
  }

  @Test
  void contributionsListedAsAnOutputOnTheForm_remainAWarningToKeepThemBack() throws Exception {
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(
                dir.resolve("form.docx"), f -> f.files("turnover.csv", "turnover_top2.csv")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attachCsv("turnover.csv", "region,Retail\nNorth,1050.5\nSouth,2210.0\n")
            .attachCsv(
                "turnover_top2.csv",
                "region,n,top1,top2\nNorth,12,990.0,20.0\nSouth,38,300.0,250.0\n")
            .build(bot.session()));
    bot.cycle();

    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("SUPPORTING_MATERIAL")
                        && "turnover_top2.csv".equals(f.file())
                        && f.finding().severity() == org.outputintake.scan.Severity.WARNING),
        findings.toString());
  }

  @Test
  void acrosOutputFolderSentAsAZip_isReadAsAcros_andDoesNotBlockTheTicket() throws Exception {
    byte[] zip = AcroFolders.zip(AcroFolders.acroFolder("outputs/"));
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("acro_outputs.zip")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attach("acro_outputs.zip", zip, "application/zip")
            .build(bot.session()));
    bot.cycle();

    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Queued,
        bot.tickets().get(0).state().toString());
    var findings = bot.app().db().read(c -> TicketFiles.latestFindings(c, "STATS10001"));
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("ACRO_RESULT")
                        && "acro_outputs.zip!/outputs/output_0_0.csv".equals(f.file())
                        && f.finding().message().contains("national total, published")),
        findings.toString());
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    f.finding().code().equals("ACRO_RESULT")
                        && "acro_outputs.zip!/outputs/output_1_0.csv".equals(f.file())
                        && f.finding().message().contains("checksum")),
        findings.toString());
    assertFalse(
        findings.stream().anyMatch(f -> f.finding().code().equals("FILE_TYPE_NOT_ALLOWED")),
        findings.toString());
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[ACRO_RESULT]"), body);
    assertFalse(body.contains("[FILE_TYPE_NOT_ALLOWED]"), body);
    assertTrue(body.contains("national total"), body);
  }
}
