package org.outputintake.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.outputintake.app.IntakeApp;
import org.outputintake.cli.Main;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Storage;
import org.outputintake.form.FormFixtures;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.store.RawStore;
import org.outputintake.testing.BotTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;
import picocli.CommandLine;

/**
 * The permanent record of a ticket, exported as an operator does it and as the bot does it when a
 * ticket closes.
 */
class TicketArchiveTest extends BotTest {
  static final String TABLE_V1 = "region,n\nNorth,120\nSouth,240\n";
  static final String TABLE_V2 = "region,n\nNorth,120\nSouth,240\nEast,310\n";
  private static final ObjectMapper JSON = new ObjectMapper();
  private byte[] form;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * A request without its form (blocked, answered with the blank forms), then a revision with form
   * and new table.
   */
  private void requestWithRevision() throws Exception {
    bot.deliver(Mails.request().attachCsv("table1.csv", TABLE_V1).build(bot.session()));
    bot.cycle();
    String ackId = bot.receivedBy(TestBot.ADA).get(0).getMessageID();
    bot.clock().advance(Duration.ofDays(2));
    form =
        Files.readAllBytes(
            FormFixtures.completeDocx(dir.resolve("form.docx"), f -> f.files("table1.csv")));
    bot.deliver(
        Mails.request()
            .subject("Re: [STATS10001] 16/01/24 Output request for Project 1234567")
            .inReplyTo(ackId)
            .attach("output-request-form.docx", form, "application/octet-stream")
            .attachCsv("table1.csv", TABLE_V2)
            .build(bot.session()));
    bot.cycle();
    assertTrue(
        bot.tickets().get(0).state() instanceof TicketState.Queued,
        bot.tickets().get(0).state().toString());
  }

  private Path configFile() throws Exception {
    Path config = dir.resolve("intake.yaml");
    bot.cliConfig(config);
    return config;
  }

  private Run export(Path target) throws Exception {
    return run(
        "tickets", "export", "STATS10001", target.toString(), "--config", configFile().toString());
  }

  @Test
  void export_writesEveryEmailEveryFileVersionFindingsAndAuditTrail_withMatchingHashes()
      throws Exception {
    requestWithRevision();
    List<AuditLog.Event> events = bot.app().db().read(c -> AuditLog.forTicket(c, "STATS10001"));
    bot.stop();
    Path out = dir.resolve("export");

    Run r = export(out);

    assertEquals(0, r.exit(), r.err() + r.out());
    Path folder = out.resolve("STATS10001");
    // every email: two in (the raw copies as received), two replies rebuilt with the Message-IDs
    // that were sent
    List<Path> emails = list(folder.resolve("emails"));
    assertEquals(4, emails.size(), emails.toString());
    assertTrue(
        emails.get(0).getFileName().toString().startsWith("001-in-2024-01-16T100000Z"),
        emails.toString());
    assertTrue(emails.get(1).getFileName().toString().startsWith("002-out-"), emails.toString());
    List<MimeMessage> parsed = new ArrayList<>();
    for (Path p : emails) parsed.add(parse(p));
    Set<String> sent = new java.util.HashSet<>();
    for (MimeMessage m : bot.receivedBy(TestBot.ADA)) sent.add(m.getMessageID());
    assertEquals(sent, Set.of(parsed.get(1).getMessageID(), parsed.get(3).getMessageID()));
    // the rebuilt reply is the one that was sent, body and attachments byte for byte
    assertEquals(TestBot.body(bot.receivedBy(TestBot.ADA).get(0)), TestBot.body(parsed.get(1)));
    assertEquals(TestBot.body(bot.receivedBy(TestBot.ADA).get(1)), TestBot.body(parsed.get(3)));
    assertTrue(parsed.get(1).getSubject().startsWith("[STATS10001]"), parsed.get(1).getSubject());
    assertTrue(
        ((Multipart) parsed.get(1).getContent()).getCount() == 3,
        "acknowledgement with the two blank forms");
    assertEquals("ada.lovelace@uni.example.ac.uk", parsed.get(0).getFrom()[0].toString());
    // every file version, byte for byte, under its submission
    assertArrayEquals(
        TABLE_V1.getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(folder.resolve("files/1/table1.csv")));
    assertArrayEquals(
        TABLE_V2.getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(folder.resolve("files/2/table1.csv")));
    assertArrayEquals(form, Files.readAllBytes(folder.resolve("files/2/output-request-form.docx")));
    List<CSVRecord> files = csv(folder.resolve("files.csv"));
    assertEquals(3, files.size());
    for (CSVRecord f : files) {
      assertEquals(f.get("sha256"), sha256(folder.resolve(f.get("archived_as"))), f.toString());
      assertEquals("verified", f.get("status"));
    }
    // the manifest names every other file with its size and SHA-256, and they match
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertTrue(manifest.get("complete").asBoolean());
    Set<String> listed = new java.util.TreeSet<>();
    for (JsonNode f : manifest.get("files")) {
      Path p = folder.resolve(f.get("path").asText());
      assertEquals(f.get("sha256").asText(), sha256(p), p.toString());
      assertEquals(f.get("size").asLong(), Files.size(p));
      listed.add(f.get("path").asText());
    }
    Set<String> all = walk(folder);
    all.removeAll(Set.of("manifest.json", "SHA256SUMS"));
    assertEquals(all, listed);
    String sums = Files.readString(folder.resolve("SHA256SUMS"));
    assertTrue(sums.contains(sha256(folder.resolve("manifest.json")) + "  manifest.json"), sums);
    // the audit trail: every event, in order
    List<CSVRecord> audit = csv(folder.resolve("audit.csv"));
    assertEquals(events.size(), audit.size());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(events.get(i).type(), audit.get(i).get("type"));
      assertEquals(
          events.get(i).detail() == null ? "" : events.get(i).detail(), audit.get(i).get("detail"));
    }
    assertTrue(
        csv(folder.resolve("findings.csv")).stream()
            .anyMatch(f -> f.get("code").equals("FORM_MISSING")));
    assertEquals(4, csv(folder.resolve("emails.csv")).size());
    JsonNode ticket = JSON.readTree(folder.resolve("ticket.json").toFile());
    assertEquals("queued", ticket.get("ticket").get("state").asText());
    assertEquals("1234567", ticket.get("ticket").get("project_number").asText());
    assertTrue(Files.readString(folder.resolve("README.txt")).contains("COMPLETE"));
    // the export is on the ticket's audit trail with the manifest's hash
    try (var db = org.outputintake.store.Database.open(bot.config().database().url())) {
      List<AuditLog.Event> after = db.read(c -> AuditLog.forTicket(c, "STATS10001"));
      AuditLog.Event last = after.get(after.size() - 1);
      assertEquals("archived", last.type());
      assertEquals("cli", last.actor());
      assertTrue(last.detail().contains(sha256(folder.resolve("manifest.json"))), last.detail());
    }
    try (var listing = Files.list(out)) {
      assertFalse(
          listing.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temp folder left");
    }
  }

  @Test
  void aStoredFileWhoseBytesChanged_isNotCopied_theManifestNamesIt_andTheExportExitsOne()
      throws Exception {
    requestWithRevision();
    TicketFiles.StoredAttachment first =
        bot.app().db().read(c -> TicketFiles.attachments(c, "STATS10001")).get(0);
    bot.stop();
    Path earlier = dir.resolve("earlier");
    assertEquals(0, export(earlier).exit());
    Path stored = Path.of(first.storedPath());
    Files.writeString(stored, "region,n\nNorth,12\n");
    Path out = dir.resolve("export");

    Run overComplete = export(earlier);
    assertEquals(2, overComplete.exit(), "a complete record is never replaced");
    assertTrue(overComplete.err().contains("mismatch: files/1/table1.csv"), overComplete.err());

    Run r = export(out);

    assertEquals(1, r.exit(), r.err() + r.out());
    assertTrue(r.err().contains("mismatch") && r.err().contains("files/1/table1.csv"), r.err());
    Path folder = out.resolve("STATS10001");
    assertFalse(Files.exists(folder.resolve("files/1/table1.csv")));
    assertTrue(Files.exists(folder.resolve("files/2/table1.csv")));
    JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
    assertFalse(manifest.get("complete").asBoolean());
    JsonNode problem = manifest.get("problems").get(0);
    assertEquals("mismatch", problem.get("kind").asText());
    assertEquals(first.sha256(), problem.get("expected_sha256").asText());
    assertEquals(sha256(stored), problem.get("actual_sha256").asText());
    assertTrue(Files.readString(folder.resolve("README.txt")).contains("INCOMPLETE"));
    try (var db = org.outputintake.store.Database.open(bot.config().database().url())) {
      List<AuditLog.Event> after = db.read(c -> AuditLog.forTicket(c, "STATS10001"));
      assertEquals("archive-failed", after.get(after.size() - 1).type());
    }

    // once the store is repaired, the incomplete export is replaced by a complete one
    Files.writeString(stored, TABLE_V1);
    Run again = export(out);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("replacing an incomplete export"), again.out());
    assertArrayEquals(
        TABLE_V1.getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(folder.resolve("files/1/table1.csv")));
  }

  @Test
  void reExport_isIdempotent_butADifferentExistingExportIsNeverOverwritten() throws Exception {
    requestWithRevision();
    bot.stop();
    Path out = dir.resolve("export");
    assertEquals(0, export(out).exit());
    Path folder = out.resolve("STATS10001");
    String manifest = sha256(folder.resolve("manifest.json"));

    Run again = export(out);

    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("unchanged"), again.out());
    assertEquals(manifest, sha256(folder.resolve("manifest.json")));
    Files.writeString(folder.resolve("README.txt"), "edited by hand");
    Run conflict = export(out);
    assertEquals(2, conflict.exit());
    assertTrue(conflict.err().contains("never overwritten"), conflict.err());
    assertEquals("edited by hand", Files.readString(folder.resolve("README.txt")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(1, s.count(), "no temp folder left");
    }
  }

  @Test
  void unknownTicketOrMissingDatabase_exitsTwo_andCreatesNoDatabase() throws Exception {
    bot.stop();
    Path config = dir.resolve("nodb.yaml");
    Path db = dir.resolve("none").resolve("intake.db");
    Files.writeString(
        config,
        "database: { url: \"jdbc:sqlite:"
            + db
            + "\" }\n"
            + "projects: { registry: \""
            + bot.config().projects().registry()
            + "\" }\n");
    Run noDb =
        run(
            "tickets",
            "export",
            "STATS10001",
            dir.resolve("x").toString(),
            "--config",
            config.toString());
    assertEquals(2, noDb.exit());
    assertTrue(noDb.err().contains("no database"), noDb.err());
    assertFalse(Files.exists(db));
    assertFalse(Files.exists(db.getParent()));

    Run unknown = export(dir.resolve("export"));
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("no ticket STATS10001"), unknown.err());
    Run badArgs = run("tickets", "export", "STATS10001", "--config", configFile().toString());
    assertEquals(2, badArgs.exit());
  }

  @Test
  void whenAProjectCloses_itsTicketIsArchivedIntoTheArchiveDir_andTheArchiveIsAudited()
      throws Exception {
    Path archive = dir.resolve("archive");
    IntakeConfig c = bot.config();
    IntakeConfig withArchive =
        c.toBuilder().storage(Storage.at(c.storage().dataDir()).withArchiveDir(archive)).build();
    bot.stop();
    try (IntakeApp app = IntakeApp.create(withArchive, bot.clock(), IntakeEvents.NONE)) {
      bot.deliver(Mails.request().attachCsv("table1.csv", TABLE_V1).build(bot.session()));
      app.cycle();
      assertFalse(Files.exists(archive.resolve("STATS10001")), "an open ticket is not archived");
      bot.clock().advance(Duration.ofHours(1));
      bot.writeRegistry(
          TestBot.REGISTRY.replace(
              "1234567,Energy use modelling,live", "1234567,Energy use modelling,closed"));
      app.cycle();

      Path folder = archive.resolve("STATS10001");
      JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
      assertTrue(manifest.get("complete").asBoolean());
      JsonNode ticket = JSON.readTree(folder.resolve("ticket.json").toFile());
      assertEquals("closed", ticket.get("ticket").get("state").asText());
      JsonNode states = ticket.get("states");
      assertEquals("blocked", states.get(0).get("state").asText());
      assertEquals("closed", states.get(states.size() - 1).get("state").asText());
      assertTrue(
          csv(folder.resolve("emails.csv")).stream()
              .anyMatch(e -> e.get("kind").equals("project-closed")));
      assertTrue(
          csv(folder.resolve("audit.csv")).stream()
              .anyMatch(e -> e.get("type").equals("state-closed")));
      List<AuditLog.Event> events = app.db().read(x -> AuditLog.forTicket(x, "STATS10001"));
      AuditLog.Event archived =
          events.stream().filter(e -> e.type().equals("archived")).findFirst().orElseThrow();
      assertEquals("system", archived.actor());
      assertTrue(
          archived.detail().contains(sha256(folder.resolve("manifest.json"))), archived.detail());
      assertArrayEquals(
          TABLE_V1.getBytes(StandardCharsets.UTF_8),
          Files.readAllBytes(folder.resolve("files/1/table1.csv")));
    }
  }

  @Test
  void aFailedArchiveOnClose_isLoggedAndAudited_andNeverThrown() throws Exception {
    bot.deliver(Mails.request().build(bot.session()));
    bot.cycle();
    Path notADirectory = Files.writeString(dir.resolve("archive-is-a-file"), "x");
    TicketArchive archive =
        new TicketArchive(
            bot.config().storage().dataDir(), TestBot.SUPPORT, notADirectory, bot.clock());

    assertTrue(archive.exportOnClose(bot.app().db(), "STATS10001").isEmpty());

    List<AuditLog.Event> events = bot.app().db().read(c -> AuditLog.forTicket(c, "STATS10001"));
    assertEquals("archive-failed", events.get(events.size() - 1).type());
    assertTrue(
        new TicketArchive(bot.config().storage().dataDir(), TestBot.SUPPORT, null, bot.clock())
            .exportOnClose(bot.app().db(), "STATS10001")
            .isEmpty(),
        "no archive directory, no export");
  }

  private static MimeMessage parse(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
      assertNotNull(m.getMessageID(), eml.toString());
      assertNotNull(m.getContent(), eml.toString());
      return m;
    }
  }

  private static List<Path> list(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  private static Set<String> walk(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }

  static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(RawStore.sha256().digest(Files.readAllBytes(file)));
  }
}
