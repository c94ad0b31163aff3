package org.outputintake.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Content-addressed file store: each blob lives at {@code <root>/<aa>/<sha256>} and is written
 * once. The bytes are streamed to a temp file while hashed, forced to disk, then moved into place,
 * so a crash never leaves a half-written blob under a real name.
 */
public final class RawStore {
  private final Path root;
  private final SharedCopy shared;

  public RawStore(Path root) {
    this(root, SharedCopy.NONE);
  }

  /**
   * @param root this host's copies
   * @param shared where every instance finds the files ({@link DatabaseFiles}), or {@link
   *     SharedCopy#NONE} when {@code root} itself is the only copy (one host, or a shared folder)
   */
  public RawStore(Path root, SharedCopy shared) {
    this.root = root;
    this.shared = java.util.Objects.requireNonNull(shared, "shared");
  }

  /**
   * The copy every instance reads. A file is there before the transaction that names it commits
   * (put returns after it), so another instance never meets a ticket whose files it cannot get.
   */
  public interface SharedCopy {
    SharedCopy NONE =
        new SharedCopy() {
          @Override
          public void save(String sha256, Path file) {}

          @Override
          public boolean fetch(String sha256, Path into) {
            return false;
          }
        };

    /** Keeps the file under its hash; a second save of the same hash is a no-op. */
    void save(String sha256, Path file) throws IOException;

    /**
     * Writes the file of that hash into {@code into}.
     *
     * @return false when no instance has stored it
     */
    boolean fetch(String sha256, Path into) throws IOException;

    /** Forgets the file of that hash; nothing when it is not there. */
    default void remove(String sha256) throws IOException {}
  }

  public record Stored(String sha256, long size, Path path) {}

  /** Something that writes the bytes to store. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  public Stored put(InputStream in, String suffix) throws IOException {
    return putWriting(in::transferTo, suffix);
  }

  /**
   * @throws Unwritable when the store's own disk fails; any other IOException comes from {@code
   *     writer}'s source
   */
  public Stored putWriting(Writer writer, String suffix) throws IOException {
    Stored stored = putLocally(writer, suffix);
    share(stored);
    return stored;
  }

  /**
   * Stores on this host only; the caller {@link #share shares} it before any transaction names it.
   * The poll's download thread stores each email so and leaves the shared copy, a database round
   * trip per piece, to the worker that prepares it: downloads then never wait on the database.
   *
   * @throws Unwritable when the store's own disk fails; any other IOException comes from {@code
   *     writer}'s source
   */
  public Stored putLocally(Writer writer, String suffix) throws IOException {
    Path tmp;
    try {
      tmp = Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "in-", ".part");
    } catch (IOException e) {
      throw new Unwritable(root, e);
    }
    try {
      MessageDigest digest = sha256();
      try (OutputStream out =
          new java.io.BufferedOutputStream(
              new DigestOutputStream(create(tmp), digest), 64 * 1024)) {
        writer.writeTo(out);
      }
      String hex = HexFormat.of().formatHex(digest.digest());
      Path target = pathFor(hex, suffix);
      long size;
      try {
        size = Files.size(tmp);
        force(tmp);
        if (Files.exists(target)) {
          Files.delete(tmp);
        } else {
          Files.createDirectories(target.getParent());
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } catch (IOException e) {
        throw new Unwritable(root, e);
      }
      return new Stored(hex, size, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new file whose every failure to open or write is {@link Unwritable}: the disk's fault, told
   * apart from a fault in what is being copied into it.
   */
  public static OutputStream create(Path file) throws Unwritable {
    OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new Unwritable(file, e);
    }
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw new Unwritable(file, e);
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw new Unwritable(file, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } catch (IOException e) {
          throw new Unwritable(file, e);
        }
      }
    };
  }

  /**
   * The bot's own disk failed (full, read-only, not a directory): a fault of the whole server,
   * never of the message being stored, which stays where it is until the disk is back.
   */
  public static final class Unwritable extends IOException {
    private static final long serialVersionUID = 1L;

    public Unwritable(Path where, IOException cause) {
      super("cannot write under " + where + ": " + cause, cause);
    }
  }

  /** Stores a file already on disk (an attachment streamed to a temp file). */
  public Stored putFile(Path file, String suffix) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return put(in, suffix);
    }
  }

  /** Puts a file stored {@link #putLocally locally} where every instance finds it. */
  public void share(Stored stored) throws Unwritable {
    saveShared(stored.sha256(), stored.path());
  }

  private void saveShared(String hex, Path target) throws Unwritable {
    try {
      shared.save(hex, target);
    } catch (IOException e) {
      throw new Unwritable(root, e);
    } catch (RuntimeException e) {
      // the shared copy is in the database: down is the whole server's fault, as a full disk is
      throw new Unwritable(root, new IOException(e.getMessage(), e));
    }
  }

  /**
   * The file of that hash on this host: the copy already here, else fetched from the shared copy
   * and checked against its hash before it is given a real name.
   *
   * @throws java.nio.file.NoSuchFileException when neither this host nor the shared copy has it
   */
  public Path local(String sha256, String suffix) throws IOException {
    Path target = pathFor(sha256, suffix);
    if (Files.isRegularFile(target)) return target;
    Path tmp = Files.createTempFile(Files.createDirectories(root.resolve("tmp")), "get-", ".part");
    try {
      if (!shared.fetch(sha256, tmp))
        throw new java.nio.file.NoSuchFileException(
            target.toString(), null, "not stored on this host nor in the shared store");
      String actual = Sha256.of(tmp);
      if (!actual.equalsIgnoreCase(sha256))
        throw new IOException("the shared copy of " + sha256 + " hashes to " + actual);
      Files.createDirectories(target.getParent());
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The file a row recorded: where it was written when that is on this host, else by its hash. */
  public Path local(String sha256, String suffix, String recordedPath) throws IOException {
    if (recordedPath != null) {
      Path recorded = Path.of(recordedPath);
      if (Files.isRegularFile(recorded) || sha256 == null) return recorded;
    }
    return local(sha256, suffix);
  }

  /**
   * Where the file a row recorded is on this host, fetched if need be; when it cannot be had, where
   * it would be, so the reader reports it missing (or changed) by its own rule, as it does a file
   * lost from a single host's disk.
   */
  public Path located(String sha256, String suffix, String recordedPath) {
    try {
      return local(sha256, suffix, recordedPath);
    } catch (IOException e) {
      return recordedPath != null ? Path.of(recordedPath) : pathFor(sha256, suffix);
    }
  }

  /**
   * A file this store wrote, by the path recorded when it was written (on this host or another):
   * that path when it is here, else the same content address (its name) here, fetched if need be. A
   * path this store did not name is returned as it is.
   */
  public Path located(Path recorded) {
    if (Files.isRegularFile(recorded) || recorded.getFileName() == null) return recorded;
    String name = recorded.getFileName().toString();
    if (name.length() < 64 || !name.substring(0, 64).matches("[0-9a-f]{64}")) return recorded;
    return located(name.substring(0, 64), name.substring(64), recorded.toString());
  }

  /**
   * Removes the file of that hash for good: this host's copy, the path a row recorded (when this
   * store named it) and the shared copy. The caller has checked that no record still needs it.
   */
  public void remove(String sha256, String suffix, String recordedPath) throws IOException {
    removeLocally(sha256, suffix, recordedPath);
    try {
      shared.remove(sha256);
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Removes this host's copy of that hash (and the recorded path, when this store named it), not
   * the shared one.
   *
   * @return whether a copy was here
   */
  public boolean removeLocally(String sha256, String suffix, String recordedPath)
      throws IOException {
    boolean removed = Files.deleteIfExists(pathFor(sha256, suffix));
    if (recordedPath != null) {
      Path recorded = Path.of(recordedPath);
      Path name = recorded.getFileName();
      if (name != null && name.toString().equals(sha256 + suffix))
        removed |= Files.deleteIfExists(recorded);
    }
    return removed;
  }

  public Path pathFor(String sha256, String suffix) {
    return root.resolve(sha256.substring(0, 2)).resolve(sha256 + suffix);
  }

  public Path root() {
    return root;
  }

  public static MessageDigest sha256() {
    return Sha256.digest();
  }

  private static void force(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}
