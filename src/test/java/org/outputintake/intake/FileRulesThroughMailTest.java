package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outputintake.form.FormField;
import org.outputintake.form.FormFixtures;
import org.outputintake.inspection.PolicySamples;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;

/**
 * Every file-level code reaches the researcher through the real mail path, and blocks the ticket.
 */
class FileRulesThroughMailTest extends BotTest {
  static Stream<Arguments> badFiles() throws Exception {
    byte[] png = PolicySamples.image("png");
    byte[] pickle = {
      (byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x7d, (byte) 0x94, 0x2e
    };
    byte[] zipSlip =
        PolicySamples.zipBytes(
            Map.of("../../etc/x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    return Stream.of(
        Arguments.of("table1.csv", png, "FILE_TYPE_MISMATCH"),
        Arguments.of(
            "notes.md", "# Results\n".getBytes(StandardCharsets.UTF_8), "FILE_TYPE_NOT_ALLOWED"),
        Arguments.of("model.pkl", pickle, "MODEL_FILE"),
        Arguments.of("outputs.zip", zipSlip, "ARCHIVE_UNSAFE"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("badFiles")
  void aBadFile_blocksTheTicket_andTheReplyNamesItsCode(String name, byte[] content, String code)
      throws Exception {
    byte[] form =
        Files.readAllBytes(FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files(name)));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attach(name, content, "application/octet-stream")
            .build(bot.session()));
    bot.cycle();
    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Blocked,
        bot.tickets().get(0).state().toString());
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[" + code + "]"), code + " missing from:\n" + body);
  }

  /** 42.zip-style: every archive inside is refused, and the reply does not list them all. */
  @Test
  void aZipOfManyUnsafeZips_listsTheFirstTenUnsafeArchivesAndHowManyMore() throws Exception {
    Map<String, byte[]> inner = new java.util.TreeMap<>();
    for (int i = 0; i < 30; i++)
      inner.put(
          String.format("part%02d.zip", i),
          PolicySamples.zipBytes(
              Map.of("../../etc/x" + i + ".csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
    byte[] bomb = PolicySamples.zipBytes(inner);
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("outputs.zip")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attach("outputs.zip", bomb, "application/zip")
            .build(bot.session()));
    bot.cycle();

    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    long listed = body.lines().filter(l -> l.strip().startsWith("[ARCHIVE_UNSAFE]")).count();
    assertTrue(listed <= 11, listed + " lines:\n" + body);
    assertTrue(body.contains("and 20 more ARCHIVE_UNSAFE findings"), body);
  }

  @Test
  void aFileOverTheProjectPolicysSizeLimit_isTooLarge() throws Exception {
    java.nio.file.Path policy =
        Files.writeString(
            dir.resolve("small.yaml"), "name: small\nmax-file-size: 1KB\nthreshold: 10\n");
    bot.writeRegistry(
        TestBot.REGISTRY
            + "6789012,Small files,live,full,"
            + TestBot.ADA
            + ",10,"
            + policy
            + ",none,\n");
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(
                dir.resolve("form.docx"), f -> f.project("6789012").files("big.csv")));
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Output request for Project 6789012")
            .attach("request-form.docx", form, "application/octet-stream")
            .attachCsv("big.csv", "region,n\n" + "North,120\n".repeat(300))
            .build(bot.session()));
    bot.cycle();
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[FILE_TOO_LARGE]"), body);
  }

  @Test
  void anEncryptedArchive_isReportedAsEncryptedContent() throws Exception {
    byte[] zip = Files.readAllBytes(PolicySamples.encryptedZip(dir, "secret.zip"));
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("secret.zip")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attach("secret.zip", zip, "application/zip")
            .build(bot.session()));
    bot.cycle();
    assertTrue(TestBot.body(bot.receivedBy(TestBot.ADA).get(0)).contains("[ENCRYPTED_CONTENT]"));
  }

  @Test
  void aPdfFormWithAnEmptyRequiredField_isReadAndReportedAsIncomplete() throws Exception {
    byte[] pdf =
        Files.readAllBytes(
            FormFixtures.completePdf(
                dir.resolve("form.pdf"),
                f -> f.files("table1.csv").blank(FormField.PROJECT_TITLE)));
    bot.deliver(
        Mails.request()
            .attach("output-request-form.pdf", pdf, "application/pdf")
            .attachCsv("table1.csv", "region,n\nNorth,120\nSouth,240\n")
            .build(bot.session()));
    bot.cycle();
    String body = TestBot.body(bot.receivedBy(TestBot.ADA).get(0));
    assertTrue(body.contains("[FORM_INCOMPLETE]"), body);
    assertTrue(body.toLowerCase(java.util.Locale.ROOT).contains("title"), body);
  }
}
