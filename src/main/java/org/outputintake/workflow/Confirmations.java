package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.outputintake.store.DbTime;

/**
 * Which confirmations an officer gets ({@code #confirmations all | errors-only}). With {@code
 * errors-only} a command's plain "done" is not sent; refusals and errors always are, and so is
 * every answer that carries something the officer asked for or must know.
 */
public enum Confirmations {
  ALL("all"),
  ERRORS_ONLY("errors-only");

  /** Commands whose answer is the point of giving them: never held back. */
  private static final Set<String> ANSWERS = Set.of("next", "help", "confirmations");

  private final String word;

  Confirmations(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<Confirmations> of(String word) {
    String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    for (Confirmations c : values()) if (c.word.equals(w)) return Optional.of(c);
    return Optional.empty();
  }

  /** The officer's choice; {@link #ALL} until they make one. */
  public static Confirmations of(Connection c, String officer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT confirmations FROM officer_preference WHERE officer = ?")) {
      ps.setString(1, officer.toLowerCase(Locale.ROOT));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? of(rs.getString(1)).orElse(ALL) : ALL;
      }
    }
  }

  public void saveFor(Connection c, String officer, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO officer_preference(officer, confirmations, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT(officer) DO UPDATE SET confirmations = excluded.confirmations,"
                + " updated_at = excluded.updated_at")) {
      ps.setString(1, officer.toLowerCase(Locale.ROOT));
      ps.setString(2, word);
      ps.setString(3, DbTime.of(now));
      ps.executeUpdate();
    }
  }

  /**
   * Whether the "done" confirmation of {@code command} goes to {@code sender}: always, except a
   * plain "done" to an officer who chose errors-only. Files ({@code #take}), a look at the desk, a
   * command's own answer and a warning (a verdict copied to the list) are never held back.
   */
  static boolean sendDone(
      Connection c, String sender, OfficerCommand command, OfficerCommand.Done done)
      throws SQLException {
    if (!done.attachments().isEmpty()
        || command.forManagersToo()
        || ANSWERS.contains(command.name())
        || done.summary().startsWith("WARNING")) return true;
    return of(c, sender) == ALL;
  }
}
