package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.cli.Main;
import org.outputintake.form.FormFixtures;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;
import picocli.CommandLine;

/**
 * Folder mode: the email names the folder; the bot snapshots Ready for Checking/<folder> from the
 * project share.
 */
class FolderModeTest extends BotTest {
  Path share;
  Path folder;

  @BeforeEach
  void share() throws Exception {
    share = Files.createDirectories(dir.resolve("share"));
    folder =
        Files.createDirectories(
            share.resolve("1234567").resolve("Ready for Checking").resolve(FormFixtures.FOLDER));
    FormFixtures.completeDocx(
        folder.resolve("output-request-form.docx"), f -> f.files("table1.csv"));
    Files.writeString(folder.resolve("table1.csv"), "region,n\nNorth,120\nSouth,240\n");
    bot.restartWithShareRoot(share);
  }

  @Test
  void requestNamingItsFolder_snapshotsTheFolder_andTheFormInItIsRead() throws Exception {
    bot.deliver(
        Mails.request()
            .body("Project 1234567, folder: " + FormFixtures.FOLDER + "\nThanks")
            .build(bot.session()));
    bot.cycle();
    var t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Queued, t.state().toString());
    var files = bot.app().db().read(c -> TicketFiles.attachments(c, "STATS10001"));
    assertEquals(2, files.size());
    assertTrue(
        files.stream()
            .anyMatch(f -> f.originalName().equals("table1.csv") && f.role().equals("output")));
    assertTrue(TestBot.body(bot.receivedBy(TestBot.ADA).get(0)).contains("table1.csv"));
  }

  @Test
  void aChangeToTheOriginalFolderAfterSubmission_isShownToOfficers() throws Exception {
    bot.deliver(Mails.request().body("Folder: " + FormFixtures.FOLDER).build(bot.session()));
    bot.cycle();
    Files.writeString(folder.resolve("table1.csv"), "region,n\nNorth,3\nSouth,240\n");
    Files.writeString(folder.resolve("late.csv"), "x\n1\n");
    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config, "scanning: { share-root: \"" + share + "\" }");
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("tickets", "show", "STATS10001", "--config", config.toString()));
    assertTrue(out.toString().contains("MODIFIED since submission: table1.csv"), out.toString());
    assertTrue(out.toString().contains("ADDED since submission: late.csv"), out.toString());
  }

  @Test
  void aFolderThatDoesNotExist_isReportedAndTheTicketWaits() throws Exception {
    bot.deliver(Mails.request().body("Folder: 2024_01_16_Missing_v1").build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[FOLDER_NOT_FOUND]"), body);
  }
}
