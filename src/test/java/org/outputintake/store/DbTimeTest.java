package org.outputintake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbTimeTest {
  @TempDir Path dir;

  @Test
  void givenAFractionalSecond_thenItSortsAfterTheWholeSecondAsText() {
    String whole = DbTime.of(Instant.parse("2024-01-16T10:00:00Z"));
    String half = DbTime.of(Instant.parse("2024-01-16T10:00:00.5Z"));
    assertEquals("2024-01-16T10:00:00.000000Z", whole);
    assertEquals("2024-01-16T10:00:00.500000Z", half);
    assertTrue(whole.compareTo(half) < 0);
    assertEquals(Instant.parse("2024-01-16T10:00:00.5Z"), DbTime.parse(half));
    assertEquals(Instant.parse("2024-01-16T10:00:00Z"), DbTime.parse("2024-01-16T10:00:00Z"));
  }

  @Test
  void givenRowsWrittenInTheOldVariableWidth_thenTheMigrationMakesThemFixedWidth()
      throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("old.db");
    Flyway.configure()
        .dataSource(url, null, null)
        .locations(Database.migrations())
        .target("2")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          """
          INSERT INTO outbox(message_id, kind, recipient, subject, body, created_at, next_attempt_at, sent_at)
          VALUES ('<a@x>', 'acknowledgement', 'a@b.example', 's', 'b', '2024-01-16T10:00:00Z',
                  '2024-01-16T10:00:00.5Z', '2024-01-16T10:00:01.123456789Z')""");
    }

    try (Database db = Database.open(url)) {
      List<String> row =
          db.read(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs =
                        st.executeQuery(
                            "SELECT created_at, next_attempt_at, sent_at FROM outbox")) {
                  rs.next();
                  List<String> out = new ArrayList<>();
                  for (int i = 1; i <= 3; i++) out.add(rs.getString(i));
                  return out;
                }
              });
      assertEquals(
          List.of(
              "2024-01-16T10:00:00.000000Z",
              "2024-01-16T10:00:00.500000Z",
              "2024-01-16T10:00:01.123456Z"),
          row);
    }
  }
}
