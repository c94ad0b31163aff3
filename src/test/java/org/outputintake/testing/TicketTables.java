package org.outputintake.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.store.Database;
import org.outputintake.store.Database.TransactionWork;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/**
 * The ticket and workflow tables in a real SQLite file with every migration, for the unit tests of
 * the classes that own their SQL: tickets are opened through {@link TicketRepository} as intake
 * opens them, and the emails that bring files are plain mail_message rows (what intake's log
 * writes), so a test needs no mail server.
 */
public final class TicketTables implements AutoCloseable {
  public static final Instant T0 = Instant.parse("2024-01-16T10:00:00Z");
  public static final String RESEARCHER = "ada@uni.example.ac.uk";

  private final Database db;
  private final TicketRepository repo = new TicketRepository("STATS", 10001);

  private TicketTables(Database db) {
    this.db = db;
  }

  public static TicketTables open(Path dir) {
    return new TicketTables(Database.open("jdbc:sqlite:" + dir.resolve("intake.db")));
  }

  public Database db() {
    return db;
  }

  public TicketRepository repo() {
    return repo;
  }

  public <T> T tx(TransactionWork<T> work) {
    return db.inTransaction(work);
  }

  public <T> T read(TransactionWork<T> work) {
    return db.read(work);
  }

  /** A new output request of the project, queued at {@code at}, as stored. */
  public Ticket output(String project, Instant at) {
    return open(project, RequestKind.OUTPUT, null, at);
  }

  /** A new request of {@code kind}, queued at {@code at}, as stored (version 0, round 1). */
  public Ticket open(String project, RequestKind kind, String destination, Instant at) {
    String id =
        tx(
            c -> {
              Ticket t = unsaved(repo.allocate(c).toString(), project, kind, destination, at);
              repo.insert(c, new StateChange(t, "system", "ready for checking", at));
              return t.idText();
            });
    return find(id);
  }

  /** A queued request that is not in the database yet. */
  public static Ticket unsaved(
      String id, String project, RequestKind kind, String destination, Instant at) {
    return new Ticket(
        org.outputintake.ticket.TicketId.parse(id),
        project,
        RESEARCHER,
        "16/01/24 Output request for Project " + project,
        LocalDate.of(2024, 1, 16),
        new TicketState.Queued(at),
        "ons-srs",
        null,
        null,
        at,
        "<req-" + id + "@uni.example.ac.uk>",
        0,
        1,
        kind,
        destination,
        "intake@srs.example");
  }

  public Ticket find(String id) {
    return read(c -> repo.find(c, id)).orElseThrow();
  }

  /** Saves the ticket in a new state, as a command does. */
  public Ticket move(Ticket t, TicketState next, Instant at) {
    tx(
        c -> {
          repo.update(c, new StateChange(t.withState(next), "officer@srs.example", null, at));
          return null;
        });
    return find(t.idText());
  }

  /** An email in on the ticket, as intake's log records it; {@code rawSha256} may be null. */
  public void email(String ticketId, String key, String sender, String rawSha256, Instant at) {
    tx(c -> insertEmail(c, ticketId, key, "in", sender, rawSha256, at));
  }

  /** A file the email with that key brought. */
  public void file(String ticketId, String key, String name, String sha256) {
    tx(
        c -> {
          TicketFiles.addAttachment(
              c,
              ticketId,
              key,
              new TicketFiles.StoredAttachment(
                  name, "store/" + sha256, "text/csv", name.length(), sha256, "output"));
          return null;
        });
  }

  /** One column of the ticket's row as stored. */
  public String column(String ticketId, String column) {
    return read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + column + " FROM ticket WHERE id = ?")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  /** The first column of every row the query returns. */
  public List<String> strings(String sql) {
    return read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
          }
          return out;
        });
  }

  public static Void insertEmail(
      Connection c,
      String ticketId,
      String key,
      String direction,
      String sender,
      String rawSha256,
      Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            INSERT INTO mail_message(message_key, message_id, direction, ticket_id, sender, subject,
              classification, disposition, raw_sha256, raw_size, at)
            VALUES (?, ?, ?, ?, ?, 'a subject', 'ticket-reply', 'processed', ?, 10, ?)""")) {
      ps.setString(1, key);
      ps.setString(2, key);
      ps.setString(3, direction);
      ps.setString(4, ticketId);
      ps.setString(5, sender);
      ps.setString(6, rawSha256);
      ps.setString(7, DbTime.of(at));
      ps.executeUpdate();
    }
    return null;
  }

  /** A ticket made inside a transaction (which allocates its id). */
  @FunctionalInterface
  public interface Draft {
    Ticket make(Connection c) throws SQLException;
  }

  @Override
  public void close() {
    db.close();
  }
}
