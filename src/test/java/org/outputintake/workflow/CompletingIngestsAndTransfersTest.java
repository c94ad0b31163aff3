package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.outputintake.form.FormFixtures;
import org.outputintake.sharefolder.InputFolders;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketState;

/**
 * The officers' side of ingest and transfer tickets, by email: one checker each by default, and
 * {@code #complete} instead of {@code #release}, copying the checked files into the project's
 * {@code Input/<ticket id>/} with a manifest. The tickets are opened by the intake as outputs and
 * made ingests or transfers with {@link org.outputintake.testing.Desk#asKind}: their files are as
 * the intake stored them.
 */
class CompletingIngestsAndTransfersTest extends DeskTest {
  private static final String ANSWERS = "region,n\nNorth,120\nSouth,240\n";

  private Path share() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    Files.createDirectories(share.resolve("1234567"));
    Files.createDirectories(share.resolve("7700001"));
    return share;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void anIngestTakesOneChecker_andIsCompletedIntoTheProjectsInputFolder() throws Exception {
    // an ingest's files come from outside the SRS, attached; the share is where they go
    String id = desk.request("1234567", ANSWERS);
    desk.asKind(id, RequestKind.INGEST, null);
    Path share = share();
    bot.restartWithShareRoot(share);

    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.BOB, id, "#take");
    String bob = desk.lastBodyTo(TestBot.BOB, id);
    assertTrue(bob.contains("Not done") && bob.contains("already has its checker"), bob);

    desk.say(TestBot.ALICE, id, "#pass ok");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
    String passed = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(passed.contains("it decides the round") && passed.contains("#complete"), passed);
    assertTrue(
        desk.mailTo(TestBot.ALICE, id).stream()
            .noneMatch(m -> TestBot.body(m).contains("Both verdicts are in")),
        "one checker: nothing to reveal");

    desk.say(TestBot.ALICE, id, "#release");
    String refused = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(
        refused.contains("Not done") && refused.contains("finish it with #complete"), refused);

    desk.say(TestBot.ALICE, id, "#complete");
    Path input = share.resolve("1234567").resolve(InputFolders.INPUT).resolve(id);
    byte[] copied = Files.readAllBytes(input.resolve("table1.csv"));
    assertEquals(ANSWERS, new String(copied, StandardCharsets.UTF_8));
    assertEquals(
        sha256(copied) + "  table1.csv\n",
        Files.readString(input.resolve(InputFolders.MANIFEST)),
        "the manifest lists the checked hash");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);
    String ada = desk.lastBodyTo(TestBot.ADA, id);
    assertTrue(ada.contains("1234567/Input/" + id) && ada.contains(sha256(copied)), ada);
  }

  @Test
  void withoutAShare_anIngestsFilesAreSentAsAReleaseSendsThem_andATransferIsRefused()
      throws Exception {
    String ingest = desk.request("1234567", ANSWERS);
    desk.asKind(ingest, RequestKind.INGEST, null);
    desk.say(TestBot.ALICE, ingest, "#pass ok");
    desk.say(TestBot.ALICE, ingest, "#complete");
    assertTrue(desk.ticket(ingest).state() instanceof TicketState.Closed);
    var mail = desk.lastTo(TestBot.ADA, ingest);
    assertTrue(mail.getContentType().toLowerCase().startsWith("multipart/mixed"));
    assertTrue(TestBot.body(mail).contains("attached, exactly as checked"), TestBot.body(mail));

    String transfer = desk.request("1234567", ANSWERS);
    desk.asKind(transfer, RequestKind.TRANSFER, "7700001");
    desk.say(TestBot.ALICE, transfer, "#pass ok");
    desk.say(TestBot.ALICE, transfer, "#complete");
    String refused = desk.lastBodyTo(TestBot.ALICE, transfer);
    assertTrue(refused.contains("Not done") && refused.contains("scanning.share-root"), refused);
    assertTrue(desk.ticket(transfer).state() instanceof TicketState.Checked);
  }

  @Test
  void aTransferIsCompletedIntoTheDestinationProject_withIdenticalHashes() throws Exception {
    Path share = share();
    Path folder =
        Files.createDirectories(
            share.resolve("1234567").resolve("Ready for Checking").resolve(FormFixtures.FOLDER));
    FormFixtures.completeDocx(
        folder.resolve("output-request-form.docx"), f -> f.files("table1.csv"));
    Files.writeString(folder.resolve("table1.csv"), ANSWERS);
    bot.restartWithShareRoot(share);
    bot.deliver(
        Mails.request()
            .body("Project 1234567, folder: " + FormFixtures.FOLDER)
            .build(bot.session()));
    bot.cycle();
    String id = bot.tickets().get(0).idText();
    desk.asKind(id, RequestKind.TRANSFER, "7700001");
    // the share changes after the snapshot: what was checked is what is copied
    Files.writeString(folder.resolve("table1.csv"), "region,n\nNorth,3\n");

    desk.say(TestBot.ALICE, id, "#pass ok");
    desk.say(TestBot.ALICE, id, "#complete");
    Path input = share.resolve("7700001").resolve(InputFolders.INPUT).resolve(id);
    assertEquals(ANSWERS, Files.readString(input.resolve("table1.csv")));
    assertTrue(
        Files.readString(input.resolve(InputFolders.MANIFEST))
            .contains(sha256(ANSWERS.getBytes(StandardCharsets.UTF_8)) + "  table1.csv"));
    assertFalse(Files.exists(share.resolve("1234567").resolve(InputFolders.INPUT).resolve(id)));
    assertTrue(desk.lastBodyTo(TestBot.ADA, id).contains("7700001/Input/" + id));
  }

  @Test
  void completeOnAnOutputNamesRelease() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.twoPasses(id);
    desk.say(TestBot.ALICE, id, "#complete");
    String refused = desk.lastBodyTo(TestBot.ALICE, id);
    assertTrue(refused.contains("Not done") && refused.contains("with #release"), refused);
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
  }
}
