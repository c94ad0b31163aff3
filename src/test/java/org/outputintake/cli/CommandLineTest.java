package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import picocli.CommandLine;

/** The commands as an operator runs them. */
class CommandLineTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  @TempDir Path dir;

  public record Run(int exit, String out, String err) {}

  public static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void ticketsListAndShow_printWhatIsInTheDatabase() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));
      bot.cycle();
      config = dir.resolve("intake.yaml");
      bot.cliConfig(config);
    }
    Run list = run("tickets", "list", "--config", config.toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains("STATS10001") && list.out().contains("blocked"), list.out());
    Run show = run("tickets", "show", "STATS10001", "--config", config.toString());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("FORM_MISSING"), show.out());
    assertTrue(show.out().contains("table1.csv"), show.out());
    assertTrue(show.out().contains("ticket-created"), show.out());
    Run missing = run("tickets", "show", "STATS99999", "--config", config.toString());
    assertEquals(1, missing.exit());
  }

  @Test
  void ticketsShow_printsEachEmailsNewText_withQuotedHistoryFolded() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request()
              .body("Please check my outputs.")
              .attachCsv("table1.csv", "region,n\nNorth,30\n")
              .build(bot.session()));
      bot.cycle();
      bot.deliverRaw(
          "From: Ada Lovelace <"
              + TestBot.ADA
              + ">\r\nTo: "
              + TestBot.SUPPORT
              + "\r\n"
              + "Subject: RE: [STATS10001] Output request\r\nMessage-ID: <reply-1@uni.example.ac.uk>\r\n"
              + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
              + "<div>Table 2 is weighted; the counts in table 1 are not.</div><div id=\"appendonsend\"></div>"
              + "<hr><div id=\"divRplyFwdMsg\"><b>From:</b> Statistical Support<br><b>Sent:</b> 16 January 2024<br>"
              + "<b>To:</b> Ada<br><b>Subject:</b> [STATS10001]</div><div>Your request was received.<br>"
              + "Quoted line two.</div>\r\n");
      bot.cycle();
      config = dir.resolve("intake.yaml");
      bot.cliConfig(config);
    }
    Run show = run("tickets", "show", "STATS10001", "--config", config.toString());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("      | Please check my outputs."), show.out());
    assertTrue(
        show.out().contains("      | Table 2 is weighted; the counts in table 1 are not."),
        show.out());
    assertTrue(show.out().contains("      [quoted history: 6 lines]"), show.out());
    assertTrue(!show.out().contains("Your request was received"), show.out());
  }

  @Test
  void ticketsShow_saysSo_whenAStoredEmailIsMissing() throws Exception {
    Path config;
    try (TestBot bot = new TestBot(mail, dir)) {
      bot.deliver(
          Mails.request().attachCsv("table1.csv", "region,n\nNorth,30\n").build(bot.session()));
      bot.cycle();
      config = dir.resolve("intake.yaml");
      bot.cliConfig(config, "storage: { data-dir: \"" + dir.resolve("elsewhere") + "\" }");
    }
    Run show = run("tickets", "show", "STATS10001", "--config", config.toString());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("(the stored email is not at "), show.out());
  }

  @Test
  void badConfiguration_givesAMessageNamingTheKey_andExitCode2() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "poll: { interval: soon }\n");
    Run r = run("tickets", "list", "--config", config.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("poll.interval"), r.err());
    Run absent = run("tickets", "list", "--config", dir.resolve("nope.yaml").toString());
    assertEquals(2, absent.exit());
    assertTrue(absent.err().contains("does not exist"), absent.err());
  }

  @Test
  void everyCommandHasHelp_andAnUnknownOptionIsAUsageError() {
    for (String cmd : new String[] {"run", "demo", "tickets", "check"}) {
      Run r = run(cmd, "--help");
      assertEquals(0, r.exit(), cmd);
      assertTrue(r.out().contains("Usage"), cmd);
    }
    assertEquals(2, run("run", "--bogus").exit());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "unknown policy|1234567,T,live,full,ada@uni.example.ac.uk,,ons-srz,,|line 2: policy: unknown policy 'ons-srz'",
        "unbalanced quote|1234567,\"T,live,full,ada@uni.example.ac.uk,,,,|line 2",
        "short row|1234567,T,live|line 2: the row has 3 fields of the 5 or more expected",
      })
  void runWithABadRegistry_namesTheFileAndLine_andExitsWith2(
      String label, String row, String expected) throws Exception {
    Path registry = dir.resolve("p.csv");
    Files.writeString(
        registry,
        "number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners\n"
            + row
            + "\n");
    Path config = dir.resolve("intake.yaml");
    Files.writeString(
        config,
        "mailbox: { imap: { username: \"\" }, smtp: { username: \"\" } }\n"
            + "database: { url: \"jdbc:sqlite:"
            + dir.resolve("intake.db")
            + "\" }\n"
            + "projects: { registry: \""
            + registry
            + "\" }\n");

    Run r = run("run", "--config", config.toString());

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(registry.toString()) && r.err().contains(expected), r.err());
    assertTrue(r.err().lines().count() <= 2, r.err());
  }

  @Test
  void run_refusesAMailboxOfMailboxesWithoutItsPassword_namingItsVariable() throws Exception {
    Path config = dir.resolve("intake.yaml");
    Files.writeString(
        config,
        """
        mailboxes:
          - address: statistical.support@example.org
            imap: { username: support, password: a }
            smtp: { username: support, password: a }
            accepts: [output]
          - address: srs.ingests@example.org
            imap: { username: ingests }
            smtp: { username: ingests, password: b }
            accepts: [ingest]
        database: { url: "jdbc:sqlite:%s" }
        projects: { registry: "%s" }
        """
            .formatted(dir.resolve("intake.db"), dir.resolve("no-registry.csv")));

    Run r = run("run", "--config", config.toString());

    assertEquals(2, r.exit(), r.err());
    assertTrue(
        r.err()
            .contains(
                "mailboxes.1.imap.password is not set (the mailbox srs.ingests@example.org):"
                    + " export INTAKE_MAILBOXES_1_IMAP_PASSWORD"),
        r.err());
  }

  @Test
  void ticketsWithoutADatabase_saysWhereItLooked_andCreatesNone() throws Exception {
    Path db = dir.resolve("data").resolve("intake.db");
    Path config = dir.resolve("intake.yaml");
    Files.writeString(config, "database: { url: \"jdbc:sqlite:" + db + "\" }\n");

    Run list = run("tickets", "list", "--config", config.toString());
    Run show = run("tickets", "show", "STATS10001", "--config", config.toString());

    assertEquals(2, list.exit(), list.out());
    assertTrue(list.err().contains("there is no database at " + db), list.err());
    assertEquals(2, show.exit(), show.out());
    assertTrue(!Files.exists(db) && !Files.exists(db.getParent()), "tickets created a database");
  }

  @Test
  void demoWithAnUnreadableExitAfter_isRefusedBeforeAnythingStarts() {
    Run r =
        run(
            "demo",
            "--imap-port",
            "0",
            "--smtp-port",
            "0",
            "--data",
            dir.toString(),
            "--exit-after",
            "soon");

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--exit-after is 'soon'"), r.err());
    assertTrue(r.out().isEmpty(), r.out());
  }

  @Test
  void demoOnAPortInUse_saysWhichPortInOneLine_andSuggestsFreePorts() throws Exception {
    try (java.net.ServerSocket busy =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run r =
          run(
              "demo",
              "--imap-port",
              String.valueOf(busy.getLocalPort()),
              "--smtp-port",
              "0",
              "--data",
              dir.toString(),
              "--exit-after",
              "1s");

      assertEquals(2, r.exit(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains("IMAP port " + busy.getLocalPort()), r.err());
      assertTrue(r.err().contains("--imap-port 0 --smtp-port 0"), r.err());
    }
  }

  @Test
  void runWithoutItsPassword_refusesToStartAndSaysWhichVariableToSet() throws Exception {
    Path config = dir.resolve("intake.yaml");
    Files.writeString(config, "projects: { registry: \"" + dir.resolve("p.csv") + "\" }\n");
    Files.writeString(dir.resolve("p.csv"), "number,title,status,type,researchers\n");
    Run r = run("run", "--config", config.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("INTAKE_IMAP_PASSWORD"), r.err());
  }
}
