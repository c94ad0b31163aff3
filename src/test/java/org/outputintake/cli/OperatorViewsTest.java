package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.Scanning;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/** The operator's commands on a real database, and the running bot as the operator sees it. */
class OperatorViewsTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;

  private Path configOf(TestBot bot) throws Exception {
    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    return config;
  }

  @Test
  void ticketsShow_withholdsEmailLinesThatHoldIdentifiers_showingThemMasked() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request()
              .body("Please check my outputs.\nPatient 943 476 5919 lives at SW1A 1AA.")
              .attachCsv("table1.csv", "region,n\nNorth,30\n")
              .build(bot.session()));
      bot.cycle();
      config = configOf(bot);
    }
    var show = CommandLineTest.run("tickets", "show", "STATS10001", "--config", config.toString());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("| Please check my outputs."), show.out());
    assertFalse(show.out().contains("943 476 5919"), show.out());
    assertFalse(show.out().contains("SW1A 1AA"), show.out());
    assertTrue(show.out().contains("943 *** **19"), show.out());
    assertTrue(show.out().contains("[line not shown: it holds what looks like"), show.out());
  }

  @Test
  void outboxList_countsInWords_andRefusesALimitBelowOne() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));
      bot.cycle();
      config = configOf(bot);
    }
    var list = CommandLineTest.run("outbox", "list", "--config", config.toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().startsWith("Outbox: 1 sent"), list.out());
    var bad = CommandLineTest.run("outbox", "list", "--limit", "-1", "--config", config.toString());
    assertEquals(2, bad.exit(), bad.out());
    assertTrue(bad.err().contains("--limit is -1: write 1 or more"), bad.err());
    assertFalse(bad.out().contains("ID"), bad.out());
  }

  @Test
  void ticketsExport_intoADirectoryThatCannotBeWritten_saysSo_exit2() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));
      bot.cycle();
      config = configOf(bot);
    }
    Files.writeString(dir.resolve("afile"), "x");
    var r =
        CommandLineTest.run(
            "tickets",
            "export",
            "STATS10001",
            dir.resolve("afile/out").toString(),
            "--config",
            config.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("cannot write the export into"), r.err());
    assertFalse(r.err().contains("java."), r.err());
  }

  @Test
  void scanningDefaultPolicy_isThePolicyOfProjectsThatNameNone() throws Exception {
    try (TestBot bot =
        new TestBot(
            mail,
            dir,
            c ->
                c.toBuilder()
                    .scanning(
                        new Scanning(
                            "opensafely", c.scanning().policies(), c.scanning().shareRoot()))
                    .build())) {
      var registry = bot.app().context().registry().get();
      assertEquals("opensafely", registry.find("3456789").orElseThrow().policy());
      assertEquals("ons-srs", registry.find("1234567").orElseThrow().policy());
    }
  }

  @Test
  void aWrongImapPassword_isReportedAsALoginToFix_withoutThePassword() throws Exception {
    try (TestBot bot =
        new TestBot(
            mail,
            dir,
            c ->
                TestBot.withServers(
                    c,
                    TestBot.withPassword(c.mailbox().imap(), "Wrong-Passw0rd"),
                    c.mailbox().smtp()))) {
      MailboxUnavailable e = assertThrows(MailboxUnavailable.class, bot::cycle);
      assertTrue(e.getMessage().contains("login refused"), e.getMessage());
      assertTrue(e.getMessage().contains("mailbox.imap.username and its password"), e.getMessage());
      assertFalse(e.getMessage().contains("Wrong-Passw0rd"), e.getMessage());
    }
  }

  @Test
  void aWrongSmtpPassword_holdsTheOutbox_withOneLineSayingWhatToCheck() throws Exception {
    try (TestBot bot =
        new TestBot(
            mail,
            dir,
            c ->
                TestBot.withServers(
                    c,
                    c.mailbox().imap(),
                    TestBot.withPassword(c.mailbox().smtp(), "Wrong-Smtp-Passw0rd")))) {
      bot.deliver(
          Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));
      bot.cycle();
      Path config = configOf(bot);
      var list = CommandLineTest.run("outbox", "list", "--config", config.toString());
      assertEquals(0, list.exit(), list.err());
      String row =
          list.out().lines().filter(l -> l.contains("acknowledgement")).findFirst().orElseThrow();
      assertTrue(row.contains("waiting"), list.out());
      assertTrue(row.contains("login refused"), list.out());
      assertTrue(row.contains("check mailbox.smtp.username and its password"), list.out());
      assertFalse(list.out().contains("Wrong-Smtp-Passw0rd"), list.out());
      assertTrue(bot.receivedBy(TestBot.ADA).isEmpty(), "a reply left with a refused login");
    }
  }
}
