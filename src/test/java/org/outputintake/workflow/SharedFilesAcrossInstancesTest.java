package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.cli.Main;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Storage;
import org.outputintake.store.Sha256;
import org.outputintake.store.TempFiles;
import org.outputintake.testing.Desk;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestDatabases;
import org.outputintake.ticket.TicketState;
import picocli.CommandLine;

/**
 * Two instances of the bot, each with its own data directory, on one PostgreSQL and one mail
 * server: instance A receives a request and its checks, then its host is gone (its data directory
 * with it); instance B handles the officer's #release and sends the very bytes A received, and
 * {@code tickets export} on a third host finds every file. Once with the files in the database,
 * once in a shared folder.
 */
class SharedFilesAcrossInstancesTest {
  private static final String TABLE = "region,n\nNorth,30\nSouth,240\nEast,120\n";

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  private TestBot a;
  private TestBot b;

  @AfterEach
  void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  @Test
  void filesInPostgres_aReleaseOnInstanceB_sendsTheBytesInstanceAReceived() throws Exception {
    releasedByTheOtherInstance(null);
  }

  @Test
  void filesInASharedFolder_aReleaseOnInstanceB_sendsTheBytesInstanceAReceived() throws Exception {
    releasedByTheOtherInstance(dir.resolve("shared"));
  }

  private void releasedByTheOtherInstance(Path sharedDir) throws Exception {
    String url = TestDatabases.newPostgres();
    a = new TestBot(mail, dir.resolve("a"), onDesk(url, dir.resolve("a"), sharedDir));
    Desk deskA = new Desk(a, dir.resolve("a"));
    String id = deskA.request("1234567", TABLE);
    deskA.twoPasses(id);
    assertTrue(deskA.ticket(id).state() instanceof TicketState.Checked);
    a.close();
    a = null;
    // host A is gone, and its disk with it
    TempFiles.deleteTree(dir.resolve("a").resolve("data"));

    b = new TestBot(mail, dir.resolve("b"), onDesk(url, dir.resolve("b"), sharedDir));
    Desk deskB = new Desk(b, dir.resolve("b"));
    deskB.say(TestBot.ALICE, id, "#release");

    assertTrue(
        deskB.ticket(id).state() instanceof TicketState.Closed c && c.released(),
        deskB.ticket(id).state().toString());
    MimeMessage release = deskB.lastTo(TestBot.ADA, id);
    assertTrue(TestBot.body(release).contains("cleared for release"), TestBot.body(release));
    byte[] sent = OfficersWorkflowTest.attachment(release, "table1.csv");
    assertEquals(TABLE, new String(sent, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    String checked =
        b.app().db().read(c -> org.outputintake.ticket.TicketFiles.latestSubmission(c, id)).stream()
            .filter(f -> f.role().equals("output"))
            .findFirst()
            .orElseThrow()
            .sha256();
    assertEquals(checked, Sha256.of(sent), "the bytes checked on A are the bytes B released");

    // a third host, with an empty data directory of its own, exports the whole record
    Path hostC = Files.createDirectories(dir.resolve("c"));
    Path config =
        b.cliConfig(
            hostC.resolve("intake.yaml"),
            "storage: { data-dir: \""
                + hostC.resolve("data")
                + "\""
                + (sharedDir == null ? "" : ", shared-dir: \"" + sharedDir + "\"")
                + " }");
    Path out = hostC.resolve("export");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("tickets", "export", id, out.toString(), "--config", config.toString());
    assertEquals(0, exit, err.toString());
    String manifest = Files.readString(out.resolve(id).resolve("manifest.json"));
    assertTrue(manifest.contains("\"complete\" : true"), manifest);
    try (var files = Files.walk(out.resolve(id).resolve("emails"))) {
      assertTrue(files.anyMatch(p -> p.toString().endsWith(".eml")), "the raw emails exported");
    }
  }

  private static UnaryOperator<IntakeConfig> onDesk(String url, Path host, Path sharedDir) {
    return c -> {
      IntakeConfig s = TestBot.withStaff(c);
      return s.toBuilder()
          .database(DatabaseSettings.withoutLogin(url))
          .storage(new Storage(host.resolve("data"), null, sharedDir))
          .build();
    };
  }
}
