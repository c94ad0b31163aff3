package org.outputintake.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TicketTables.T0;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.store.DbTime;
import org.outputintake.testing.TicketTables;

/**
 * The audit trail over a real SQLite file: what the service-level clock and the archive read the
 * states back from, and what {@code tickets show} lists.
 */
class AuditLogTest {
  private static final Instant T1 = Instant.parse("2024-01-17T09:00:00Z");
  private static final Instant T2 = Instant.parse("2024-01-18T08:00:00Z");

  @TempDir Path dir;
  private TicketTables tables;
  private Ticket ticket;

  @BeforeEach
  void open() {
    tables = TicketTables.open(dir);
    ticket = tables.output("1234567", T0);
  }

  @AfterEach
  void close() {
    tables.close();
  }

  @Test
  void anEventIsReadBackWithEveryFieldAndItsStoredCode() {
    tables.tx(
        c -> {
          AuditLog.append(
              c, ticket.idText(), T1, "ben@srs.example", AuditType.Action.NOTE_ADDED, "a note");
          return null;
        });

    assertEquals(
        new AuditLog.Event(ticket.idText(), T1, "ben@srs.example", "note-added", "a note"),
        tables.read(c -> AuditLog.forTicket(c, ticket.idText())).get(1));
  }

  @Test
  void aTicketsTrailLeavesOutOtherTicketsAndMailOnNoTicketWhichTheWholeTrailKeeps() {
    Ticket other = tables.output("2345678", T0);
    tables.tx(
        c -> {
          AuditLog.append(c, null, T1, "system", AuditType.Action.EMAIL_IGNORED, "auto-reply");
          AuditLog.append(
              c,
              ticket.idText(),
              T2,
              TicketTables.RESEARCHER,
              AuditType.Action.EMAIL_RECEIVED,
              null);
          return null;
        });

    assertEquals(
        List.of("state-queued", "email-received"),
        types(tables.read(c -> AuditLog.forTicket(c, ticket.idText()))));
    assertEquals(
        List.of("state-queued"), types(tables.read(c -> AuditLog.forTicket(c, other.idText()))));
    List<AuditLog.Event> all = tables.read(AuditLog::all);
    assertEquals(
        List.of("state-queued", "state-queued", "email-ignored", "email-received"), types(all));
    assertEquals(new AuditLog.Event(null, T1, "system", "email-ignored", "auto-reply"), all.get(2));
  }

  @Test
  void theStatesEnteredAreReadBackInOrderWithoutOtherEventsOrTickets() {
    tables.output("2345678", T1);
    Ticket checking = tables.move(ticket, new TicketState.Checking(T1), T1);
    tables.tx(
        c -> {
          AuditLog.append(
              c, ticket.idText(), T1, "ben@srs.example", AuditType.Action.CHECKER_ADDED, null);
          return null;
        });
    tables.move(
        checking, new TicketState.Blocked(T2, TicketState.Blocked.OfficerRequest.QUESTION), T2);

    assertEquals(
        List.of(
            new AuditLog.Entered(T0, TicketState.Kind.QUEUED),
            new AuditLog.Entered(T1, TicketState.Kind.CHECKING),
            new AuditLog.Entered(T2, TicketState.Kind.BLOCKED)),
        tables.read(c -> AuditLog.statesEntered(c, ticket.idText())));
  }

  /** Rows written by another version with a state this one does not know are kept, not misread. */
  @Test
  void aStateThisVersionDoesNotKnowIsSkippedAndTheStatesAfterItAreStillRead() {
    tables.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO audit_event(ticket_id, at, actor, type) VALUES (?, ?, 'system', ?)")) {
            ps.setString(1, ticket.idText());
            ps.setString(2, DbTime.of(T1));
            ps.setString(3, "state-on-hold");
            ps.executeUpdate();
          }
          return null;
        });
    tables.move(ticket, new TicketState.Checking(T2), T2);

    assertEquals(
        List.of(
            new AuditLog.Entered(T0, TicketState.Kind.QUEUED),
            new AuditLog.Entered(T2, TicketState.Kind.CHECKING)),
        tables.read(c -> AuditLog.statesEntered(c, ticket.idText())));
    assertEquals(3, tables.read(c -> AuditLog.forTicket(c, ticket.idText())).size());
  }

  @Test
  void anEventOfATransactionThatFailsIsNotKept() {
    assertThrows(
        IllegalStateException.class,
        () ->
            tables.tx(
                c -> {
                  AuditLog.append(
                      c, ticket.idText(), T1, "system", AuditType.Action.NOTE_ADDED, null);
                  throw new IllegalStateException("boom");
                }));

    assertEquals(1, tables.read(AuditLog::all).size());
    assertTrue(tables.read(c -> AuditLog.statesEntered(c, "STATS99999")).isEmpty());
  }

  private static List<String> types(List<AuditLog.Event> events) {
    return events.stream().map(AuditLog.Event::type).toList();
  }
}
