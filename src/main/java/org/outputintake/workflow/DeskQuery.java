package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reads behind the desk's lookups ({@code #mine}, {@code #find}, {@code tickets search}) that
 * the queue's reads ({@link WorkflowStore#needingChecker}) do not already give.
 */
final class DeskQuery {
  private DeskQuery() {}

  /** Open tickets {@code officer} holds as a checker, oldest in the queue first. */
  static List<String> heldBy(Connection c, String officer) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT t.id FROM ticket t JOIN checker k ON k.ticket_id = t.id
        WHERE k.officer = ? AND t.state <> 'closed' ORDER BY t.queued_at, t.number""")) {
      ps.setString(1, officer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Tickets whose id, researcher, project, folder, subject or a file's name holds {@code word}.
   * Notes are searched apart ({@link #notesMatching}), since a note may be a verdict that must stay
   * hidden.
   */
  static Set<String> matching(Connection c, String word) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT t.id FROM ticket t WHERE LOWER(t.id) LIKE ? ESCAPE '!'
          OR LOWER(t.researcher) LIKE ? ESCAPE '!' OR LOWER(t.project_number) LIKE ? ESCAPE '!'
          OR LOWER(COALESCE(t.folder_name, '')) LIKE ? ESCAPE '!' OR LOWER(t.subject) LIKE ? ESCAPE '!'
          OR EXISTS (SELECT 1 FROM attachment a WHERE a.ticket_id = t.id
                     AND LOWER(a.original_name) LIKE ? ESCAPE '!')""")) {
      for (int k = 1; k <= 6; k++) ps.setString(k, like(word));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Notes (with their ticket) whose text holds {@code word}: each is checked against blindness. */
  static List<String[]> notesMatching(Connection c, String word) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ticket_id, text FROM ticket_note WHERE LOWER(text) LIKE ? ESCAPE '!'")) {
      ps.setString(1, like(word));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return out;
  }

  private static String like(String word) {
    String w =
        word.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + w + "%";
  }
}
