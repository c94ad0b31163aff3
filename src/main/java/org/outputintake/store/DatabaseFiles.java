package org.outputintake.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The stored files kept in the database ({@code stored_file}, {@code stored_file_piece}), so every
 * instance reads what any one of them received. Pieces of 1 MiB: a file up to the 2 GiB an
 * attachment may reach is written and read a piece at a time, never whole in memory, and no value
 * nears BYTEA's 1 GB limit; plain rows, which backups, replication and {@code database copy}
 * already carry (PostgreSQL's large objects would need their own API, vacuumlo for orphans and
 * their own copy).
 */
public final class DatabaseFiles implements RawStore.SharedCopy {
  static final int PIECE = 1024 * 1024;
  private final Database db;

  public DatabaseFiles(Database db) {
    this.db = db;
  }

  @Override
  public void save(String sha256, Path file) throws IOException {
    if (has(sha256)) return;
    try (InputStream in = Files.newInputStream(file)) {
      db.inTransaction(
          c -> {
            int seq = 0;
            long size = 0;
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO stored_file_piece(sha256, seq, bytes) VALUES (?, ?, ?)"
                        + " ON CONFLICT (sha256, seq) DO NOTHING")) {
              byte[] piece;
              while ((piece = readPiece(in)).length > 0 || seq == 0) {
                ps.setString(1, sha256);
                ps.setInt(2, seq++);
                ps.setBytes(3, piece);
                ps.executeUpdate();
                size += piece.length;
                if (piece.length < PIECE) break;
              }
            }
            // after every piece: another instance trusts the file once this row is there
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO stored_file(sha256, size, pieces) VALUES (?, ?, ?)"
                        + " ON CONFLICT (sha256) DO NOTHING")) {
              ps.setString(1, sha256);
              ps.setLong(2, size);
              ps.setInt(3, seq);
              ps.executeUpdate();
            }
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public boolean fetch(String sha256, Path into) throws IOException {
    Integer pieces = db.read(c -> pieces(c, sha256));
    if (pieces == null) return false;
    try (OutputStream out = Files.newOutputStream(into)) {
      for (int seq = 0; seq < pieces; seq++) {
        int n = seq;
        byte[] bytes = db.read(c -> piece(c, sha256, n));
        if (bytes == null) throw new IOException("piece " + n + " of " + sha256 + " is missing");
        out.write(bytes);
      }
    }
    return true;
  }

  @Override
  public void remove(String sha256) {
    db.inTransaction(
        c -> {
          // the row first: another instance trusts the pieces only while it is there
          for (String sql :
              java.util.List.of(
                  "DELETE FROM stored_file WHERE sha256 = ?",
                  "DELETE FROM stored_file_piece WHERE sha256 = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, sha256);
              ps.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Whether the file of that hash is in the database. */
  public boolean has(String sha256) {
    return db.read(c -> pieces(c, sha256)) != null;
  }

  private static Integer pieces(Connection c, String sha256) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pieces FROM stored_file WHERE sha256 = ?")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static byte[] piece(Connection c, String sha256, int seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT bytes FROM stored_file_piece WHERE sha256 = ? AND seq = ?")) {
      ps.setString(1, sha256);
      ps.setInt(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  private static byte[] readPiece(InputStream in) {
    try {
      return in.readNBytes(PIECE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
