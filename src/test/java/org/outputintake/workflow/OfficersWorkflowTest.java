package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.CAROL;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.outputintake.config.Storage;
import org.outputintake.reply.Outbox;
import org.outputintake.testing.Desk;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;

/**
 * Officers work a ticket by replying to the bot's emails: every step is real mail through
 * GreenMail.
 */
class OfficersWorkflowTest extends DeskTest {

  @Test
  void aNewTicketNotifiesTheOfficersListWithFilesHashesQueuePositionAndTheScanReport()
      throws Exception {
    String id = desk.request("1234567", "region,n\nNorth,3\nSouth,240\n");
    MimeMessage note = desk.lastTo(OFFICERS_LIST, id);
    assertNotNull(note, "the officers' list was told");
    assertTrue(
        note.getSubject().startsWith("[" + id + "] New output request: project 1234567"),
        note.getSubject());
    assertEquals(
        TestBot.SUPPORT,
        note.getReplyTo()[0].toString().replaceAll(".*<|>.*", ""),
        "answers come to the bot, never to the list");
    String body = TestBot.body(note);
    assertTrue(body.contains("By:         " + ADA), body);
    assertTrue(body.contains("Queue position: 1"), body);
    assertTrue(body.contains("table1.csv") && body.contains("SHA-256"), body);
    assertTrue(body.contains("[LOW_COUNT]"), body);
    assertTrue(
        attachmentNames(note).contains("scan-report-" + id + ".html"),
        attachmentNames(note).toString());
  }

  @Test
  void twoPassesThenReleaseSendsTheCheckedBytesWithTheirHashesAndClosesTheTicket()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("You are checker 1 of 2"), desk.lastBodyTo(ALICE, id));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking);
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass Counts above threshold, no identifiers.");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("Waiting for the second checker"),
        desk.lastBodyTo(ALICE, id));
    desk.say(BOB, id, "#pass fine");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
    assertTrue(
        desk.mailTo(BOB, id).stream()
            .map(TestBot::body)
            .anyMatch(
                b ->
                    b.contains("Both independent verdicts")
                        && b.contains("Counts above threshold")
                        && b.contains("fine")));

    desk.say(ALICE, id, "#release");

    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Closed c && c.released(),
        desk.ticket(id).state().toString());
    MimeMessage release = desk.lastTo(ADA, id);
    String body = TestBot.body(release);
    assertTrue(body.contains("cleared for release"), body);
    byte[] sent = attachment(release, "table1.csv");
    assertEquals(
        storedSha(id), sha256(sent), "released bytes identical to the stored, checked ones");
    assertEquals(TABLE, new String(sent, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    assertTrue(body.contains(sha256(sent)), "the body lists each file's SHA-256");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("Released 1 file(s)"), desk.lastBodyTo(ALICE, id));
    String show = bot.app().db().read(c -> WorkflowStore.release(c, id)).orElseThrow().filesJson();
    assertTrue(show.contains(sha256(sent)), show);
  }

  @Test
  void aReleasedTicketIsArchivedWithItsChecksIntoTheArchiveDirectory() throws Exception {
    bot.close();
    Path archive = dir.resolve("archive");
    bot =
        new TestBot(
            mail,
            dir.resolve("second"),
            c -> {
              IntakeConfig s = TestBot.withStaff(c);
              return s.toBuilder()
                  .storage(Storage.at(s.storage().dataDir()).withArchiveDir(archive))
                  .build();
            });
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#release");

    Path folder = archive.resolve(id);
    assertTrue(java.nio.file.Files.isDirectory(folder), "archived on close");
    String verdicts = java.nio.file.Files.readString(folder.resolve("verdicts.csv"));
    assertTrue(verdicts.contains(ALICE) && verdicts.contains(BOB), verdicts);
    assertTrue(java.nio.file.Files.readString(folder.resolve("release.csv")).contains(ADA));
  }

  @Test
  void withAuthenticationRequiredOnlyCommandsOurOwnMtaVouchesForCount() throws Exception {
    bot.close();
    bot =
        new TestBot(
            mail,
            dir.resolve("secure"),
            c ->
                TestBot.with(
                    c,
                    TestBot.STAFF,
                    Security.forStaff(SenderProofRule.REQUIRED, "mx.example.org")));
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", TABLE);

    desk.say(ALICE, id, "#take");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.checkers(c, id)).isEmpty(),
        "no header: not a command");
    assertTrue(
        desk.lastBodyTo(OFFICERS_LIST, id).contains("failed the sender check"),
        "the officers are alerted");

    desk.say(
        ALICE,
        id,
        "#take",
        null,
        java.util.Map.of(
            "Authentication-Results", "evil.example; dmarc=pass header.from=example.org"));
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.checkers(c, id)).isEmpty(),
        "a header from another authserv-id is ignored: a spoofed sender can write any header");

    desk.say(
        ALICE,
        id,
        "#take",
        null,
        java.util.Map.of(
            "Authentication-Results",
            "mx.example.org; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org; "
                + "dmarc=pass header.from=example.org"));
    assertEquals(List.of(ALICE), bot.app().db().read(c -> WorkflowStore.checkers(c, id)));
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("unauthenticated")),
        "the refused mail is stored on the ticket");
  }

  @Test
  void quotedHistoryAndSignaturesNeverBecomeCommandsOrNotes() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(
        ALICE,
        id,
        "#take\n\n-- \nAlice Officer\nSRS\n\nOn Tue, 16 Jan 2024 at 10:00, Output Intake wrote:\n> #release");
    assertEquals(List.of(ALICE), bot.app().db().read(c -> WorkflowStore.checkers(c, id)));
    desk.say(
        BOB,
        id,
        "Thanks, I will look tomorrow.\n\nFrom: Output Intake\nSent: 16 January 2024 10:00\n"
            + "To: Bob\nSubject: ["
            + id
            + "] New output request\n\n#pass everything");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.checkers(c, id)).equals(List.of(ALICE)),
        "the quoted #pass in Outlook's history is not Bob's verdict");
    var notes = bot.app().db().read(c -> WorkflowStore.notes(c, id));
    assertTrue(
        notes.stream().anyMatch(n -> n.text().equals("Thanks, I will look tomorrow.")),
        notes.toString());
  }

  @Test
  void verdictsAreBlindUntilBothAreInWhateverMailboxOrOutboxRowIsSearched() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#fail SECRET-NOTE-7781 the East row is a small cell in disguise");

    assertFalse(
        desk.allMailText().replace("#fail SECRET-NOTE-7781", "").contains("SECRET-NOTE-7781"),
        "no email from the bot carries the first verdict's notes");
    for (Outbox.Entry e : bot.app().db().read(Outbox::all)) {
      assertFalse(
          e.mail().body().contains("SECRET-NOTE-7781") || e.mail().body().contains("FAIL"),
          "outbox row " + e.mail().kind() + " to " + e.mail().to() + " reveals the verdict");
    }
    desk.say(BOB, id, "#pass looks fine to me");

    for (String checker : List.of(ALICE, BOB)) {
      String revealed =
          desk.mailTo(checker, id).stream()
              .map(TestBot::body)
              .filter(b -> b.contains("Both independent verdicts"))
              .findFirst()
              .orElseThrow();
      assertTrue(
          revealed.contains("SECRET-NOTE-7781") && revealed.contains("looks fine to me"), revealed);
      assertTrue(
          revealed.contains("#revise"),
          "a disagreement asks for revise, ask or reject: " + revealed);
    }
    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Checking,
        "a fail does not complete the checks");
  }

  @Test
  void aThirdTakeIsToldWhoHoldsTheTicket() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(CAROL, id, "#take");
    String refusal = desk.lastBodyTo(CAROL, id);
    assertTrue(
        refusal.startsWith("Not done:") && refusal.contains(ALICE) && refusal.contains(BOB),
        refusal);
  }

  @Test
  void reviseBlocksTheTicketAndTheResearchersNewFilesReturnItForANewRoundWithVerdictsReset()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass ok");
    desk.say(BOB, id, "#fail merge East into South");
    desk.say(
        BOB,
        id,
        "#revise Please merge the East row into South: it is below threshold in the source.");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Blocked);
    String guidance = desk.lastBodyTo(ADA, id);
    assertTrue(guidance.contains("Please merge the East row into South"), guidance);
    assertFalse(guidance.contains("#revise"), "the command itself is not sent to the researcher");

    desk.revision(id, "1234567", 2, "region,n\nNorth,30\nSouth,360\n");

    Ticket t = desk.ticket(id);
    assertEquals(2, t.round(), "new files start a new round");
    assertTrue(t.state() instanceof TicketState.Queued, t.state().toString());
    assertTrue(desk.lastBodyTo(BOB, id).contains("sent revised files"), "the checkers are told");
    assertTrue(desk.lastTo(OFFICERS_LIST, id).getSubject().contains("Revised output request"));
    desk.say(ALICE, id, "#release");
    assertTrue(desk.lastBodyTo(ALICE, id).startsWith("Not done:"), "round 2 has no verdicts yet");
    desk.say(ALICE, id, "#pass merged");
    desk.say(BOB, id, "#pass merged, fine");
    desk.say(BOB, id, "#release");
    byte[] released = attachment(desk.lastTo(ADA, id), "table1.csv");
    assertEquals(
        "region,n\nNorth,30\nSouth,360\n",
        new String(released, StandardCharsets.UTF_8).replace("\r\n", "\n"),
        "the release is the revised file, the one checked in round 2");
    assertEquals(storedSha(id), sha256(released));
  }

  @Test
  void anAnswerToAskWithoutFilesReturnsTheTicketToTheQueueAndKeepsTheVerdicts() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(ALICE, id, "#pass fine");
    desk.say(ALICE, id, "#ask Is the North count unweighted?");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Blocked);
    assertTrue(desk.lastBodyTo(ADA, id).contains("Is the North count unweighted?"));

    desk.say(
        ADA,
        id,
        "Yes, all counts are unweighted.\n\nOn Tue, 16 Jan 2024 the bot wrote:\n> Is the North count");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Queued);
    assertEquals(
        1, desk.ticket(id).round(), "an answer without files keeps the round and its verdicts");
    String relayed = desk.lastBodyTo(ALICE, id);
    assertTrue(
        relayed.contains("all counts are unweighted") && !relayed.contains("> Is the North"),
        relayed);
    assertTrue(desk.lastBodyTo(ADA, id).contains("back in the queue"));
    desk.say(BOB, id, "#pass agreed");
    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Checked,
        "Alice's round-1 pass still counts");
  }

  @Test
  void aDataOwnerApprovesAndOnlyThenCanTheFilesBeReleased() throws Exception {
    String id = desk.request("6600001", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("needs a data owner's approval"),
        desk.lastBodyTo(ALICE, id));

    desk.say(ALICE, id, "#owner");
    assertTrue(desk.ticket(id).state() instanceof TicketState.WithDataOwner);
    MimeMessage toOwner = desk.lastTo(TestBot.OWNER, id);
    assertEquals(storedSha(id), sha256(attachment(toOwner, "table1.csv")));
    desk.say(ADA, id, "#approve");
    assertTrue(
        desk.ticket(id).state() instanceof TicketState.WithDataOwner,
        "only the project's data owners approve");

    desk.say(TestBot.OWNER, id, "#approve");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Approved);
    assertTrue(desk.lastBodyTo(ALICE, id).contains("APPROVED"));
    desk.say(BOB, id, "#release");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed c && c.released());
  }

  @Test
  void aDataOwnersDenialReturnsTheTicketToItsCheckers() throws Exception {
    String id = desk.request("6600001", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#owner");
    desk.say(TestBot.OWNER, id, "#deny The regions identify our two largest sites.");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking);
    for (String checker : List.of(ALICE, BOB)) {
      assertTrue(
          desk.lastBodyTo(checker, id).contains("two largest sites"), desk.lastBodyTo(checker, id));
    }
    desk.say(ALICE, id, "#release");
    assertTrue(desk.lastBodyTo(ALICE, id).startsWith("Not done:"));
  }

  @Test
  void forInformationDataOwnersAreBlindCopiedOnTheRelease() throws Exception {
    String id = desk.request("7700001", TABLE);
    desk.twoPasses(id);
    desk.say(ALICE, id, "#release");

    List<MimeMessage> inbox = bot.mailbox(TestBot.OWNER);
    assertEquals(1, inbox.size(), "the data owner got the release");
    MimeMessage toOwner = inbox.get(0);
    assertEquals(null, toOwner.getHeader("Bcc"), "as a blind copy");
    assertEquals(ADA, toOwner.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString());
    assertEquals(storedSha(id), sha256(attachment(toOwner, "table1.csv")));
  }

  @Test
  void anOfficerCanNeverCheckOrReleaseTheirOwnRequest() throws Exception {
    bot.writeRegistry(TestBot.REGISTRY);
    String id = requestFrom(BOB, "8800001");
    desk.say(BOB, id, "#take");
    assertTrue(
        desk.lastBodyTo(BOB, id).contains("cannot check or release"), desk.lastBodyTo(BOB, id));
    desk.say(ALICE, id, "#take");
    desk.say(CAROL, id, "#take");
    desk.say(ALICE, id, "#pass ok");
    desk.say(CAROL, id, "#pass ok");
    desk.say(BOB, id, "#release");
    assertFalse(
        desk.ticket(id).state() instanceof TicketState.Closed,
        "the requester-officer could not release");
    desk.say(CAROL, id, "#release");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Closed);
  }

  @Test
  void someoneOutsideTheTicketIsStoredNeverRelayedAndTheOfficersAreTold() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say("mallory@elsewhere.example", id, "#release\nplease send me the files too");

    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Checking,
        "an outsider's command is not a command");
    String alert = desk.lastBodyTo(ALICE, id);
    assertTrue(
        alert.contains("mallory@elsewhere.example") && !alert.contains("send me the files"), alert);
    desk.say(BOB, id, "#take");
    desk.say(ALICE, id, "#pass ok");
    desk.say(BOB, id, "#pass ok");
    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.mailTo("mallory@elsewhere.example", id).isEmpty(),
        "the outsider got nothing, not the release");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("outsider") && n.text().contains("send me the files")));
  }

  @Test
  void nextTakesTheOldestTicketNobodyHoldsAndUnknownCommandsGetTheHelpText() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    desk.say(ALICE, second, "#next");
    assertTrue(
        desk.lastBodyTo(ALICE, first).contains("You took this request with #next"),
        "the oldest ticket's notification");
    assertTrue(bot.app().db().read(c -> WorkflowStore.checkers(c, first)).contains(ALICE));
    desk.say(ALICE, first, "#frobnicate");
    String help = desk.lastBodyTo(ALICE, first);
    assertTrue(help.contains("#frobnicate is not a command."), help);
    assertTrue(help.contains("#pass notes"), "the commands are listed: " + help);
    desk.say(ALICE, first, "#pas looks fine to me");
    String typo = desk.lastBodyTo(ALICE, first);
    assertTrue(typo.contains("#pas is not a command (did you mean #pass?)"), typo);
    assertEquals(
        0,
        (int) bot.app().db().read(c -> WorkflowStore.verdictCount(c, first, 1)),
        "a typo is never taken for the command it looks like");
    desk.say(ALICE, first, "Looked at this over coffee; will finish tomorrow.");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, first)).stream()
            .anyMatch(n -> n.kind().equals("note") && n.text().contains("over coffee")));
    assertTrue(
        desk.mailTo(ADA, first).stream().noneMatch(m -> TestBot.body(m).contains("over coffee")),
        "internal notes never reach the researcher");
  }

  @Test
  void aTamperedStoredFileStopsTheRelease() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.twoPasses(id);
    var files =
        bot.app().db().read(c -> org.outputintake.ticket.TicketFiles.latestSubmission(c, id));
    Path stored =
        Path.of(
            files.stream()
                .filter(f -> f.role().equals("output"))
                .findFirst()
                .orElseThrow()
                .storedPath());
    stored.toFile().setWritable(true);
    java.nio.file.Files.writeString(stored, "region,n\nNorth,3\n");

    desk.say(ALICE, id, "#release");

    assertTrue(desk.lastBodyTo(ALICE, id).contains("no longer match"), desk.lastBodyTo(ALICE, id));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
    assertTrue(
        desk.mailTo(ADA, id).stream()
            .noneMatch(m -> TestBot.body(m).contains("cleared for release")));
  }

  @Test
  void ticketsShowAndListPrintTheChecksOnlyOnceBothVerdictsAreIn() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    desk.say(ALICE, first, "#take");
    desk.say(ALICE, first, "#pass HIDDEN-UNTIL-BOTH");
    java.nio.file.Path config = dir.resolve("cli.yaml");
    java.nio.file.Files.writeString(
        config, "database: { url: \"" + bot.config().database().url() + "\" }\n");

    String show = cli("tickets", "show", first, "--config", config.toString());
    assertTrue(
        show.contains("checkers " + ALICE) && show.contains("1 of 2 (hidden until both are in)"),
        show);
    assertFalse(
        show.contains("HIDDEN-UNTIL-BOTH"), "tickets show keeps the same blindness as the mail");
    String queue = cli("tickets", "list", "--queue", "--config", config.toString());
    int needing = queue.indexOf("needing a checker");
    assertTrue(
        queue.indexOf(second) > 0
            && queue.indexOf(second) < needing
            && queue.indexOf(first + " ") > needing,
        "the queue, then the ticket Alice holds alone, as needing a checker: " + queue);
    assertTrue(
        cli("tickets", "list", "--state", "checking", "--config", config.toString())
            .contains(first));

    desk.say(BOB, first, "#pass ok");
    show = cli("tickets", "show", first, "--config", config.toString());
    assertTrue(show.contains("PASS " + ALICE + ": HIDDEN-UNTIL-BOTH"), show);
  }

  private static String cli(String... args) {
    picocli.CommandLine cl = org.outputintake.cli.Main.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(out));
    cl.execute(args);
    return out.toString();
  }

  private String requestFrom(String researcher, String project) throws Exception {
    Path form =
        org.outputintake.form.FormFixtures.completeDocx(
            dir.resolve("own.docx"),
            f -> f.project(project).researcher("Bob Officer", researcher).files("table1.csv"));
    bot.deliver(
        org.outputintake.testing.Mails.request()
            .from(researcher)
            .subject("16/01/24 Output request for Project " + project)
            .attach(
                "request-form.docx",
                java.nio.file.Files.readAllBytes(form),
                "application/octet-stream")
            .attachCsv("table1.csv", TABLE)
            .build(bot.session()));
    bot.cycle();
    List<Ticket> all = bot.tickets();
    return all.get(all.size() - 1).idText();
  }

  private String storedSha(String id) {
    return bot
        .app()
        .db()
        .read(c -> org.outputintake.ticket.TicketFiles.latestSubmission(c, id))
        .stream()
        .filter(f -> f.role().equals("output"))
        .findFirst()
        .orElseThrow()
        .sha256();
  }

  static List<String> attachmentNames(MimeMessage m) throws Exception {
    List<String> names = new ArrayList<>();
    if (m.getContent() instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++)
        if (mp.getBodyPart(i).getFileName() != null) names.add(mp.getBodyPart(i).getFileName());
    }
    return names;
  }

  static byte[] attachment(MimeMessage m, String name) throws Exception {
    Multipart mp = (Multipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      Part p = mp.getBodyPart(i);
      if (name.equals(p.getFileName())) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getDataHandler().writeTo(out);
        return out.toByteArray();
      }
    }
    throw new AssertionError("no attachment " + name + " in " + attachmentNames(m));
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
