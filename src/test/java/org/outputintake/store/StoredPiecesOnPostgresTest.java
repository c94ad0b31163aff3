package org.outputintake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.testing.TestDatabases;

class StoredPiecesOnPostgresTest {
  @TempDir Path dir;

  @Test
  void aStoredFilesPieces_areKeptAsGivenNotRecompressed() throws Exception {
    try (Database db = Database.open(TestDatabases.newPostgres())) {
      // text compresses well: pglz would store a fraction of it if the column still allowed it
      StringBuilder csv = new StringBuilder("region,count\n");
      Random random = new Random(7);
      while (csv.length() < 300_000) csv.append("North,").append(random.nextInt(10)).append('\n');
      Path file = Files.writeString(dir.resolve("table.csv"), csv);
      RawStore store = new RawStore(dir.resolve("store"), new DatabaseFiles(db));
      RawStore.Stored stored = store.putFile(file, ".csv");

      long onDisk =
          db.read(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT sum(pg_column_size(bytes)) FROM stored_file_piece WHERE sha256 = ?")) {
                  ps.setString(1, stored.sha256());
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                  }
                }
              });
      assertEquals(stored.size(), onDisk, "the pieces' stored size is the file's size");
    }
  }
}
