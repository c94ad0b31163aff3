package org.outputintake.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.outputintake.config.DatabaseSettings;

/**
 * The bot's database, migrated by Flyway at start-up: SQLite in WAL mode by default, or PostgreSQL.
 * On SQLite writers take the lock at BEGIN (transaction_mode=IMMEDIATE) so two writers wait on
 * busy_timeout instead of failing mid-transaction. PostgreSQL runs READ COMMITTED, which does not
 * serialise writers: the statements that decide from what they read lock what they read ({@code
 * TicketRepository#lock}) or are one atomic statement (the README's "Concurrency" says which).
 */
public final class Database implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
  private static final String SQLITE_SETTINGS =
      "journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE&foreign_keys=true&synchronous=NORMAL";
  private final HikariDataSource dataSource;
  private final Vendor vendor;

  /**
   * The lease the current thread's transactions must still hold when they commit. Thread-bound so
   * that every handler's transaction on the poll's thread is fenced without each passing it on.
   */
  private final ThreadLocal<Fence> fence = new ThreadLocal<>();

  private Database(HikariDataSource dataSource, Vendor vendor) {
    this.dataSource = dataSource;
    this.vendor = vendor;
  }

  /** The SQLite history (kept for the tests that build an old schema step by step). */
  public static String[] migrations() {
    return Vendor.SQLITE.migrations();
  }

  public static String[] migrations(Vendor vendor) {
    return vendor.migrations();
  }

  public static Database open(String url) {
    return open(DatabaseSettings.withoutLogin(url));
  }

  public static Database open(DatabaseSettings config) {
    String url = config.url();
    Vendor vendor = Vendor.of(url);
    String full = withSettings(url);
    createParentDirectory(url);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(full);
    if (config.username() != null) hc.setUsername(config.username());
    if (config.password() != null) hc.setPassword(config.password());
    hc.setMaximumPoolSize(vendor == Vendor.SQLITE ? 4 : 8);
    hc.setPoolName("intake-db");
    hc.setAutoCommit(true);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      var result =
          Flyway.configure().dataSource(ds).locations(vendor.migrations()).load().migrate();
      // an upgrade changes the schema under any older bot still running: say that it happened
      if (result.migrationsExecuted > 0 && result.initialSchemaVersion != null)
        LOG.info(
            "database {} upgraded from schema version {} to {}",
            url,
            result.initialSchemaVersion,
            result.targetSchemaVersion);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds, vendor);
  }

  public Vendor vendor() {
    return vendor;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  public <T> T inTransaction(TransactionWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        // SQLite's driver counts the connection as in a transaction before its BEGIN runs; when the
        // BEGIN fails (the file locked by another process past busy_timeout), a pooled connection
        // left so would run the next transaction's statements one by one and then fail at every
        // commit: it is thrown away instead
        dataSource.evictConnection(c);
        throw e;
      }
      try {
        T result = work.run(c);
        Fence held = fence.get();
        // last, so the check's row lock is held for the shortest time and nothing after it can
        // change what it vouched for
        if (held != null) held.check(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /**
   * Runs {@code work} with every transaction it starts on this thread fenced: each checks, before
   * it commits and in the same transaction, that {@code check} still passes, and rolls back with
   * {@link FenceLost} when it does not.
   */
  public <T, E extends Exception> T fenced(Fence check, FencedWork<T, E> work) throws E {
    Fence outer = fence.get();
    fence.set(check);
    try {
      return work.run();
    } finally {
      if (outer == null) fence.remove();
      else fence.set(outer);
    }
  }

  public <T> T read(TransactionWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  static String withSettings(String url) {
    if (!url.startsWith("jdbc:sqlite:") || url.contains("journal_mode")) return url;
    return url + (url.contains("?") ? "&" : "?") + SQLITE_SETTINGS;
  }

  /**
   * Whether the database is there already: commands that only read must not create an empty one.
   */
  public static boolean exists(String url) {
    Optional<Path> file = sqliteFile(url);
    return file.isEmpty() || Files.isRegularFile(file.get());
  }

  /**
   * Opens a database that must already exist: commands that only read ({@code tickets}) never
   * create an empty one where the configuration points by mistake.
   *
   * @throws IllegalArgumentException saying where it looked
   */
  public static Database openExisting(String url) {
    return openExisting(DatabaseSettings.withoutLogin(url));
  }

  public static Database openExisting(DatabaseSettings config) {
    String url = config.url();
    Optional<Path> file = sqliteFile(url);
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new IllegalArgumentException(
          "there is no database at "
              + file.get().toAbsolutePath()
              + " (database.url "
              + url
              + "): the bot has not run with this configuration; pass the --config "
              + "the bot or the demo runs with");
    }
    return open(config);
  }

  /**
   * The file of a SQLite URL, without its settings; empty for other databases and in-memory ones.
   */
  static Optional<Path> sqliteFile(String url) {
    if (!url.startsWith("jdbc:sqlite:") || url.contains(":memory:")) return Optional.empty();
    String file = url.substring("jdbc:sqlite:".length());
    int q = file.indexOf('?');
    if (q >= 0) file = file.substring(0, q);
    return Optional.of(Path.of(file));
  }

  private static void createParentDirectory(String url) {
    Optional<Path> file = sqliteFile(url);
    if (file.isEmpty()) return;
    Path parent = file.get().toAbsolutePath().getParent();
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      // a configuration mistake, told at start-up as one (exit 2), not as a stack trace
      throw new IllegalArgumentException(
          "database.url names a file in "
              + parent
              + ", a directory that cannot be created ("
              + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                  ? f.getReason()
                  : e instanceof java.nio.file.FileAlreadyExistsException
                      ? "a file of that name is in the way"
                      : "permission denied or no such parent")
              + "): set database.url to a writable place, e.g. jdbc:sqlite:data/intake.db",
          e);
    }
  }

  @FunctionalInterface
  public interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** What a fenced transaction checks before it commits. */
  @FunctionalInterface
  public interface Fence {
    /**
     * @throws FenceLost when the transaction must not commit
     */
    void check(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  public interface FencedWork<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * A fenced transaction was rolled back: this process no longer holds what it worked under (a
   * mailbox's lease taken over by another instance). Not a database failure: the work must stop,
   * not be retried.
   */
  public static final class FenceLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FenceLost(String message) {
      super(message);
    }
  }

  /** A database failure: the caller leaves the message where it is, to be tried again. */
  public static class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
