package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.outputintake.form.FormFixtures;
import org.outputintake.inspection.PolicySamples;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;

/**
 * Attachments as researchers' mail clients and office programs really send them (found in an
 * exploratory audit of the intake): forms saved in formats the reader does not read, outputs whose
 * names merely contain "form", names a Mac decomposes, duplicate and empty files, a zip of the
 * output folder, and a revision that re-sends only the corrected file.
 */
class ResearcherAttachmentsTest extends BotTest {
  static final String TABLE = "region,n\nNorth,120\nSouth,240\n";

  private byte[] form(Consumer<FormFixtures.FormSpec> c) throws Exception {
    return Files.readAllBytes(
        FormFixtures.completeDocx(dir.resolve("form-" + System.nanoTime() + ".docx"), c));
  }

  /** Ada's request email with her Word form, the form filled in by {@code c}. */
  private Mails requestWithForm(Consumer<FormFixtures.FormSpec> c) throws Exception {
    return Mails.request().attach("output-request-form.docx", form(c), "application/octet-stream");
  }

  private String onlyReply() {
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(1, replies.size());
    return TestBot.body(replies.get(0));
  }

  private static List<String> attachmentNames(MimeMessage reply) throws Exception {
    Multipart parts = (Multipart) reply.getContent();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).getFileName() != null) names.add(parts.getBodyPart(i).getFileName());
    }
    return names;
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in =
        ResearcherAttachmentsTest.class.getResourceAsStream("/forms-libreoffice/" + name)) {
      return in.readAllBytes();
    }
  }

  private void assertBlocked() {
    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Blocked,
        bot.tickets().get(0).state().toString());
  }

  @Test
  void anOutputWhoseNameMerelyContainsForm_isAMissingForm_andTheBlankFormsAreAttached()
      throws Exception {
    bot.deliver(
        Mails.request()
            .attachCsv("transformed_energy.csv", TABLE)
            .attachCsv("information_by_platform.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("[FORM_MISSING]"), body);
    assertFalse(body.contains("[FORM_UNREADABLE]"), body);
    assertEquals(
        List.of("output-request-form.docx", "output-request-form.xlsx"),
        attachmentNames(bot.receivedBy(TestBot.ADA).get(0)));
  }

  @Test
  void aFormSavedAsWord97_saysSo_attachesTheBlankForms_andIsNotScannedAsAnOutput()
      throws Exception {
    // saved by LibreOffice 7 as "Word 97-2003" from the filled demo form
    bot.deliver(
        Mails.request()
            .attach(
                "output-request-form.doc",
                resource("output-request-form.doc"),
                "application/msword")
            .attachCsv("table1_energy_by_region.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    assertBlocked();
    String body = onlyReply();
    assertTrue(body.contains("[FORM_UNREADABLE]"), body);
    assertTrue(body.contains("Word 97-2003 document (.doc)"), body);
    // the researcher's own email on their form is not an identifier in an output
    assertFalse(body.contains("[EMAIL_ADDRESS]"), body);
    assertTrue(body.contains("output-request-form.doc (24.5 KB, form)"), body);
    assertEquals(
        List.of("output-request-form.docx", "output-request-form.xlsx"),
        attachmentNames(bot.receivedBy(TestBot.ADA).get(0)));
  }

  @Test
  void aFormSavedAsOpenDocument_saysSo() throws Exception {
    bot.deliver(
        Mails.request()
            .attach(
                "Output Request Form.odt",
                resource("output-request-form.odt"),
                "application/vnd.oasis.opendocument.text")
            .attachCsv("table1_energy_by_region.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("[FORM_UNREADABLE]"), body);
    assertTrue(body.contains("OpenDocument file"), body);
  }

  @Test
  void aFormPrintedToPdfWithoutFields_saysItHasNoFillableFields() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("Output request form. Project number: 1234567. Folder name: x_v1");
        text.endText();
      }
      doc.save(pdf);
    }
    bot.deliver(
        Mails.request()
            .attach("OutputRequestForm.pdf", pdf.toByteArray(), "application/pdf")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("[FORM_UNREADABLE]"), body);
    assertTrue(body.contains("without fillable form fields"), body);
  }

  @Test
  void aFileNameAMacSendsDecomposed_matchesTheNameTypedOnTheForm() throws Exception {
    String typed = Normalizer.normalize("Größe_région.csv", Normalizer.Form.NFC);
    String sent = Normalizer.normalize(typed, Normalizer.Form.NFD);
    bot.deliver(requestWithForm(f -> f.files(typed)).attachCsv(sent, TABLE).build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertFalse(body.contains("[FORM_FILES_MISMATCH]"), body);
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued, body);
  }

  @Test
  void twoDifferentFilesUnderOneName_blockTheRequest() throws Exception {
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv"))
            .attachCsv("table1.csv", TABLE)
            .attachCsv("Table1.csv", "region,n\nEast,300\nWest,400\n")
            .build(bot.session()));
    bot.cycle();
    assertBlocked();
    String body = onlyReply();
    assertTrue(body.contains("[FILE_NAME_DUPLICATE]"), body);
  }

  @Test
  void theSameFileAttachedTwice_isNotADuplicateProblem() throws Exception {
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv"))
            .attachCsv("table1.csv", TABLE)
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertFalse(body.contains("[FILE_NAME_DUPLICATE]"), body);
  }

  @Test
  void anEmptyFile_blocksTheRequest() throws Exception {
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv"))
            .attach("table1.csv", new byte[0], "text/csv")
            .build(bot.session()));
    bot.cycle();
    assertBlocked();
    String body = onlyReply();
    assertTrue(body.contains("[FILE_EMPTY]"), body);
  }

  @Test
  void aZipOfTheOutputFolder_whoseFilesTheFormLists_isAccepted() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("2024_01_16_EnergyUseModel_v1/", new byte[0]);
    entries.put("2024_01_16_EnergyUseModel_v1/table1.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    entries.put("2024_01_16_EnergyUseModel_v1/table2.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv", "table2.csv"))
            .attach(
                "2024_01_16_EnergyUseModel_v1.zip",
                PolicySamples.zipBytes(entries),
                "application/zip")
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertFalse(body.contains("[FORM_FILES_MISMATCH]"), body);
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued, body);
  }

  @Test
  void supportingCodeInsideTheOutputZip_blocksTheRequest_soItIsNeverReleasedWithTheOutputs()
      throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("2024_01_16_EnergyUseModel_v1/table1.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    entries.put(
        "2024_01_16_EnergyUseModel_v1/model.R",
        "fit <- lm(y ~ x, data = d)\n".getBytes(StandardCharsets.UTF_8));
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv").supporting("model.R"))
            .attach(
                "2024_01_16_EnergyUseModel_v1.zip",
                PolicySamples.zipBytes(entries),
                "application/zip")
            .build(bot.session()));
    bot.cycle();
    assertBlocked();
    String body = onlyReply();
    assertTrue(body.contains("[SUPPORTING_IN_OUTPUT_ARCHIVE]"), body);
    assertTrue(body.contains("'2024_01_16_EnergyUseModel_v1/model.R' Supporting"), body);
  }

  @Test
  void aZipNeitherListedNorWithAListedFile_isOneMismatch_notOnePerFileInside() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("t1.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    entries.put("t2.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv"))
            .attachCsv("table1.csv", TABLE)
            .attach("extra.zip", PolicySamples.zipBytes(entries), "application/zip")
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("The file 'extra.zip' came with the request"), body);
    assertFalse(body.contains("extra.zip!/t1.csv' came"), body);
  }

  @Test
  void aRevisionResendingOnlyTheCorrectedFile_isToldToSendTheWholeRequest() throws Exception {
    bot.deliver(
        requestWithForm(f -> f.files("table1.csv"))
            .attach("table1.csv", new byte[0], "text/csv")
            .build(bot.session()));
    bot.cycle();
    assertBlocked();
    String ackId = bot.receivedBy(TestBot.ADA).get(0).getMessageID();
    bot.deliver(
        Mails.request()
            .subject("RE: [STATS10001] 16/01/24 Output request for Project 1234567")
            .inReplyTo(ackId)
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    List<MimeMessage> replies = bot.receivedBy(TestBot.ADA);
    assertEquals(2, replies.size());
    String body = TestBot.body(replies.get(1));
    assertTrue(body.contains("This email brought these files:"), body);
    assertTrue(body.contains("table1.csv (29 bytes, output)"), body);
    assertTrue(body.contains("A revision replaces the whole request"), body);
    assertEquals(
        List.of("output-request-form.docx", "output-request-form.xlsx"),
        attachmentNames(replies.get(1)));
  }

  /** A TNEF stream as Outlook writes it for Rich Text mail: each file as title and data. */
  static byte[] winmailDat(Map<String, byte[]> files) {
    java.nio.ByteBuffer out =
        java.nio.ByteBuffer.allocate(1 << 20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x223E9F78).putShort((short) 0x0102);
    tnefAttribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0});
    for (var f : files.entrySet()) {
      tnefAttribute(out, 2, 0x00069002, new byte[14]);
      tnefAttribute(out, 2, 0x00018010, (f.getKey() + "\0").getBytes(StandardCharsets.ISO_8859_1));
      tnefAttribute(out, 2, 0x0006800F, f.getValue());
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }

  private static void tnefAttribute(java.nio.ByteBuffer out, int level, int id, byte[] data) {
    int checksum = 0;
    for (byte b : data) checksum += b & 0xff;
    out.put((byte) level).putInt(id).putInt(data.length).put(data).putShort((short) checksum);
  }

  @Test
  void anOutlookWinmailDat_isUnpacked_andTheFormAndFilesInsideAreRead() throws Exception {
    Map<String, byte[]> inside = new LinkedHashMap<>();
    inside.put("output-request-form.docx", form(f -> f.files("table1.csv")));
    inside.put("table1.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    bot.deliver(
        Mails.request()
            .attach("winmail.dat", winmailDat(inside), "application/ms-tnef")
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertFalse(body.contains("[FORM_MISSING]"), body);
    assertTrue(body.contains("table1.csv (29 bytes, output)"), body);
    assertFalse(body.contains("winmail.dat ("), body);
    assertTrue(bot.tickets().get(0).state() instanceof TicketState.Queued, body);
  }

  @Test
  void aDamagedWinmailDat_isKept_andTheResearcherIsToldToSendPlainMail() throws Exception {
    byte[] broken = java.util.Arrays.copyOf(winmailDat(Map.of("table1.csv", new byte[4000])), 100);
    bot.deliver(
        requestWithForm(f -> f.files("winmail.dat"))
            .attach("winmail.dat", broken, "application/ms-tnef")
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("HTML or plain-text format"), body);
  }

  @Test
  void aFormWithAnEmptyFileTable_isOneFinding_notOneMorePerFileSent() throws Exception {
    bot.deliver(
        requestWithForm(f -> f.files())
            .attachCsv("table1.csv", TABLE)
            .attachCsv("table2.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("The file table on the request form is empty"), body);
    assertFalse(body.contains("[FORM_FILES_MISMATCH]"), body);
  }

  @Test
  void aPhoneNumberInTheEmailSignature_isNotCalledAnIdentifierInAnOutput() throws Exception {
    bot.deliver(
        Mails.request()
            .body("Please find my request attached.\n\nKind regards,\nAda\nTel: 07700 900123\n")
            .attach(
                "output-request-form.docx",
                form(f -> f.files("table1.csv")),
                "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    // the sign-off block is her signature, not her text: nothing in it is scanned
    assertFalse(body.contains("[PHONE_NUMBER]"), body);
    assertTrue(body.contains("Your request is now in the queue"), body);
  }

  @Test
  void aPhoneNumberWrittenInTheEmailText_isAboutTheEmail_notAnOutput() throws Exception {
    bot.deliver(
        Mails.request()
            .body(
                "Please find my request attached. The clinic's number was 07700 900123."
                    + "\n\nKind regards,\nAda\n")
            .attach(
                "output-request-form.docx",
                form(f -> f.files("table1.csv")),
                "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    String body = onlyReply();
    assertTrue(body.contains("[PHONE_NUMBER]"), body);
    assertTrue(body.contains("Your own contact details (a signature) are fine"), body);
    assertFalse(body.contains("never allowed in outputs"), body);
  }
}
