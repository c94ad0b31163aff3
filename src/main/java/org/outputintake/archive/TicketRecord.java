package org.outputintake.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.reply.Outbox;
import org.outputintake.ticket.AuditType;

/**
 * Everything the database holds about one ticket, read in one transaction so the export is a
 * consistent snapshot. Rows are read with {@code SELECT *}: a column added later (officer data)
 * reaches the export without a code change.
 */
record TicketRecord(
    String ticketId,
    Map<String, Object> ticket,
    Table inbound,
    Table attachments,
    List<Outbox.Entry> replies,
    Map<Section, Table> sections) {

  /**
   * One CSV in the export: a table's rows for the ticket. A new table of ticket data is one more
   * entry in {@link #SECTIONS}.
   *
   * @param sql selects the rows, with the ticket id as its only parameter
   */
  record Section(String file, String description, String sql) {}

  /**
   * The archive's own events are left out: an export cannot hold its own manifest's hash, and
   * re-exports match.
   */
  static final Section AUDIT =
      new Section(
          "audit.csv",
          "the audit trail: every state change and every email in or out",
          "SELECT * FROM audit_event WHERE ticket_id = ? AND type NOT IN ('"
              + AuditType.Action.ARCHIVED.code()
              + "', '"
              + AuditType.Action.ARCHIVE_FAILED.code()
              + "') ORDER BY id");

  static final List<Section> SECTIONS =
      List.of(
          new Section(
              "findings.csv",
              "every finding of every submission (evidence is masked)",
              "SELECT * FROM finding WHERE ticket_id = ? ORDER BY id"),
          AUDIT,
          new Section(
              "checkers.csv",
              "the officers who checked the request",
              "SELECT * FROM checker WHERE ticket_id = ? ORDER BY taken_at"),
          new Section(
              "verdicts.csv",
              "each checker's independent verdict, per check round",
              "SELECT * FROM verdict WHERE ticket_id = ? ORDER BY id"),
          new Section(
              "owner-decisions.csv",
              "the data owners' approvals and denials",
              "SELECT * FROM owner_decision WHERE ticket_id = ? ORDER BY id"),
          new Section(
              "staff-commands.csv",
              "for each applied staff command, whether its sender was authenticated (a verdict is"
                  + " named 'verdict'; verdicts.csv has it by message_key)",
              "SELECT * FROM command_sender WHERE ticket_id = ? ORDER BY at, message_key"),
          new Section(
              "notes.csv",
              "internal notes, guidance and questions to the researcher, and their answers",
              "SELECT * FROM ticket_note WHERE ticket_id = ? ORDER BY id"),
          new Section(
              "release.csv",
              "what was released, to whom, with each file's SHA-256",
              "SELECT * FROM release_record WHERE ticket_id = ?"));

  /** Rows of one query, keeping the column order of the table. */
  record Table(List<String> columns, List<Map<String, Object>> rows) {
    static Table query(Connection c, String sql, String ticketId) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, ticketId);
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++)
            columns.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
          List<Map<String, Object>> rows = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.size(); i++) row.put(columns.get(i - 1), rs.getObject(i));
            rows.add(row);
          }
          return new Table(List.copyOf(columns), rows);
        }
      }
    }
  }

  static Optional<TicketRecord> read(Connection c, String ticketId) throws SQLException {
    Table ticket = Table.query(c, "SELECT * FROM ticket WHERE id = ?", ticketId);
    if (ticket.rows().isEmpty()) return Optional.empty();
    Table inbound =
        Table.query(c, "SELECT * FROM mail_message WHERE ticket_id = ? ORDER BY id", ticketId);
    Table attachments =
        Table.query(c, "SELECT * FROM attachment WHERE ticket_id = ? ORDER BY id", ticketId);
    List<Outbox.Entry> replies = Outbox.forTicket(c, ticketId);
    Map<Section, Table> sections = new LinkedHashMap<>();
    for (Section s : SECTIONS) sections.put(s, Table.query(c, s.sql(), ticketId));
    return Optional.of(
        new TicketRecord(ticketId, ticket.rows().get(0), inbound, attachments, replies, sections));
  }

  static String text(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v == null ? null : v.toString();
  }
}
