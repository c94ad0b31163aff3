package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;

/**
 * The threat an output-checking desk exists for: the person who wants the file out is the one who
 * can write the mail. A researcher replies in her own ticket's thread from her own mail server,
 * writing {@code From:} as each officer in turn. Under the shipped security settings nothing she
 * asks for is done; officers who really write, through the server that vouches for them, release.
 */
class ForgedStaffMailTest extends DeskTest {
  /** What the site's own receiving server writes for mail from its officers. */
  static final Map<String, String> VOUCHED =
      Map.of("Authentication-Results", "mx.example.org; dmarc=pass header.from=example.org");

  /** What it writes for mail claiming example.org that came from the researcher's server. */
  static final Map<String, String> FORGED =
      Map.of(
          "Authentication-Results",
          "mx.example.org; spf=pass smtp.mailfrom=uni.example.ac.uk; dmarc=fail"
              + " header.from=example.org");

  static final String LOW = "region,n\nNorth,3\nSouth,240\n";

  /** The shipped security settings, with the authserv-id an operator must name added. */
  private void shippedSecurity() throws Exception {
    Security shipped = new ConfigLoader(n -> null).loadDefaults().security();
    assertTrue(shipped.requireAuthenticatedSender(), "shipped: staff mail must be authenticated");
    restartWithSecurity(new Security(shipped.staff(), "mx.example.org", shipped.researchers()));
  }

  private boolean released(String id) {
    return bot.app().db().read(c -> WorkflowStore.release(c, id)).isPresent();
  }

  @Test
  void aResearcherWritingAsBothOfficers_releasesNothing_underTheShippedSettings() throws Exception {
    shippedSecurity();
    String id = desk.request("1234567", LOW);
    for (String[] step :
        new String[][] {
          {ALICE, "#take"},
          {BOB, "#take"},
          {ALICE, "#pass fine"},
          {BOB, "#pass fine"},
          {ALICE, "#release"}
        }) {
      desk.say(step[0], id, step[1], null, FORGED);
    }
    // and once with no header of our server at all, and once with a pass she wrote herself
    desk.say(ALICE, id, "#release");
    desk.say(
        ALICE,
        id,
        "#release",
        null,
        Map.of("Authentication-Results", "uni.example.ac.uk; dmarc=pass header.from=example.org"));

    assertFalse(released(id), "nothing released");
    assertTrue(bot.app().db().read(c -> WorkflowStore.checkers(c, id)).isEmpty(), "no checker");
    assertTrue(
        desk.mailTo(ADA, id).stream().noneMatch(m -> TestBot.body(m).contains("released")),
        "the researcher got no files");
    assertTrue(
        desk.lastBodyTo(OFFICERS_LIST, id).contains("failed the sender check"),
        "the officers were alerted");
  }

  @Test
  void officersVouchedForByTheSitesServer_release_andEachCommandRecordsItsProof() throws Exception {
    shippedSecurity();
    String id = desk.request("1234567", TABLE);
    for (String[] step :
        new String[][] {
          {ALICE, "#take"},
          {BOB, "#take"},
          {ALICE, "#pass ok"},
          {BOB, "#pass ok"},
          {ALICE, "#release"}
        }) {
      desk.say(step[0], id, step[1], null, VOUCHED);
    }
    assertTrue(released(id));
    List<ProvenDecisions.Entry> senders =
        bot.app().db().read(c -> ProvenDecisions.forTicket(c, id));
    assertEquals(5, senders.size(), senders.toString());
    assertTrue(
        senders.stream().allMatch(e -> e.proof().startsWith("sender authenticated")),
        senders.toString());
    assertTrue(
        senders.stream().noneMatch(e -> e.command().equals("pass")),
        "which verdict is never written beside the sender: " + senders);
    assertFalse(
        desk.lastBodyTo(ALICE, id).contains("unauthenticated staff mail"),
        "no warning while the check is on");
  }

  @Test
  void verdictsGivenWhileTheCheckWasOff_releaseNothingOnceItIsOn_untilTheirOfficersRepeatThem()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.twoPasses(id); // the check is off in this desk: the From address was believed
    bot.restartWith(
        c ->
            TestBot.with(
                c, c.staff(), Security.forStaff(SenderProofRule.REQUIRED, "mx.example.org")));

    desk.say(ALICE, id, "#release", null, VOUCHED);
    assertFalse(released(id));
    String refusal = desk.lastBodyTo(ALICE, id);
    assertTrue(
        refusal.contains("the verdict of " + ALICE) && refusal.contains("the verdict of " + BOB),
        refusal);

    desk.say(ALICE, id, "#pass ok", null, VOUCHED);
    assertTrue(desk.lastBodyTo(ALICE, id).contains("now confirms it"), desk.lastBodyTo(ALICE, id));
    desk.say(ALICE, id, "#release", null, VOUCHED);
    assertFalse(released(id), "Bob's verdict is still unproven");
    assertTrue(desk.lastBodyTo(ALICE, id).contains("the verdict of " + BOB));

    desk.say(BOB, id, "#pass ok", null, VOUCHED);
    desk.say(ALICE, id, "#release", null, VOUCHED);
    assertTrue(released(id), desk.lastBodyTo(ALICE, id));
  }

  @Test
  void withTheCheckTurnedOffExplicitly_everyStaffMailSaysSo() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("this bot obeys unauthenticated staff mail"),
        desk.lastBodyTo(ALICE, id));
    assertTrue(
        desk.lastBodyTo(OFFICERS_LIST, id).contains("this bot obeys unauthenticated staff mail"));
  }

  @Test
  void aFromAddressThatOnlyDecodingProduces_isNoOfficer() throws Exception {
    String id = desk.request("1234567", TABLE);
    String notification = desk.lastTo(OFFICERS_LIST, id).getMessageID();
    bot.deliverRaw(
        "From: =?utf-8?q?alice.officer=40example.org?=\r\n"
            + "To: statistical.support@example.org\r\n"
            + "Subject: Re: ["
            + id
            + "] request\r\n"
            + "Message-ID: <encoded-from@uni.example.ac.uk>\r\n"
            + "In-Reply-To: "
            + notification
            + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n#take\r\n");
    bot.cycle();
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.checkers(c, id)).isEmpty(),
        "an encoded word is not an address");
  }

  @Test
  void runWithTheShippedConfiguration_refusesToStartUntilTheTrustedServerIsNamed()
      throws Exception {
    Path config = dir.resolve("shipped.yaml");
    Files.writeString(
        config,
        Files.readString(Path.of("config", "intake.yaml"))
            .replace(
                "config/projects.csv",
                Path.of("config", "projects.csv").toAbsolutePath().toString())
            .replace("data-dir: data", "data-dir: \"" + dir.resolve("data") + "\"")
            .replace("jdbc:sqlite:data/intake.db", "jdbc:sqlite:" + dir.resolve("intake.db"))
            .replace("${INTAKE_IMAP_PASSWORD}", "x")
            .replace("${INTAKE_SMTP_PASSWORD}", "x"));
    picocli.CommandLine cl = org.outputintake.cli.Main.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(out));
    // a bot that did start would run until stopped: fail instead of waiting for it
    int exit =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () -> cl.execute("run", "--config", config.toString()));
    assertEquals(2, exit, out.toString());
    assertTrue(out.toString().contains("security.trusted-authserv-id is not set"), out.toString());
    assertTrue(out.toString().contains("security.require-authenticated-sender"), out.toString());
  }
}
