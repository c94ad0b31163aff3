package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.form.Answer;
import org.outputintake.form.DataDeclaration;
import org.outputintake.form.DataFileEntry;
import org.outputintake.form.DataFormKind;
import org.outputintake.form.DataFormWriter;
import org.outputintake.form.DataRequestForm;
import org.outputintake.store.RawStore;
import org.outputintake.store.Vendor;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.testing.TestDatabases;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;

/**
 * An ingest refused for direct identifiers keeps no copy of them: once the refusal has gone out,
 * the file's bytes and the raw email leave the store, while its name, size, SHA-256, findings and
 * an audit event stay. A clean ingest keeps everything.
 */
class RefusedFilesPurgedByEmailTest extends DeskTest {
  private static final String SURVEY = "Annual Population Survey";
  private static final String NHS = "9434765919";
  private static final String REGISTRY =
      """
      number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners,approved_data,indirect_identifiers
      1234567,Energy use modelling,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,none,,Annual Population Survey,not-permitted
      """;
  private static final Map<DataDeclaration, Boolean> TICKED =
      Map.of(
          DataDeclaration.NO_DIRECT_IDENTIFIERS, true,
          DataDeclaration.INDIRECT_ONLY_WITH_PERMISSION, true,
          DataDeclaration.ONLY_WHAT_IS_NEEDED, true);

  /** A file row as the database keeps it, purged or not. */
  private record Row(String name, long size, String sha256, String purgedAt, String reason) {}

  @BeforeEach
  void desksShare() throws Exception {
    Path share = Files.createDirectories(dir.resolve("share"));
    Files.createDirectories(share.resolve("1234567"));
    bot.writeRegistry(REGISTRY);
    bot.restartWithShareRoot(share);
  }

  private byte[] form() throws Exception {
    Path p = dir.resolve("form-" + System.nanoTime()).resolve(DataFormKind.INGEST.docxName());
    Files.createDirectories(p.getParent());
    DataFormWriter.writeDocx(
        new DataRequestForm(
            DataFormKind.INGEST,
            "1234567",
            "",
            "Ada",
            "16/01/2024",
            "",
            List.of(
                new DataFileEntry(
                    "rates.csv",
                    "rates by region",
                    Answer.YES,
                    SURVEY,
                    List.of("region", "rate"),
                    "the analysis",
                    "",
                    "")),
            TICKED),
        p);
    return Files.readAllBytes(p);
  }

  private Ticket ingest(String content) throws Exception {
    bot.deliver(
        Mails.request()
            .subject("16/01/24 Ingest request for project 1234567")
            .attach("ingest-request-form.docx", form(), "application/octet-stream")
            .attachCsv("rates.csv", content)
            .build(bot.session()));
    bot.cycle();
    Ticket t = bot.tickets().get(0);
    assertEquals(RequestKind.INGEST, t.kind());
    return t;
  }

  private List<Row> rows(String ticketId) {
    return bot.app()
        .db()
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT original_name, size, sha256, purged_at, purged_reason FROM attachment"
                          + " WHERE ticket_id = ? ORDER BY id")) {
                ps.setString(1, ticketId);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next())
                    out.add(
                        new Row(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)));
                }
                return out;
              }
            });
  }

  private Row row(String ticketId, String name) {
    return rows(ticketId).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private String rawSha(String ticketId) {
    return bot.app()
        .db()
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT raw_sha256 FROM mail_message WHERE ticket_id = ? AND direction = 'in'")) {
                ps.setString(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                  assertTrue(rs.next(), "the email stays recorded");
                  return rs.getString(1);
                }
              }
            });
  }

  private Path stored(String sha256) {
    return new RawStore(bot.config().storage().dataDir().resolve("files")).pathFor(sha256, "");
  }

  private Path storedEmail(String sha256) {
    return new RawStore(bot.config().storage().dataDir().resolve("messages"))
        .pathFor(sha256, ".eml");
  }

  /**
   * Whether the bytes of that hash are still stored anywhere the desk keeps them: on PostgreSQL in
   * stored_file too, which every instance reads.
   */
  private boolean inDatabase(String sha256) {
    if (TestDatabases.current() != Vendor.POSTGRESQL) return false;
    return bot.app()
        .db()
        .read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM stored_file WHERE sha256 = ?)"
                          + " + (SELECT COUNT(*) FROM stored_file_piece WHERE sha256 = ?)")) {
                ps.setString(1, sha256);
                ps.setString(2, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getLong(1) > 0;
                }
              }
            });
  }

  private List<AuditLog.Event> purges(String ticketId) {
    return bot.app().db().read(c -> AuditLog.forTicket(c, ticketId)).stream()
        .filter(e -> e.type().equals(AuditType.Action.FILE_PURGED.code()))
        .toList();
  }

  @Test
  void anIngestWithNhsNumbers_losesTheFileAndItsEmailOnceRefused_keepingWhatAccountsForIt()
      throws Exception {
    String content = "nhs_number,region,rate\n" + NHS + ",North,0.5\n";
    Ticket t = ingest(content);
    String id = t.idText();
    assertTrue(t.state() instanceof TicketState.Blocked, t.state().name());
    assertTrue(TestBot.body(bot.receivedBy(TestBot.ADA).get(0)).contains("NHS_NUMBER"));

    Row rates = row(id, "rates.csv");
    assertEquals(content.getBytes(StandardCharsets.UTF_8).length, rates.size());
    assertEquals(64, rates.sha256().length());
    assertNotNull(rates.purgedAt(), "the refused file is marked removed");
    assertTrue(rates.reason().contains("NHS_NUMBER"), rates.reason());
    assertFalse(Files.exists(stored(rates.sha256())), "its bytes are gone from the store");
    assertFalse(inDatabase(rates.sha256()), "and from the shared copy in the database");

    String raw = rawSha(id);
    assertNotNull(raw, "the email keeps its hash");
    assertFalse(Files.exists(storedEmail(raw)), "the raw email holding the same bytes is gone");
    assertFalse(inDatabase(raw));

    Row form = row(id, "ingest-request-form.docx");
    assertNull(form.purgedAt(), "the form holds no identifiers and stays");
    assertTrue(Files.exists(stored(form.sha256())));
    assertEquals(TestDatabases.current() == Vendor.POSTGRESQL, inDatabase(form.sha256()));

    String key = bot.app().db().read(c -> TicketFiles.submissions(c, id)).get(0);
    assertTrue(
        bot.app().db().read(c -> TicketFiles.findings(c, id, key)).stream()
            .anyMatch(f -> f.finding().code().equals("NHS_NUMBER")),
        "the findings stay");

    List<AuditLog.Event> purged = purges(id);
    assertEquals(1, purged.size());
    assertTrue(purged.get(0).detail().contains("rates.csv"), purged.get(0).detail());
    assertTrue(purged.get(0).detail().contains(rates.sha256()), purged.get(0).detail());
    assertFalse(purged.get(0).detail().contains(NHS));
  }

  @Test
  void aCopyLeftOfARefusedFile_isRemovedWhenAnInstanceStarts_andAHostSweepFindsOneCachedLater()
      throws Exception {
    String content = "nhs_number,region,rate\n" + NHS + ",North,0.5\n";
    String id = ingest(content).idText();
    Row rates = row(id, "rates.csv");
    String raw = rawSha(id);
    assertNotNull(rates.purgedAt());
    assertFalse(Files.exists(stored(rates.sha256())));
    // as a deletion that failed, or another instance's cache from before the purge, leaves them
    Files.writeString(stored(rates.sha256()), content);
    Files.writeString(storedEmail(raw), "Subject: x\r\n\r\n" + content);

    bot.restartWith(c -> c);

    assertFalse(Files.exists(stored(rates.sha256())), "the start-up sweep removed the bytes");
    assertFalse(Files.exists(storedEmail(raw)), "and the raw email");
    Row form = row(id, "ingest-request-form.docx");
    assertTrue(Files.exists(stored(form.sha256())), "what is not refused stays");

    Files.writeString(stored(rates.sha256()), content);
    bot.app().sweepRefusedFiles(); // what the hourly job runs
    assertFalse(Files.exists(stored(rates.sha256())), "the hourly sweep of this host removed it");
    assertTrue(Files.exists(stored(form.sha256())));
  }

  @Test
  void aCleanIngest_keepsItsFilesAndItsEmail() throws Exception {
    Ticket t = ingest("region,rate\nNorth,0.5\nSouth,0.7\n");
    String id = t.idText();
    assertTrue(t.state() instanceof TicketState.Queued, t.state().name());
    assertFalse(bot.receivedBy(TestBot.ADA).isEmpty(), "the acknowledgement was sent");

    for (Row r : rows(id)) {
      assertNull(r.purgedAt(), r.name());
      assertTrue(Files.exists(stored(r.sha256())), r.name());
      assertEquals(TestDatabases.current() == Vendor.POSTGRESQL, inDatabase(r.sha256()), r.name());
    }
    assertTrue(Files.exists(storedEmail(rawSha(id))));
    assertEquals(List.of(), purges(id));
  }
}
