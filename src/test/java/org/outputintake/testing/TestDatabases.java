package org.outputintake.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.outputintake.store.Vendor;

/**
 * Where a test's bot keeps its database: a SQLite file in the test's directory, or a fresh database
 * in the one embedded PostgreSQL of this test JVM (started on first use, from the binaries in the
 * test classpath: nothing installed on the machine). {@link OnPostgres} switches a test class over.
 */
public final class TestDatabases {
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static volatile Vendor current = Vendor.SQLITE;
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static Vendor current() {
    return current;
  }

  static void use(Vendor vendor) {
    current = vendor;
  }

  /** A JDBC URL to a new, empty database of the current vendor. */
  public static String newUrl(Path dir) {
    return current == Vendor.SQLITE ? "jdbc:sqlite:" + dir.resolve("intake.db") : newPostgres();
  }

  /** A new, empty PostgreSQL database; the URL carries the login. */
  public static String newPostgres() {
    String name = "intake_" + SERIAL.incrementAndGet();
    EmbeddedPostgres pg = postgres();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?user=postgres";
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      postgres.close();
                    } catch (IOException e) {
                      // the JVM is ending; its temp directory goes with it
                    }
                  }));
    }
    return postgres;
  }
}
