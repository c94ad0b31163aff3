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

  public RawStore(Path root) {
    this.root = root;
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
      try {
        long size = Files.size(tmp);
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
        return new Stored(hex, size, target);
      } catch (IOException e) {
        throw new Unwritable(root, e);
      }
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
