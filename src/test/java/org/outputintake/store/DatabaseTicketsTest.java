package org.outputintake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/** Database, TicketRepository and AuditLog together on a real SQLite file. */
class DatabaseTicketsTest {
  private static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-01-17T10:00:00Z");

  @TempDir Path dir;

  private String url;
  private Database db;
  private final TicketRepository repo = new TicketRepository("STATS", 10001);

  @BeforeEach
  void open() {
    url = "jdbc:sqlite:" + dir.resolve("sub/dir/intake.db");
    db = Database.open(url);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void migrationsCreateTheSchemaInAFreshFileAndItsDirectory() throws SQLException {
    assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("sub/dir/intake.db")));
    Set<String> tables =
        new HashSet<>(
            db.read(c -> strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'")));

    assertTrue(
        tables.containsAll(
            List.of(
                "ticket_sequence",
                "ticket",
                "mail_message",
                "attachment",
                "finding",
                "audit_event",
                "outbox",
                "mailbox_state",
                "registry_state")),
        tables.toString());
    assertEquals(List.of("wal"), db.read(c -> strings(c, "PRAGMA journal_mode")));
  }

  @Test
  void reopeningAMigratedDatabaseKeepsItsData() {
    db.inTransaction(c -> insertNew(c, "1234567"));
    db.close();

    db = Database.open(url);

    assertEquals(1, db.read(repo::list).size());
  }

  @Test
  void allocationStartsAtFirstNumberAndIsStrictlyIncreasing() {
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < 5; i++) numbers.add(db.inTransaction(repo::allocate).number());

    assertEquals(List.of(10001L, 10002L, 10003L, 10004L, 10005L), numbers);
  }

  @Test
  void rolledBackTransactionGivesItsNumberBackButCommittedNumbersAreNeverReused() {
    TicketId first = db.inTransaction(c -> insertNew(c, "1234567"));
    assertThrows(
        IllegalStateException.class,
        () ->
            db.inTransaction(
                c -> {
                  insertNew(c, "1234567");
                  throw new IllegalStateException("scan failed");
                }));
    TicketId second = db.inTransaction(c -> insertNew(c, "1234567"));
    TicketId third = db.inTransaction(c -> insertNew(c, "2345678"));

    assertEquals(10001, first.number());
    assertEquals(
        10002, second.number(), "the rolled-back number was never used, so it is given back");
    assertEquals(10003, third.number());
    assertEquals(
        List.of("STATS10001", "STATS10002", "STATS10003"),
        db.read(repo::list).stream().map(t -> t.id().toString()).toList());
  }

  @Test
  void loweringFirstNumberLaterDoesNotReuseNumbers() {
    db.inTransaction(c -> insertNew(c, "1234567"));
    TicketRepository lowered = new TicketRepository("STATS", 1);

    assertEquals(10002, db.inTransaction(lowered::allocate).number());
  }

  @Test
  void givenThePrefixIsRenamed_thenTheNewPrefixContinuesAfterEveryNumberUsed() {
    db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(c -> insertNew(c, "1234567"));

    TicketId renamed = db.inTransaction(new TicketRepository("ST", 10001)::allocate);

    assertEquals("ST10003", renamed.toString());
  }

  @Test
  void lostSequenceRowContinuesAfterTheHighestTicket() {
    db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(c -> execute(c, "DELETE FROM ticket_sequence"));

    assertEquals(10003, db.inTransaction(new TicketRepository("STATS", 1)::allocate).number());
  }

  @Test
  void ticketRoundTripsAndStateChangesAreSaved() {
    TicketId id = db.inTransaction(c -> insertNew(c, "1234567"));
    Ticket stored = db.read(c -> repo.find(c, id.toString())).orElseThrow();
    assertEquals("1234567", stored.projectNumber());
    assertEquals("ada@uni.example.ac.uk", stored.researcher());
    assertEquals(LocalDate.of(2024, 1, 16), stored.requestDate());
    assertEquals(new TicketState.Queued(T0), stored.state());
    assertEquals("<req@uni.example.ac.uk>", stored.rootMessageId());

    Ticket blocked =
        stored
            .withState(
                ((TicketState.Queued) stored.state())
                    .block(new TicketState.Blocked.IntakeProblems("form missing"), T1))
            .withFolder("outputs", 2);
    db.inTransaction(
        c -> {
          repo.update(c, new StateChange(blocked, "officer@ons.example", "form missing", T1));
          return null;
        });

    Ticket reread = db.read(c -> repo.find(c, id.toString())).orElseThrow();
    assertEquals(
        new TicketState.Blocked(T1, new TicketState.Blocked.IntakeProblems("form missing")),
        reread.state());
    assertEquals("outputs", reread.folderName());
    assertEquals(2, reread.folderVersion());
    assertEquals(
        List.of(DbTime.of(T0)),
        db.read(c -> strings(c, "SELECT queued_at FROM ticket")),
        "blocking does not move the queue position");
    assertEquals(
        List.of(
            new AuditLog.Entered(T0, TicketState.Kind.QUEUED),
            new AuditLog.Entered(T1, TicketState.Kind.BLOCKED)),
        db.read(c -> AuditLog.statesEntered(c, id.toString())),
        "each state is saved with the audit event that records entering it");
    List<AuditLog.Event> events = db.read(c -> AuditLog.forTicket(c, id.toString()));
    assertEquals(
        List.of("state-queued", "state-blocked"),
        events.stream().map(AuditLog.Event::type).toList(),
        "the stored codes stay those of older databases");
    assertEquals("officer@ons.example", events.get(1).actor());
    assertEquals("form missing", events.get(1).detail());
  }

  /** Rows written by another version with a state this one does not know are kept, not misread. */
  @Test
  void aStateNameThisVersionDoesNotKnowIsLeftOutOfTheStatesEntered() {
    TicketId id = db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(
        c ->
            execute(
                c,
                "INSERT INTO audit_event(ticket_id, at, actor, type, detail) VALUES ('"
                    + id
                    + "', '"
                    + DbTime.of(T1)
                    + "', 'system', 'state-on-hold', NULL)"));

    assertEquals(
        List.of(new AuditLog.Entered(T0, TicketState.Kind.QUEUED)),
        db.read(c -> AuditLog.statesEntered(c, id.toString())));
  }

  @Test
  void openForProjectLeavesOutClosedTicketsAndOtherProjects() {
    TicketId open = db.inTransaction(c -> insertNew(c, "1234567"));
    TicketId closed = db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(c -> insertNew(c, "2345678"));
    db.inTransaction(
        c -> {
          Ticket t = repo.find(c, closed.toString()).orElseThrow();
          repo.update(
              c,
              new StateChange(
                  t.withState(((TicketState.Queued) t.state()).close("withdrawn", T1)),
                  "system",
                  "withdrawn",
                  T1));
          return null;
        });

    assertEquals(
        List.of(open),
        db.read(c -> repo.openForProject(c, "1234567")).stream().map(Ticket::id).toList());
    assertTrue(db.read(c -> repo.find(c, "STATS99999")).isEmpty());
  }

  @Test
  void auditEventsAreAppendedAndReadInOrder() {
    TicketId id = db.inTransaction(c -> insertNew(c, "1234567"));
    db.inTransaction(
        c -> {
          AuditLog.append(
              c, id.toString(), T0, "system", AuditType.Action.TICKET_CREATED, "from email");
          AuditLog.append(
              c, id.toString(), T1, "ada@uni.example.ac.uk", AuditType.Action.EMAIL_RECEIVED, null);
          AuditLog.append(c, null, T1, "system", AuditType.Action.EMAIL_IGNORED, "auto-reply");
          return null;
        });

    List<AuditLog.Event> events = db.read(c -> AuditLog.forTicket(c, id.toString()));
    assertEquals(
        List.of("state-queued", "ticket-created", "email-received"),
        events.stream().map(AuditLog.Event::type).toList());
    assertEquals(T1, events.get(2).at());
    assertEquals(4, db.read(AuditLog::all).size());
  }

  @Test
  void auditEventInARolledBackTransactionIsNotKept() {
    assertThrows(
        IllegalStateException.class,
        () ->
            db.inTransaction(
                c -> {
                  AuditLog.append(c, null, T0, "system", AuditType.Action.NOTE_ADDED, null);
                  throw new IllegalStateException("boom");
                }));

    assertTrue(db.read(AuditLog::all).isEmpty());
  }

  @Test
  void auditEventsCannotBeUpdated() {
    db.inTransaction(
        c -> {
          AuditLog.append(c, null, T0, "system", AuditType.Action.NOTE_ADDED, "original");
          return null;
        });

    var e =
        assertThrows(
            Database.DatabaseException.class,
            () -> db.inTransaction(c -> execute(c, "UPDATE audit_event SET detail = 'changed'")));
    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    assertEquals("original", db.read(AuditLog::all).get(0).detail());
  }

  @Test
  void auditEventsCannotBeDeleted() {
    db.inTransaction(
        c -> {
          AuditLog.append(c, null, T0, "system", AuditType.Action.NOTE_ADDED, "original");
          return null;
        });

    var e =
        assertThrows(
            Database.DatabaseException.class,
            () -> db.inTransaction(c -> execute(c, "DELETE FROM audit_event")));
    assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    assertEquals(1, db.read(AuditLog::all).size());
  }

  @Test
  void foreignKeysAreEnforced() {
    assertThrows(
        Database.DatabaseException.class,
        () ->
            db.inTransaction(
                c ->
                    execute(
                        c,
                        "INSERT INTO attachment(ticket_id, message_key, original_name, stored_path, size, sha256, role) "
                            + "VALUES ('STATS404', 'k', 'a.csv', 'p', 1, 'h', 'output')")));
  }

  @Test
  void settingsAreAddedToAPlainSqliteUrlOnly() {
    assertTrue(
        Database.withSettings("jdbc:sqlite:x.db").startsWith("jdbc:sqlite:x.db?journal_mode=WAL"));
    assertTrue(
        Database.withSettings("jdbc:sqlite:x.db?foo=1")
            .startsWith("jdbc:sqlite:x.db?foo=1&journal_mode=WAL"));
    assertEquals(
        "jdbc:sqlite:x.db?journal_mode=DELETE",
        Database.withSettings("jdbc:sqlite:x.db?journal_mode=DELETE"));
  }

  private TicketId insertNew(Connection c, String project) throws SQLException {
    TicketId id = repo.allocate(c);
    repo.insert(
        c,
        new StateChange(
            Ticket.builder()
                .id(id)
                .projectNumber(project)
                .researcher("ada@uni.example.ac.uk")
                .subject("16/01/24 Output request for Project " + project)
                .requestDate(LocalDate.of(2024, 1, 16))
                .state(new TicketState.Queued(T0))
                .policy("ons-srs")
                .createdAt(T0)
                .rootMessageId("<req@uni.example.ac.uk>")
                .build(),
            "system",
            "ready for checking",
            T0));
    return id;
  }

  private static Void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
    return null;
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
