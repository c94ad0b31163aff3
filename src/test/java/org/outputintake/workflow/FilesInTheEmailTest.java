package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Staff;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketFiles;

/**
 * An email-only desk checks the files it is sent: the notification carries the submission (up to
 * staff.attach-limit) and summarises the form, the #take confirmation always carries it, and each
 * file arrives byte for byte as stored, under the SHA-256 the mail names.
 */
class FilesInTheEmailTest extends DeskTest {

  @Test
  void theNotificationCarriesTheFormAndTheFiles_byteIdentical_andSummarisesTheForm()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    MimeMessage note = desk.lastTo(TestBot.OFFICERS_LIST, id);
    List<String> names = OfficersWorkflowTest.attachmentNames(note);
    assertTrue(names.contains("scan-report-" + id + ".html"), names.toString());
    assertTrue(names.contains("request-form.docx"), names.toString());
    assertTrue(names.contains("table1.csv"), names.toString());
    String body = TestBot.body(note);
    assertSameAsStored(id, note, body);
    assertArrayEquals(
        TABLE.getBytes(StandardCharsets.UTF_8),
        OfficersWorkflowTest.attachment(note, "table1.csv"),
        "the researcher's bytes");
    assertTrue(body.contains("What the form says of each file:"), body);
    assertTrue(body.contains("table1.csv (Output)"), body);
    assertTrue(body.contains("Shows:    Mean household energy use by region"), body);
    assertTrue(body.contains("Controls: Counts below 10 suppressed, rounded to nearest 5"), body);
    assertTrue(body.contains("are attached as submitted"), body);
  }

  @Test
  void aTakeConfirmationCarriesTheFiles_evenAboveTheLimit_whileTheNotificationSaysHowToGetThem()
      throws Exception {
    bot.restartWith(
        c ->
            TestBot.with(
                c,
                Staff.of(TestBot.OFFICERS_LIST, TestBot.STAFF.officers(), TestBot.STAFF.managers())
                    .withAttachLimit(10),
                c.security()));
    String id = desk.request("1234567", TABLE);
    MimeMessage note = desk.lastTo(TestBot.OFFICERS_LIST, id);
    List<String> names = OfficersWorkflowTest.attachmentNames(note);
    assertEquals(List.of("scan-report-" + id + ".html"), names, "only the scan report");
    String body = TestBot.body(note);
    assertTrue(body.contains("The files are not attached"), body);
    assertTrue(body.contains("above the 10 bytes limit (staff.attach-limit)"), body);
    assertTrue(body.contains("Reply with #take to get them"), body);
    assertTrue(body.contains("table1.csv (Output)"), "the form is summarised all the same");

    desk.say(TestBot.ALICE, id, "#take");
    MimeMessage confirmation = desk.lastTo(TestBot.ALICE, id);
    String text = TestBot.body(confirmation);
    assertTrue(text.contains("You are checker 1 of 2"), text);
    assertTrue(text.contains("attached as stored"), text);
    List<String> carried = OfficersWorkflowTest.attachmentNames(confirmation);
    assertTrue(carried.containsAll(List.of("request-form.docx", "table1.csv")), carried.toString());
    assertSameAsStored(id, confirmation, text);
    assertFalse(text.contains("#pass") && text.contains("verdict: done"), text);
  }

  /** Every stored file is attached, its bytes hash to the stored SHA-256, and the body names it. */
  private void assertSameAsStored(String id, MimeMessage m, String body) throws Exception {
    for (TicketFiles.StoredAttachment a :
        bot.app().db().read(c -> TicketFiles.latestSubmission(c, id))) {
      byte[] sent = OfficersWorkflowTest.attachment(m, a.originalName());
      assertArrayEquals(Files.readAllBytes(Path.of(a.storedPath())), sent, a.originalName());
      assertEquals(a.sha256(), OfficersWorkflowTest.sha256(sent), a.originalName());
      assertTrue(body.contains(a.sha256()), "the body names " + a.originalName() + "'s hash");
    }
  }
}
