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
import java.security.NoSuchAlgorithmException;
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

  public Stored putWriting(Writer writer, String suffix) throws IOException {
    Path tmpDir = Files.createDirectories(root.resolve("tmp"));
    Path tmp = Files.createTempFile(tmpDir, "in-", ".part");
    try {
      MessageDigest digest = sha256();
      try (OutputStream out =
          new java.io.BufferedOutputStream(
              new DigestOutputStream(Files.newOutputStream(tmp), digest), 64 * 1024)) {
        writer.writeTo(out);
      }
      long size = Files.size(tmp);
      force(tmp);
      String hex = HexFormat.of().formatHex(digest.digest());
      Path target = pathFor(hex, suffix);
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
    } finally {
      Files.deleteIfExists(tmp);
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
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}
