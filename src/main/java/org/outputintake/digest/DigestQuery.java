package org.outputintake.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.sla.ServiceClock;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.store.DbTime;
import org.outputintake.ticket.KindCounts;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketState;

/**
 * The database reads behind a digest. Each goes through an index (state, created_at, closed_at, a
 * ticket's audit events), so a digest costs what is open and what moved in the period, not the size
 * of the history.
 */
final class DigestQuery {
  /** An open ticket as the digest lists it. */
  record OpenTicket(
      String id,
      RequestKind kind,
      String state,
      String project,
      String researcher,
      Instant createdAt,
      Instant queuedAt,
      Instant blockedAt,
      String reason,
      List<String> checkers,
      ServiceClock.Status sla,
      Instant stateSince) {}

  private final Connection c;
  private final ServiceLevel serviceLevel;

  private final WorkflowSettings.Checkers checkers;

  DigestQuery(Connection c, ServiceLevel serviceLevel, WorkflowSettings.Checkers checkers) {
    this.c = c;
    this.checkers = checkers;
    this.serviceLevel = serviceLevel;
  }

  /** Every ticket by state, each count split by kind. */
  Map<String, KindCounts> countsByState() throws SQLException {
    Map<String, KindCounts> out = new LinkedHashMap<>();
    for (TicketState.Kind s : TicketState.Kind.values()) out.put(s.stored(), KindCounts.none());
    try (PreparedStatement ps =
            c.prepareStatement("SELECT state, kind, COUNT(*) FROM ticket GROUP BY state, kind");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String state = rs.getString(1);
        out.put(
            state,
            out.getOrDefault(state, KindCounts.none())
                .plus(RequestKind.stored(rs.getString(2)), rs.getInt(3)));
      }
    }
    return out;
  }

  /** Tickets received in the period, by kind. */
  KindCounts received(Instant from, Instant to) throws SQLException {
    KindCounts out = KindCounts.none();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, COUNT(*) FROM ticket WHERE created_at >= ? AND created_at < ? "
                + "GROUP BY kind")) {
      ps.setString(1, DbTime.of(from));
      ps.setString(2, DbTime.of(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out = out.plus(RequestKind.stored(rs.getString(1)), rs.getInt(2));
      }
    }
    return out;
  }

  int closed(Instant from, Instant to, String reasonPattern) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM ticket WHERE closed_at >= ? AND closed_at < ? AND state = 'closed' "
            + "AND state_reason LIKE ?",
        from,
        to,
        reasonPattern);
  }

  /** Mail the recipient's server returned in the period (bounces), digests to managers included. */
  int bounced(Instant from, Instant to) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM outbox WHERE status = 'bounced' AND bounced_at >= ? AND bounced_at < ?",
        from,
        to);
  }

  /** The addresses that bounced in the period, most bounces first: who cannot be reached. */
  List<String> bouncedTo(Instant from, Instant to, int limit) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT recipient, COUNT(*) AS n FROM outbox
          WHERE status = 'bounced' AND bounced_at >= ? AND bounced_at < ?
          GROUP BY recipient ORDER BY n DESC, recipient LIMIT ?""")) {
      ps.setString(1, DbTime.of(from));
      ps.setString(2, DbTime.of(to));
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          out.add(rs.getString(1) + (rs.getInt(2) > 1 ? " (" + rs.getInt(2) + ")" : ""));
      }
    }
    return out;
  }

  /** The tickets that need a checker ({@code #next} offers them). */
  java.util.Set<String> needingChecker() throws SQLException {
    return new java.util.HashSet<>(
        org.outputintake.workflow.WorkflowStore.needingChecker(c, Integer.MAX_VALUE, checkers));
  }

  int deadLetters() throws SQLException {
    return count("SELECT COUNT(*) FROM outbox WHERE status = 'failed'");
  }

  /**
   * Every open ticket with its checkers and clock; the queue first in order of receipt, then the
   * others.
   */
  List<OpenTicket> open(Instant now) throws SQLException {
    List<OpenTicket> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                """
        SELECT id, state, project_number, researcher, created_at, queued_at, blocked_at, state_reason, kind FROM ticket
        WHERE state IN ('queued', 'checking', 'checked', 'with-data-owner', 'approved', 'blocked')
        ORDER BY state <> 'queued', queued_at, number""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        Instant created = DbTime.parse(rs.getString(5));
        out.add(
            new OpenTicket(
                id,
                RequestKind.stored(rs.getString(9)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                created,
                time(rs.getString(6)),
                time(rs.getString(7)),
                rs.getString(8),
                null,
                null,
                null));
      }
    }
    List<OpenTicket> full = new ArrayList<>(out.size());
    for (OpenTicket t : out) {
      List<ServiceClock.Change> changes = ServiceLevel.changes(c, t.id());
      ServiceClock.Status s = serviceLevel.clock().status(t.createdAt(), changes, now);
      Instant since = changes.isEmpty() ? t.createdAt() : changes.get(changes.size() - 1).at();
      full.add(
          new OpenTicket(
              t.id(),
              t.kind(),
              t.state(),
              t.project(),
              t.researcher(),
              t.createdAt(),
              t.queuedAt(),
              t.blockedAt(),
              t.reason(),
              checkers(t.id()),
              s,
              since));
    }
    return full;
  }

  /**
   * Working time each ticket closed in the period took on the clock (time waiting for the
   * researcher excluded).
   */
  List<Double> turnaroundDays(Instant from, Instant to) throws SQLException {
    List<String[]> closed = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, created_at, closed_at FROM ticket WHERE closed_at >= ? "
                + "AND closed_at < ? AND state = 'closed'")) {
      ps.setString(1, DbTime.of(from));
      ps.setString(2, DbTime.of(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next())
          closed.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    List<Double> out = new ArrayList<>();
    for (String[] t : closed) {
      ServiceClock.Status s =
          serviceLevel
              .clock()
              .status(DbTime.parse(t[1]), ServiceLevel.changes(c, t[0]), DbTime.parse(t[2]));
      out.add(serviceLevel.calendar().days(s.used()));
    }
    return out;
  }

  /**
   * Open checks per officer: tickets they hold that are being checked, checked or with a data
   * owner.
   */
  Map<String, Integer> openChecks() throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                """
        SELECT k.officer, COUNT(*) FROM ticket t JOIN checker k ON k.ticket_id = t.id
        WHERE t.state IN ('queued', 'checking', 'checked', 'with-data-owner', 'approved', 'blocked')
        GROUP BY k.officer ORDER BY COUNT(*) DESC, k.officer""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
    }
    return out;
  }

  /** Creation times of tickets received since {@code from}. */
  List<Instant> createdSince(Instant from) throws SQLException {
    return times("SELECT created_at FROM ticket WHERE created_at >= ?", from);
  }

  List<Instant> closedSince(Instant from) throws SQLException {
    return times("SELECT closed_at FROM ticket WHERE closed_at >= ? AND state = 'closed'", from);
  }

  int openNow() throws SQLException {
    return count("SELECT COUNT(*) FROM ticket WHERE state <> 'closed'");
  }

  private List<String> checkers(String id) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT officer FROM checker WHERE ticket_id = ? ORDER BY taken_at")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  private List<Instant> times(String sql, Instant from) throws SQLException {
    List<Instant> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, DbTime.of(from));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(DbTime.parse(rs.getString(1)));
      }
    }
    return out;
  }

  private int count(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(
            i + 1, args[i] instanceof Instant at ? DbTime.of(at) : String.valueOf(args[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static Instant time(String s) {
    return s == null ? null : DbTime.parse(s);
  }
}
