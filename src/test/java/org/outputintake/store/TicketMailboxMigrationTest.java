package org.outputintake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V26 gives tickets opened before it the mailbox their request came to: the sender of the first
 * reply to the researcher that recorded one (replies record their sender since V18).
 */
class TicketMailboxMigrationTest {
  @TempDir Path dir;

  @Test
  void anOldTicketGetsTheMailboxOfItsFirstReplyToTheResearcherThatNamedOne() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(Database.migrations())
        .target("25")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      ticket(st, "STATS10001", 10001);
      ticket(st, "STATS10002", 10002);
      ticket(st, "STATS10003", 10003);
      // an officer's notification first, from another mailbox: not the researcher's thread
      reply(st, 1, "STATS10001", "ben@srs.example", "'other@srs.example'");
      reply(st, 2, "STATS10001", "ada@uni.example.ac.uk", "'second@srs.example'");
      reply(st, 3, "STATS10001", "ada@uni.example.ac.uk", "'third@srs.example'");
      // queued before replies recorded their sender
      reply(st, 4, "STATS10002", "ada@uni.example.ac.uk", "NULL");
      reply(st, 5, "STATS10002", "ada@uni.example.ac.uk", "'fifth@srs.example'");
    }

    try (Database db = Database.open(url)) {
      Map<String, String> mailboxes =
          db.read(
              c -> {
                Map<String, String> out = new LinkedHashMap<>();
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, mailbox FROM ticket ORDER BY id")) {
                  while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
                return out;
              });

      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("STATS10001", "second@srs.example");
      expected.put("STATS10002", "fifth@srs.example");
      expected.put("STATS10003", null);
      assertEquals(expected, mailboxes);
    }
  }

  private static void ticket(Statement st, String id, int number) throws SQLException {
    st.executeUpdate(
        "INSERT INTO ticket(id, number, project_number, researcher, subject, state, policy,"
            + " created_at, updated_at, queued_at) VALUES ('"
            + id
            + "', "
            + number
            + ", '1234567', 'ada@uni.example.ac.uk', 'a request', 'queued', 'ons-srs',"
            + " '2024-01-16T10:00:00.000000Z', '2024-01-16T10:00:00.000000Z',"
            + " '2024-01-16T10:00:00.000000Z')");
  }

  private static void reply(
      Statement st, int n, String ticketId, String recipient, String senderSql)
      throws SQLException {
    st.executeUpdate(
        "INSERT INTO outbox(message_id, ticket_id, kind, recipient, sender, subject, body,"
            + " created_at, next_attempt_at) VALUES ('<"
            + n
            + "@srs.example>', '"
            + ticketId
            + "', 'acknowledgement', '"
            + recipient
            + "', "
            + senderSql
            + ", 's', 'b', '2024-01-16T10:00:00.000000Z', '2024-01-16T10:00:00.000000Z')");
  }
}
