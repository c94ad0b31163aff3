package org.outputintake.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.outputintake.store.DbTime;

/**
 * Rewrites stored times in the fixed width of {@link DbTime}: they are compared and ordered as
 * text, which variable-width ISO instants get wrong within a second. In Java rather than SQL so
 * that old and new rows go through the one formatter the bot writes with. The audit trail is
 * append-only (its triggers refuse updates) and ordered by id, so its rows keep the form they were
 * written in. Rows are found by their primary key rather than SQLite's rowid, so that the same
 * migration runs on PostgreSQL (where it finds nothing to rewrite in a new database).
 */
public class V3__fixed_width_times extends BaseJavaMigration {
  private static final Map<String, List<String>> COLUMNS =
      Map.of(
          "ticket", List.of("created_at", "updated_at", "queued_at", "blocked_at", "closed_at"),
          "mail_message", List.of("at"),
          "outbox", List.of("created_at", "next_attempt_at", "sent_at"));

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    for (var table : COLUMNS.entrySet()) {
      for (String column : table.getValue()) {
        rewrite(c, table.getKey(), column);
      }
    }
  }

  private static void rewrite(Connection c, String table, String column) throws Exception {
    List<Object[]> changes = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")) {
      while (rs.next()) {
        String old = rs.getString(2);
        String fixed = DbTime.of(DbTime.parse(old));
        if (!fixed.equals(old)) changes.add(new Object[] {rs.getObject(1), fixed});
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
      for (Object[] change : changes) {
        ps.setString(1, (String) change[1]);
        ps.setObject(2, change[0]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
