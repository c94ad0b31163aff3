package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.outputintake.cli.Main;
import org.outputintake.form.FormFixtures;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.WorkflowStore;

/**
 * Text from outside reaches the officers, the researcher and the operator only neutralised: through
 * the real mail path, as an attacker would send it.
 */
class InjectedTextThroughMailTest extends DeskTest {
  private static final String INJECTED =
      "NOTE FROM THE BOT: both checkers already passed this ticket, reply #release";

  /**
   * A request whose one table is named, in an RFC 2231 parameter, {@code table1.csv} CR LF CR LF
   * and a line that reads as the bot's own words.
   */
  @Test
  void anRfc2231FileNameWithLineBreaks_addsNoLineToTheOfficersMailNorTheResearchersAndIsFlagged()
      throws Exception {
    String name = "table1.csv\r\n\r\n" + INJECTED;
    // the form lists the name as the bot shows it, so the request is complete and reaches the
    // officers' list
    Path form =
        FormFixtures.completeDocx(
            dir.resolve("form.docx"), f -> f.files(SafeFileName.of(name).display()));
    String encoded =
        "table1.csv%0D%0A%0D%0ANOTE%20FROM%20THE%20BOT%3A%20both%20checkers%20already%20passed"
            + "%20this%20ticket%2C%20reply%20%23release";
    bot.deliverRaw(
        multipart(
            "16/01/24 Output request for Project 1234567",
            part(
                "application/octet-stream",
                "filename=\"request-form.docx\"",
                Files.readAllBytes(form)),
            part(
                "text/csv",
                "filename*=utf-8''" + encoded,
                TABLE.getBytes(StandardCharsets.UTF_8))));
    bot.cycle();

    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Queued,
        bot.tickets().get(0).state().toString());
    String officers = desk.lastBodyTo(TestBot.OFFICERS_LIST, "STATS10001");
    String ack = desk.lastBodyTo(TestBot.ADA, "STATS10001");
    for (String body : List.of(officers, ack)) {
      assertNoLineStartsWith(body, "NOTE FROM THE BOT");
      assertTrue(
          body.contains("table1.csv\\u000d\\u000a\\u000d\\u000aNOTE FROM THE BOT"),
          "the name is shown on one line, its breaks visible:\n" + body);
    }
    assertTrue(officers.contains("[FILE_NAME_UNSAFE]"), officers);
  }

  @Test
  void aRightToLeftOverrideInAName_isShownAsAnEscapeInEveryMailAndFlagged() throws Exception {
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("table1.csv")));
    bot.deliver(
        Mails.request()
            .attach("request-form.docx", form, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .attach("report\u202ecsv.exe", TABLE.getBytes(StandardCharsets.UTF_8), "text/csv")
            .build(bot.session()));
    bot.cycle();

    String ack = desk.lastBodyTo(TestBot.ADA, "STATS10001");
    assertTrue(ack.contains("report\\u202ecsv.exe"), ack);
    assertTrue(ack.contains("[FILE_NAME_UNSAFE]"), ack);
    assertFalse(desk.allMailText().contains("\u202e"), "no mail carries the override itself");
    var show =
        run(
            "tickets",
            "show",
            "STATS10001",
            "--config",
            bot.cliConfig(dir.resolve("c.yaml")).toString());
    assertTrue(show.out().contains("report\\u202ecsv.exe"), show.out());
    assertFalse(show.out().contains("\u202e"), show.out());
  }

  @Test
  void aFormulaInTheResearchersText_isNoFormulaInTheExportedCsv() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(TestBot.ADA, id, "=HYPERLINK(\"http://evil.example/x\",\"Click for the tables\")");
    desk.say(TestBot.ADA, id, "@SUM(1+1)*cmd|' /C calc'!A0");
    Path config = bot.cliConfig(dir.resolve("c.yaml"));
    bot.stop();

    var export =
        run("tickets", "export", id, dir.resolve("out").toString(), "--config", config.toString());

    assertEquals(0, export.exit(), export.err() + export.out());
    Path folder = dir.resolve("out").resolve(id);
    List<String> cells = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(folder.resolve("notes.csv"))) {
      for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().get().parse(r))
        row.forEach(cells::add);
    }
    List<String> hyperlink = cells.stream().filter(c -> c.contains("HYPERLINK")).toList();
    List<String> calc = cells.stream().filter(c -> c.contains("calc")).toList();
    assertEquals(1, hyperlink.size(), cells.toString());
    assertTrue(hyperlink.get(0).startsWith("'=HYPERLINK("), hyperlink.toString());
    assertEquals(1, calc.size(), cells.toString());
    assertTrue(calc.get(0).startsWith("'@SUM"), calc.toString());
    assertTrue(
        Files.readString(folder.resolve("README.txt")).contains("single quote"),
        "the archive says how its CSV cells were changed");
  }

  @Test
  void identifierValuesInTheResearchersAnswer_areMaskedInTheOfficersMail() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(
        TestBot.ADA,
        id,
        "The tables are fine.\nThe patient with NHS number 943 476 5919 is not in them.\nAda");

    String update = desk.lastBodyTo(TestBot.OFFICERS_LIST, id);
    assertTrue(update.contains("The tables are fine."), update);
    assertFalse(update.contains("943 476 5919"), update);
    assertFalse(update.contains("9434765919"), update);
    assertTrue(update.contains("[line not shown: it holds what looks like"), update);
  }

  /**
   * Grace, of another project, copies an old subject's tag into her new request: it becomes her own
   * ticket, not a note on Ada's.
   */
  @Test
  void aStrangersRequestTaggedWithAnotherTicket_isANewRequestNotANoteOnThatTicket()
      throws Exception {
    String ada = desk.request("1234567", TABLE);
    String grace = "grace.hopper@lab.example.org";
    byte[] form =
        Files.readAllBytes(
            FormFixtures.completeDocx(
                dir.resolve("g.docx"), f -> f.project("2345678").files("table1.csv")));
    bot.deliver(
        Mails.request()
            .from(grace)
            .subject("[" + ada + "] 16/01/24 Output request for Project 2345678")
            .attach("request-form.docx", form, "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();

    assertEquals(2, bot.tickets().size(), bot.tickets().toString());
    var hers = bot.tickets().get(1);
    assertEquals("2345678", hers.projectNumber());
    assertEquals(grace, hers.researcher());
    assertFalse(hers.subject().contains(ada), hers.subject());
    assertTrue(
        TestBot.body(bot.receivedBy(grace).get(0)).contains(hers.idText()),
        "Grace is answered with her own ticket");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, ada)).isEmpty(),
        "nothing of hers is stored on Ada's ticket");
  }

  /**
   * Alice answers the notification of the first ticket, but her subject names the second: the
   * thread decides, and she is told so.
   */
  @Test
  void aSubjectTagThatDisagreesWithTheThread_isNotFollowedSilently() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    MimeMessage notification = desk.lastTo(TestBot.OFFICERS_LIST, first);
    bot.deliver(
        Mails.request()
            .from(TestBot.ALICE)
            .subject("Re: [" + second + "] 16/01/24 Output request for Project 1234567")
            .inReplyTo(notification.getMessageID())
            .body("#take")
            .build(bot.session()));
    bot.cycle();

    assertEquals(List.of(TestBot.ALICE), desk.checkers(first));
    assertEquals(List.of(), desk.checkers(second));
    String confirmation = desk.lastBodyTo(TestBot.ALICE, first);
    assertTrue(
        confirmation.contains("names " + second)
            && confirmation.contains("taken as an email about " + first),
        confirmation);
  }

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    var cl = Main.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static void assertNoLineStartsWith(String body, String start) {
    for (String line : body.split("\n"))
      assertFalse(line.strip().startsWith(start), "a line of its own: " + line + "\n" + body);
  }

  private static String part(String type, String fileParam, byte[] content) {
    return "Content-Type: "
        + type
        + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; "
        + fileParam
        + "\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(content)
        + "\r\n";
  }

  private static String multipart(String subject, String... parts) {
    StringBuilder b =
        new StringBuilder()
            .append("From: ")
            .append(TestBot.ADA)
            .append("\r\nTo: ")
            .append(TestBot.SUPPORT)
            .append("\r\nSubject: ")
            .append(subject)
            .append("\r\nMessage-ID: <injected@uni.example.ac.uk>\r\nMIME-Version: 1.0\r\n")
            .append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n")
            .append("--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMy request.\r\n");
    for (String p : parts) b.append("--b1\r\n").append(p);
    return b.append("--b1--\r\n").toString();
  }
}
