package org.outputintake.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a desk from one database and data directory into another ({@code database copy}): every
 * table row for row (history and audit trail included, ids kept), then every stored file, each
 * verified by its SHA-256. Both databases are migrated to the same schema first, so the copy is
 * column for column.
 */
public final class DatabaseCopy {
  private static final int BATCH = 500;
  private final PrintWriter out;

  public DatabaseCopy(PrintWriter out) {
    this.out = out;
  }

  /** What was copied; a mismatch means the target must not be used. */
  public record Result(Map<String, Long> rows, int files, List<String> mismatches) {
    public Result {
      rows = Map.copyOf(rows);
      mismatches = List.copyOf(mismatches);
    }

    public boolean verified() {
      return mismatches.isEmpty();
    }
  }

  /** A target that already holds a desk: copying into it would mix two desks. */
  public static final class TargetNotEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TargetNotEmpty(String message) {
      super(message);
    }
  }

  /**
   * @throws TargetNotEmpty when the target holds tickets (or any other row): nothing is written
   */
  public Result copy(Database from, Path fromData, Database to, Path toData) throws IOException {
    return copy(
        from,
        org.outputintake.config.Storage.at(fromData),
        to,
        org.outputintake.config.Storage.at(toData));
  }

  /**
   * The same between two configurations' storage: the files go where the target desk keeps them
   * (its data directory, its shared folder, or its database) and are read back from there.
   */
  public Result copy(
      Database from,
      org.outputintake.config.Storage fromStorage,
      Database to,
      org.outputintake.config.Storage toStorage)
      throws IOException {
    Path fromData = fromStorage.dataDir();
    Path toData = toStorage.dataDir();
    List<String> tables = from.read(DatabaseCopy::tables);
    refuseNonEmpty(to, tables);
    Map<String, Long> rows = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    to.inTransaction(
        target -> {
          from.read(
              source -> {
                for (String table : tables) rows.put(table, copyTable(source, target, table));
                return null;
              });
          if (to.vendor() == Vendor.POSTGRESQL) restartIdentities(target, tables);
          return null;
        });
    for (String table : tables) {
      long there = to.read(c -> count(c, table));
      out.printf("  %-18s %8d rows%n", table, rows.get(table));
      if (there != rows.get(table))
        mismatches.add(table + ": " + rows.get(table) + " rows read, " + there + " in the target");
    }
    DeskFiles source = DeskFiles.of(fromStorage, from);
    DeskFiles target = DeskFiles.of(toStorage, to);
    int files = copyFiles(fromData, toData, mismatches);
    if (source.where() == DeskFiles.Where.SHARED_DIR && fromStorage.sharedDir() != null)
      files += copyFiles(fromStorage.sharedDir(), toData, mismatches);
    if (source.where() == DeskFiles.Where.DATABASE && target.where() != DeskFiles.Where.DATABASE)
      files += outOfDatabase(from, source, target, mismatches);
    else if (target.where() != DeskFiles.Where.DATA_DIR)
      files += intoShared(source, target, to, mismatches);
    return new Result(rows, files, mismatches);
  }

  /**
   * From a desk that kept its files in its database: every file a ticket's row names (attachments,
   * raw emails), fetched by its hash and stored where the target keeps them.
   */
  private int outOfDatabase(
      Database from, DeskFiles source, DeskFiles target, List<String> mismatches)
      throws IOException {
    int n = 0;
    for (String[] kind :
        List.of(
            new String[] {"SELECT DISTINCT sha256 FROM attachment WHERE sha256 IS NOT NULL", ""},
            new String[] {
              "SELECT DISTINCT raw_sha256 FROM mail_message WHERE raw_sha256 IS NOT NULL", ".eml"
            })) {
      List<String> hashes =
          from.read(
              c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(kind[0])) {
                  while (rs.next()) out.add(rs.getString(1));
                }
                return out;
              });
      RawStore in = kind[1].isEmpty() ? source.files() : source.messages();
      RawStore into = kind[1].isEmpty() ? target.files() : target.messages();
      for (String sha : hashes) {
        if (!sha.matches("[0-9a-f]{64}")) continue;
        try {
          RawStore.Stored put = into.putFile(in.local(sha, kind[1]), kind[1]);
          if (!put.sha256().equals(sha)) mismatches.add(sha + kind[1] + ": SHA-256 differs");
          n++;
        } catch (java.nio.file.NoSuchFileException e) {
          mismatches.add(sha + kind[1] + ": not in the source database");
        }
      }
    }
    out.printf(
        "  %-18s %8d files out of the source database, SHA-256 verified%n", "stored files", n);
    return n;
  }

  /**
   * The stored files into the target desk's shared store (its folder or its database), each read
   * back from there and hashed: a host of the target desk finds them whichever instance asks.
   */
  private int intoShared(DeskFiles source, DeskFiles target, Database to, List<String> mismatches)
      throws IOException {
    int n = 0;
    for (String kind : List.of("files", "messages")) {
      RawStore from = kind.equals("files") ? source.files() : source.messages();
      RawStore into = kind.equals("files") ? target.files() : target.messages();
      if (!Files.isDirectory(from.root())) continue;
      List<Path> stored;
      try (Stream<Path> walk = Files.walk(from.root())) {
        stored =
            walk.filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}.*"))
                .toList();
      }
      for (Path file : stored) {
        String name = file.getFileName().toString();
        String sha = name.substring(0, 64);
        RawStore.Stored put = into.putFile(file, name.substring(64));
        if (!put.sha256().equals(sha)) {
          mismatches.add(kind + "/" + name + ": its content no longer matches its SHA-256 name");
          continue;
        }
        Path back = Files.createTempFile("copy-", ".check");
        try {
          if (target.where() == DeskFiles.Where.DATABASE
              && !(new DatabaseFiles(to).fetch(sha, back) && Sha256.of(back).equals(sha)))
            mismatches.add(kind + "/" + name + ": the target database's copy differs");
        } finally {
          Files.deleteIfExists(back);
        }
        n++;
      }
    }
    out.printf(
        "  %-18s %8d files into the target's %s, SHA-256 verified%n",
        "shared files",
        n,
        target.where() == DeskFiles.Where.DATABASE ? "database" : "shared folder");
    return n;
  }

  /** The desk's tables, the ticket first: every other table's rows may refer to a ticket. */
  static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        String schema = rs.getString("TABLE_SCHEM");
        if (name.startsWith("sqlite_") || name.equals("flyway_schema_history")) continue;
        if (schema != null && !schema.equalsIgnoreCase("public")) continue;
        out.add(name);
      }
    }
    out.sort((a, b) -> rank(a) != rank(b) ? rank(a) - rank(b) : a.compareTo(b));
    return out;
  }

  private static int rank(String table) {
    return table.equals("ticket_sequence") ? 0 : table.equals("ticket") ? 1 : 2;
  }

  private static void refuseNonEmpty(Database to, List<String> tables) {
    to.read(
        c -> {
          long tickets = count(c, "ticket");
          if (tickets > 0)
            throw new TargetNotEmpty(
                "the target database already holds "
                    + tickets
                    + " tickets: copy only into a new, empty database");
          for (String table : tables) {
            long n = count(c, table);
            if (n > 0)
              throw new TargetNotEmpty(
                  "the target database already holds rows in "
                      + table
                      + " (a bot has run on it): copy only into a new, empty database");
          }
          return null;
        });
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long copyTable(Connection source, Connection target, String table)
      throws SQLException {
    Map<String, Integer> columns = columns(target, table);
    columns.keySet().retainAll(columns(source, table).keySet());
    List<String> names = new ArrayList<>(columns.keySet());
    String list = String.join(", ", names);
    long n = 0;
    try (Statement st = source.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + table);
        PreparedStatement ps =
            target.prepareStatement(
                "INSERT INTO "
                    + table
                    + "("
                    + list
                    + ") VALUES ("
                    + String.join(", ", names.stream().map(x -> "?").toList())
                    + ")")) {
      while (rs.next()) {
        for (int i = 0; i < names.size(); i++) {
          Object v = rs.getObject(i + 1);
          if (v == null) ps.setNull(i + 1, columns.get(names.get(i)));
          else ps.setObject(i + 1, v, columns.get(names.get(i)));
        }
        ps.addBatch();
        if (++n % BATCH == 0) ps.executeBatch();
      }
      ps.executeBatch();
    }
    return n;
  }

  /** Column names and their JDBC types, as the database describes the table. */
  private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, "%")) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        if (schema != null && !schema.equalsIgnoreCase("public")) continue;
        out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
      }
    }
    return out;
  }

  /** Rows were copied with their ids: the identity columns continue after the highest. */
  private static void restartIdentities(Connection c, List<String> tables) throws SQLException {
    for (String table : tables) {
      if (!columns(c, table).containsKey("id")) continue;
      Optional<String> sequence;
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          sequence = rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
      }
      if (sequence.isEmpty()) continue;
      try (Statement st = c.createStatement()) {
        st.execute(
            "SELECT setval('"
                + sequence.get()
                + "', COALESCE((SELECT MAX(id) FROM "
                + table
                + "), 0) + 1, false)");
      }
    }
  }

  /**
   * Every stored file (raw emails, attachments, their copies for checkers) into the target data
   * directory, read back and compared by SHA-256. The source database's own files and the bot's
   * scratch space are not part of the desk.
   */
  private int copyFiles(Path fromData, Path toData, List<String> mismatches) throws IOException {
    if (!Files.isDirectory(fromData)) return 0;
    Path source = fromData.toAbsolutePath().normalize();
    Path target = toData.toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).filter(p -> isDeskFile(source, p)).toList();
    }
    int copied = 0;
    for (Path file : files) {
      Path rel = source.relativize(file);
      Path dest = target.resolve(rel.toString());
      String want = Sha256.of(file);
      if (!source.equals(target)) {
        Files.createDirectories(dest.getParent());
        Files.copy(
            file, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
      String got = Sha256.of(dest);
      if (!want.equals(got)) mismatches.add("file " + rel + ": SHA-256 differs after the copy");
      String name = rel.getFileName().toString();
      int dot = name.indexOf('.');
      String stem = dot < 0 ? name : name.substring(0, dot);
      if (stem.matches("[0-9a-f]{64}") && !stem.equals(want))
        mismatches.add("file " + rel + ": its content no longer matches its SHA-256 name");
      copied++;
    }
    out.printf("  %-18s %8d files, SHA-256 verified%n", "stored files", copied);
    return copied;
  }

  private static boolean isDeskFile(Path root, Path file) {
    Path rel = root.relativize(file);
    String first = rel.getName(0).toString();
    String name = file.getFileName().toString();
    return !first.equals("work")
        && !name.equals("intake.lock")
        && !name.matches(".*\\.db(-wal|-shm|-journal)?$");
  }
}
