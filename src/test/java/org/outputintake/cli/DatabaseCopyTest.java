package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outputintake.store.Database;
import org.outputintake.store.Sha256;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestDatabases;
import picocli.CommandLine;

/**
 * {@code database copy}: a SQLite desk with tickets, verdicts and replies moves to PostgreSQL with
 * every row and every stored file, and a target that already holds tickets is refused.
 */
class DatabaseCopyTest extends DeskTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void aSqliteDeskMovesToPostgresqlWithEveryRowAndFileAndIsNotCopiedTwice() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(TestBot.ALICE, id, "#take");
    desk.say(TestBot.BOB, id, "#take");
    desk.say(TestBot.ALICE, id, "#pass Counts above threshold.");
    desk.say(TestBot.BOB, id, "#pass fine");
    String second = desk.request("1234567", TABLE);
    bot.app().outbox().sendDue();
    bot.stop();
    Path from = bot.cliConfig(dir.resolve("old.yaml"));
    Path target = dir.resolve("new-data");
    Path to =
        Files.writeString(
            dir.resolve("new.yaml"),
            "database: { url: \""
                + TestDatabases.newPostgres()
                + "\" }\nprojects: { registry: \""
                + bot.config().projects().registry()
                + "\" }\nstorage: { data-dir: \""
                + target
                + "\" }\n");

    assertEquals(
        0,
        run("database", "copy", "--config", from.toString(), "--to", to.toString()),
        out + "\n" + err);

    List<String> tables =
        List.of(
            "ticket",
            "verdict",
            "checker",
            "outbox",
            "audit_event",
            "mail_message",
            "attachment",
            "finding",
            "command_sender");
    String sourceUrl = bot.config().database().url();
    String targetUrl =
        org.outputintake.config.ConfigLoader.fromSystemEnvironment().load(to).database().url();
    try (Database a = Database.open(sourceUrl);
        Database b = Database.open(targetUrl)) {
      for (String table : tables) {
        List<String> before = a.read(c -> rows(c.createStatement(), table));
        assertTrue(!before.isEmpty() || table.equals("finding"), table + " has rows to copy");
        assertEquals(before, b.read(c -> rows(c.createStatement(), table)), table);
      }
      // the copy goes on where the source left off: new rows do not collide with copied ids
      b.inTransaction(
          c -> {
            org.outputintake.ticket.AuditLog.append(
                c,
                id,
                TestBot.NOW,
                "system",
                org.outputintake.ticket.AuditType.Action.ARCHIVED,
                "a new event after the copy");
            return null;
          });
    }
    Path source = bot.config().storage().dataDir().resolve("files");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(!files.isEmpty());
    for (Path f : files)
      assertEquals(
          Sha256.of(f),
          Sha256.of(target.resolve("files").resolve(source.relativize(f).toString())));
    // PostgreSQL is where the target desk keeps its files: every one is there, byte for byte
    try (Database b = Database.open(targetUrl)) {
      org.outputintake.store.DatabaseFiles inDb = new org.outputintake.store.DatabaseFiles(b);
      Path back = dir.resolve("read-back");
      for (Path f : files) {
        String sha = f.getFileName().toString().substring(0, 64);
        assertTrue(inDb.fetch(sha, back), f + " is in the target database");
        assertEquals(Sha256.of(f), Sha256.of(back), f.toString());
      }
    }
    assertTrue(out.toString().contains("copied and verified: 2 tickets"), out.toString());
    assertTrue(second != null);

    out.getBuffer().setLength(0);
    assertEquals(2, run("database", "copy", "--config", from.toString(), "--to", to.toString()));
    assertTrue(err.toString().contains("already holds 2 tickets"), err.toString());
  }

  private static List<String> rows(Statement st, String table) throws java.sql.SQLException {
    List<String> out = new ArrayList<>();
    try (st;
        ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.append(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT))
              .append('=')
              .append(v == null ? "null" : v.toString())
              .append(';');
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
