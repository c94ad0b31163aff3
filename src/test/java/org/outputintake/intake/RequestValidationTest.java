package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.form.Declaration;
import org.outputintake.form.FormFixtures;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * Who may ask, the request form and the files: one complete answer per email, through the real mail
 * path.
 */
class RequestValidationTest extends BotTest {
  static final String TABLE = "region,n\nNorth,120\nSouth,240\n";

  private byte[] docx(java.util.function.Consumer<FormFixtures.FormSpec> c) throws Exception {
    Path p = FormFixtures.completeDocx(dir.resolve("form-" + System.nanoTime() + ".docx"), c);
    return Files.readAllBytes(p);
  }

  private Mails completeRequest() throws Exception {
    return Mails.request()
        .attach(
            "output-request-form.docx",
            docx(f -> f.files("table1.csv")),
            "application/octet-stream")
        .attachCsv("table1.csv", TABLE);
  }

  private String onlyReplyBody(String to) {
    List<MimeMessage> replies = bot.receivedBy(to);
    assertEquals(1, replies.size(), "replies to " + to);
    return TestBot.body(replies.get(0));
  }

  @Test
  void cleanRequestWithCompletedForm_isQueuedAndTheAcknowledgementListsNoProblem()
      throws Exception {
    bot.deliver(completeRequest().build(bot.session()));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Queued, t.state().toString());
    assertEquals(FormFixtures.FOLDER, t.folderName());
    assertEquals(1, t.folderVersion());
    String body = onlyReplyBody(TestBot.ADA);
    assertTrue(body.contains("now in the queue"), body);
    assertFalse(body.contains("[FORM_"), body);
  }

  @Test
  void completedFormInExcel_isAcceptedToo() throws Exception {
    Path xlsx =
        FormFixtures.completeXlsx(dir.resolve("request-form.xlsx"), f -> f.files("table1.csv"));
    bot.deliver(
        Mails.request()
            .attach("request-form.xlsx", Files.readAllBytes(xlsx), "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued);
  }

  @Test
  void formWithSeveralProblems_opensABlockedTicket_andOneReplyListsThemAll() throws Exception {
    byte[] form =
        docx(
            f ->
                f.project("7654321")
                    .folder("Output1")
                    .files("table1.csv", "figure9.png")
                    .untick(Declaration.NO_DIRECT_IDENTIFIERS));
    bot.deliver(
        Mails.request()
            .attach("output-request-form.docx", form, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .attachCsv("extra.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Blocked, t.state().toString());
    String body = onlyReplyBody(TestBot.ADA);
    for (String code :
        List.of(
            "[FORM_PROJECT_MISMATCH]",
            "[FOLDER_NAME]",
            "[FORM_FILES_MISMATCH]",
            "[FORM_DECLARATION]")) {
      assertTrue(body.contains(code), code + " missing from:\n" + body);
    }
    assertTrue(body.contains("figure9.png") && body.contains("extra.csv"), body);
    assertTrue(body.contains("on hold"), body);
  }

  @Test
  void requestWithoutForm_isBlocked_andTheReplyAttachesTheBlankForms() throws Exception {
    bot.deliver(Mails.request().attachCsv("table1.csv", TABLE).build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);
    MimeMessage reply = bot.receivedBy(TestBot.ADA).get(0);
    assertTrue(TestBot.body(reply).contains("[FORM_MISSING]"));
    Multipart parts = (Multipart) reply.getContent();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).getFileName() != null) names.add(parts.getBodyPart(i).getFileName());
    }
    assertEquals(List.of("output-request-form.docx", "output-request-form.xlsx"), names);
  }

  @Test
  void senderNotNamedOnTheProject_isRefusedWithoutTicket_andLearnsNothingAboutTheProject()
      throws Exception {
    bot.deliver(completeRequest().from("eve@elsewhere.example.com").build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String body = onlyReplyBody("eve@elsewhere.example.com");
    assertTrue(body.contains("[NOT_NAMED_RESEARCHER]"), body);
    assertFalse(body.contains("Energy use modelling"), body);
    assertFalse(body.contains("ada.lovelace"), body);
    assertEquals(1, bot.folderCount("Processed"));
  }

  @Test
  void unknownClosedPendingAndExploratoryProjects_areRefusedWithTheirCodes() throws Exception {
    bot.deliver(
        completeRequest()
            .subject("16/01/24 Output request for Project 9999999")
            .build(bot.session()));
    bot.deliver(
        completeRequest()
            .from("mary.somerville@uni.example.ac.uk")
            .subject("16/01/24 Output request for Project 4567890")
            .build(bot.session()));
    bot.deliver(
        completeRequest()
            .subject("16/01/24 Output request for Project 5678901")
            .build(bot.session()));
    bot.deliver(
        completeRequest()
            .from("katherine.johnson@uni.example.ac.uk")
            .subject("16/01/24 Output request for Project 3456789")
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().isEmpty());
    String ada = bot.receivedBy(TestBot.ADA).stream().map(TestBot::body).reduce("", String::concat);
    assertTrue(ada.contains("[PROJECT_UNKNOWN]"), ada);
    assertTrue(ada.contains("[PROJECT_NOT_LIVE]"), ada);
    assertTrue(onlyReplyBody("mary.somerville@uni.example.ac.uk").contains("[PROJECT_NOT_LIVE]"));
    assertTrue(
        onlyReplyBody("katherine.johnson@uni.example.ac.uk").contains("[PROJECT_EXPLORATORY]"));
    var refused = bot.app().db().read(c -> MailLog.withDisposition(c, "refused"));
    assertEquals(4, refused.size());
  }

  @Test
  void researcherRevision_withFixes_isValidatedAgain_andReturnsToTheBackOfTheQueue()
      throws Exception {
    bot.deliver(Mails.request().attachCsv("table1.csv", TABLE).build(bot.session()));
    bot.cycle();
    Ticket blocked = bot.tickets().get(0);
    assertTrue(blocked.state() instanceof TicketState.Blocked);
    String ackId = bot.receivedBy(TestBot.ADA).get(0).getMessageID();

    bot.clock().advance(Duration.ofDays(2));
    bot.deliver(
        completeRequest()
            .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
            .inReplyTo(ackId)
            .build(bot.session()));
    bot.cycle();

    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Queued, t.state().toString());
    assertEquals(TestBot.NOW.plus(Duration.ofDays(2)), t.state().since());
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(2, replies.size());
    assertTrue(
        TestBot.body(replies.get(1)).contains("has returned to the"), TestBot.body(replies.get(1)));
    assertTrue(replies.get(1).getSubject().startsWith("[STATS10001]"));
  }

  @Test
  void revisionWhoseFolderVersionIsNotHigher_staysBlockedWithFolderVersion() throws Exception {
    byte[] badForm = docx(f -> f.files("table1.csv").untick(Declaration.IN_SCOPE));
    bot.deliver(
        Mails.request()
            .attach("output-request-form.docx", badForm, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Blocked);

    bot.deliver(
        completeRequest()
            .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
            .build(bot.session()));
    bot.cycle();

    Ticket t = bot.tickets().get(0);
    assertTrue(t.state() instanceof TicketState.Blocked, t.state().toString());
    String last = TestBot.body(bot.receivedBy(TestBot.ADA).get(1));
    assertTrue(last.contains("[FOLDER_VERSION]"), last);
  }
}
