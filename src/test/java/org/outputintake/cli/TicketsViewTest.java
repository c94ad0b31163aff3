package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.outputintake.form.FormFixtures;
import org.outputintake.inspection.PolicySamples;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;

/**
 * What staff read in {@code tickets list} and {@code tickets show} after a request and its
 * revision.
 */
class TicketsViewTest extends BotTest {
  private static final String TABLE = "region,n\nNorth,120\nSouth,240\n";

  private Path config() throws Exception {
    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    return config;
  }

  /** A first submission with a PNG named .csv and no form, then a clean revision with the form. */
  private void blockedThenCleanRevision() throws Exception {
    bot.deliver(
        Mails.request()
            .attach("figure.csv", PolicySamples.image("png"), "text/csv")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("table1.csv")));
    bot.deliver(
        Mails.request()
            .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
            .attach("output-request-form.docx", form, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
  }

  @Test
  void afterACleanRevision_showListsEachSubmissionLatestFirst_andSaysTheLatestHasNoFindings()
      throws Exception {
    blockedThenCleanRevision();

    var show =
        CommandLineTest.run("tickets", "show", "STATS10001", "--config", config().toString());

    assertEquals(0, show.exit(), show.err());
    String out = show.out();
    int latest = out.indexOf("Submission 2 (latest)");
    int first = out.indexOf("Submission 1:");
    assertTrue(latest > 0 && first > latest, out);
    String second = out.substring(latest, first);
    String firstPart = out.substring(first, out.indexOf("Emails in:"));
    assertTrue(second.contains("Findings: no findings"), second);
    assertTrue(
        second.contains("output-request-form.docx") && !second.contains("figure.csv"), second);
    assertTrue(firstPart.contains("figure.csv") && firstPart.contains("[FORM_MISSING]"), firstPart);
    assertTrue(!firstPart.contains("output-request-form.docx"), firstPart);
  }

  @Test
  void aFileTypeMismatchIsStoredAndShownOncePerSubmission() throws Exception {
    blockedThenCleanRevision();

    var show =
        CommandLineTest.run("tickets", "show", "STATS10001", "--config", config().toString());

    Matcher m = Pattern.compile("\\[FILE_TYPE_MISMATCH]").matcher(show.out());
    int count = 0;
    while (m.find()) count++;
    assertEquals(1, count, show.out());
    assertTrue(show.out().contains("[FILE_TYPE_MISMATCH] blocker  figure.csv"), show.out());
  }

  @Test
  void listHasBlockerAndWarningCountsOfTheLatestSubmission() throws Exception {
    blockedThenCleanRevision();
    bot.deliver(Mails.request().attachCsv("table2.csv", TABLE).build(bot.session()));
    bot.cycle();

    var list = CommandLineTest.run("tickets", "list", "--config", config().toString());

    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains("BLOCKERS") && list.out().contains("WARNINGS"), list.out());
    String clean =
        list.out().lines().filter(l -> l.startsWith("STATS10001")).findFirst().orElseThrow();
    String blocked =
        list.out().lines().filter(l -> l.startsWith("STATS10002")).findFirst().orElseThrow();
    assertTrue(clean.matches("STATS10001\\s+queued\\s+1234567\\s+0\\s+0\\s.*"), clean);
    assertTrue(
        blocked.matches("STATS10002\\s+blocked\\s+1234567\\s+[1-9]\\d*\\s+\\d+\\s.*"), blocked);
  }
}
