package org.outputintake.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outputintake.store.DbTime;
import org.outputintake.store.Vendor;

/**
 * Tickets in the database. Every method takes the caller's connection so that a ticket, its files,
 * its audit events and its replies are written in one transaction.
 */
public final class TicketRepository {
  private final String prefix;
  private final long firstNumber;

  public TicketRepository(String prefix, long firstNumber) {
    this.prefix = prefix;
    this.firstNumber = firstNumber;
  }

  /**
   * The next id, strictly increasing and never reused: the counter row is updated inside the
   * caller's transaction, so a rolled-back ticket gives its number back and a committed one keeps
   * it forever. The increment is one statement, which holds the counter row until the transaction
   * ends: two writers on PostgreSQL (which does not serialise them) take turns instead of both
   * reading the same number.
   */
  public TicketId allocate(Connection c) throws SQLException {
    return allocate(c, prefix);
  }

  /**
   * The next id, written with {@code idPrefix} (a kind's own prefix): every kind draws from the one
   * counter, so {@code STATS10001} and {@code INGEST10002} never share a number.
   */
  public TicketId allocate(Connection c, String idPrefix) throws SQLException {
    TicketId next = allocateNumber(c);
    return new TicketId(idPrefix, next.number());
  }

  private TicketId allocateNumber(Connection c) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE ticket_sequence SET next_number = next_number + 1 WHERE prefix = ?")) {
        ps.setString(1, prefix);
        if (ps.executeUpdate() == 1) return new TicketId(prefix, current(c) - 1);
      }
      if (attempt > 0) throw new SQLException("ticket_sequence has no row for " + prefix);
      // never below a number already used, even if first-number is lowered later; a writer that
      // created the row first wins, and the increment above is tried again on its row
      long next = Math.max(firstNumber, maxUsed(c) + 1);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ticket_sequence(prefix, next_number) VALUES (?, ?) "
                  + "ON CONFLICT(prefix) DO NOTHING")) {
        ps.setString(1, prefix);
        ps.setLong(2, next + 1);
        if (ps.executeUpdate() == 1) return new TicketId(prefix, next);
      }
    }
  }

  private long current(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT next_number FROM ticket_sequence WHERE prefix = ?")) {
      ps.setString(1, prefix);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The highest number of any ticket, whatever its prefix: numbers are unique across prefixes (a
   * renamed prefix must not hand out a number already used), and a pattern on the id would mix
   * prefixes such as ST and STATS.
   */
  private long maxUsed(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(number), 0) FROM ticket")) {
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** A new ticket, in its first state. */
  public void insert(Connection c, StateChange opened) throws SQLException {
    Ticket t = opened.ticket();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO ticket(id, number, project_number, researcher, subject, request_date, state, state_reason, policy,
          folder_name, folder_version, created_at, updated_at, queued_at, blocked_at, closed_at, root_message_id,
          kind, destination_project, mailbox)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
      ps.setString(1, t.id().toString());
      ps.setLong(2, t.id().number());
      ps.setString(3, t.projectNumber());
      ps.setString(4, t.researcher());
      ps.setString(5, t.subject());
      ps.setString(6, t.requestDate() == null ? null : t.requestDate().toString());
      bindState(ps, 7, t.state());
      ps.setString(9, t.policy());
      ps.setString(10, t.folderName());
      setInteger(ps, 11, t.folderVersion());
      ps.setString(12, DbTime.of(t.createdAt()));
      ps.setString(13, DbTime.of(t.state().since()));
      ps.setString(14, t.state() instanceof TicketState.Queued q ? DbTime.of(q.since()) : null);
      ps.setString(15, t.state() instanceof TicketState.Blocked b ? DbTime.of(b.since()) : null);
      ps.setString(16, t.state() instanceof TicketState.Closed cl ? DbTime.of(cl.since()) : null);
      ps.setString(17, t.rootMessageId());
      ps.setString(18, t.kind().code());
      ps.setString(19, t.destinationProject());
      ps.setString(20, t.mailbox());
      ps.executeUpdate();
    }
    recordEntered(c, opened);
  }

  /**
   * Another writer changed the ticket after it was read: the change must be decided again on fresh
   * data.
   */
  public static final class StaleTicketException extends RuntimeException {
    public StaleTicketException(String ticketId) {
      super("ticket " + ticketId + " was changed by someone else meanwhile");
    }
  }

  /**
   * Saves a new state, folder and round, with the audit event of the state entered; the queue
   * position changes only when the ticket is (re-)queued. Applies only if the row still has the
   * version the ticket was read with (two instances can never both apply a command).
   *
   * @throws StaleTicketException when the ticket changed since it was read
   */
  public void update(Connection c, StateChange change) throws SQLException {
    Ticket t = change.ticket();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        UPDATE ticket SET state = ?, state_reason = ?, folder_name = ?, folder_version = ?, updated_at = ?,
          queued_at = CASE WHEN ? IS NOT NULL THEN ? ELSE queued_at END,
          blocked_at = CASE WHEN ? IS NOT NULL THEN ? ELSE blocked_at END,
          closed_at = CASE WHEN ? IS NOT NULL THEN ? ELSE closed_at END,
          round = ?, version = version + 1
        WHERE id = ? AND version = ?""")) {
      bindState(ps, 1, t.state());
      ps.setString(3, t.folderName());
      setInteger(ps, 4, t.folderVersion());
      ps.setString(5, DbTime.of(t.state().since()));
      String queued = t.state() instanceof TicketState.Queued q ? DbTime.of(q.since()) : null;
      String blocked = t.state() instanceof TicketState.Blocked b ? DbTime.of(b.since()) : null;
      String closed = t.state() instanceof TicketState.Closed cl ? DbTime.of(cl.since()) : null;
      ps.setString(6, queued);
      ps.setString(7, queued);
      ps.setString(8, blocked);
      ps.setString(9, blocked);
      ps.setString(10, closed);
      ps.setString(11, closed);
      ps.setInt(12, t.round());
      ps.setString(13, t.id().toString());
      ps.setLong(14, t.version());
      if (ps.executeUpdate() != 1) throw new StaleTicketException(t.id().toString());
    }
    recordEntered(c, change);
  }

  /** The one place a state's audit event is written. */
  private static void recordEntered(Connection c, StateChange change) throws SQLException {
    AuditLog.append(
        c, change.ticket().idText(), change.at(), change.actor(), change.event(), change.detail());
  }

  /** Folder mode: keeps the submission's snapshot so changes on the share can be reported later. */
  public void saveFolderSnapshot(Connection c, String ticketId, String json) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE ticket SET folder_snapshot = ? WHERE id = ?")) {
      ps.setString(1, json);
      ps.setString(2, ticketId);
      ps.executeUpdate();
    }
  }

  public Optional<String> folderSnapshot(Connection c, String ticketId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT folder_snapshot FROM ticket WHERE id = ?")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * The ticket, locked until the caller's transaction ends: what every transaction that decides
   * about one ticket reads it with, so that two decisions on it (two verdicts, two {@code #take}s,
   * a reminder claimed twice) take turns on PostgreSQL as they do on SQLite.
   */
  public Optional<Ticket> lock(Connection c, String id) throws SQLException {
    List<Ticket> found =
        query(c, "SELECT * FROM ticket WHERE id = ?" + Vendor.of(c).forUpdate(), id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * A change to the ticket that leaves its state alone (a second checker joining): the version
   * moves on all the same, so a writer that read the ticket before it cannot apply its decision.
   *
   * @throws StaleTicketException when the ticket changed since it was read
   */
  public void touch(Connection c, Ticket t) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ticket SET version = version + 1 WHERE id = ? AND version = ?")) {
      ps.setString(1, t.id().toString());
      ps.setLong(2, t.version());
      if (ps.executeUpdate() != 1) throw new StaleTicketException(t.id().toString());
    }
  }

  /**
   * Whether the desk has ever held a ticket of another kind than output: only then do the desk's
   * views, the daily summary and the digests name each ticket's kind, so an output-only desk reads
   * as it did before ingests and transfers.
   */
  public static boolean holdsOtherKinds(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COUNT(*) FROM ticket WHERE kind <> 'output'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  public Optional<Ticket> find(Connection c, String id) throws SQLException {
    List<Ticket> found = query(c, "SELECT * FROM ticket WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public List<Ticket> list(Connection c) throws SQLException {
    return query(c, "SELECT * FROM ticket ORDER BY number");
  }

  /** The open tickets that involve the project: a transfer involves both its projects. */
  public List<Ticket> openForProject(Connection c, String projectNumber) throws SQLException {
    return query(
        c,
        "SELECT * FROM ticket WHERE (project_number = ? OR destination_project = ?)"
            + " AND state <> 'closed' ORDER BY number",
        projectNumber,
        projectNumber);
  }

  /**
   * The ticket an email threads to through In-Reply-To/References: one of our replies or a message
   * on a ticket.
   */
  public Optional<String> ticketForMessageId(Connection c, String messageId) throws SQLException {
    for (String sql :
        List.of(
            "SELECT ticket_id FROM outbox WHERE message_id = ? AND ticket_id IS NOT NULL",
            "SELECT ticket_id FROM mail_message WHERE message_id = ? AND ticket_id IS NOT NULL")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, messageId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) return Optional.of(rs.getString(1));
        }
      }
    }
    return Optional.empty();
  }

  private List<Ticket> query(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
      List<Ticket> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(map(rs));
      }
      return out;
    }
  }

  private static Ticket map(ResultSet rs) throws SQLException {
    String date = rs.getString("request_date");
    int version = rs.getInt("folder_version");
    Integer folderVersion = rs.wasNull() ? null : version;
    return new Ticket(
        TicketId.parse(rs.getString("id")),
        rs.getString("project_number"),
        rs.getString("researcher"),
        rs.getString("subject"),
        date == null ? null : LocalDate.parse(date),
        TicketState.of(
            rs.getString("state"),
            DbTime.parse(rs.getString("updated_at")),
            rs.getString("state_reason")),
        rs.getString("policy"),
        rs.getString("folder_name"),
        folderVersion,
        DbTime.parse(rs.getString("created_at")),
        rs.getString("root_message_id"),
        rs.getLong("version"),
        rs.getInt("round"),
        RequestKind.stored(rs.getString("kind")),
        rs.getString("destination_project"),
        rs.getString("mailbox"));
  }

  private static void bindState(PreparedStatement ps, int index, TicketState s)
      throws SQLException {
    ps.setString(index, s.name());
    String reason =
        s instanceof TicketState.Blocked b
            ? b.reason()
            : s instanceof TicketState.Closed c ? c.reason() : null;
    ps.setString(index + 1, reason);
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value)
      throws SQLException {
    if (value == null) ps.setNull(index, Types.INTEGER);
    else ps.setInt(index, value);
  }
}
