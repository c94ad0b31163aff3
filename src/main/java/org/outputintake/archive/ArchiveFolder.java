package org.outputintake.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.outputintake.store.RawStore;

/**
 * The export being written, in a temp folder: every file is hashed as it is written and forced to
 * disk, and a copy from the store is checked against the SHA-256 recorded for it before it is kept.
 */
final class ArchiveFolder {
  /** A file in the export. */
  record Entry(String path, long size, String sha256) {}

  private final Path root;
  private final List<Entry> entries = new ArrayList<>();
  private final List<ArchiveResult.Problem> problems = new ArrayList<>();

  ArchiveFolder(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<ArchiveResult.Problem> problems() {
    return List.copyOf(problems);
  }

  void problem(ArchiveResult.Problem p) {
    problems.add(p);
  }

  /** Writes a generated file (CSV, JSON, a rebuilt reply). */
  Entry write(String relative, RawStore.Writer writer) throws IOException {
    Path target = target(relative);
    MessageDigest digest = RawStore.sha256();
    try (OutputStream out =
        new BufferedOutputStream(
            new DigestOutputStream(
                Files.newOutputStream(
                    target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                digest),
            64 * 1024)) {
      writer.writeTo(out);
    }
    force(target);
    Entry e = new Entry(relative, Files.size(target), HexFormat.of().formatHex(digest.digest()));
    entries.add(e);
    return e;
  }

  /**
   * Copies a stored file, keeping it only if its bytes still have the recorded SHA-256; otherwise
   * the copy is removed and the problem recorded.
   *
   * @return the entry, or null when the file is missing, unreadable or changed
   */
  Entry copyVerified(Path source, String relative, String expectedSha256) throws IOException {
    Path target = target(relative);
    Entry e;
    try (InputStream in = Files.newInputStream(source)) {
      e = write(relative, in::transferTo);
    } catch (NoSuchFileException ex) {
      Files.deleteIfExists(target);
      problems.add(
          new ArchiveResult.Problem(
              "missing", relative, "not in the store at " + source, expectedSha256, null));
      return null;
    } catch (AccessDeniedException ex) {
      Files.deleteIfExists(target);
      problems.add(
          new ArchiveResult.Problem(
              "unreadable", relative, "permission denied: " + source, expectedSha256, null));
      return null;
    }
    if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(e.sha256())) {
      entries.remove(e);
      Files.delete(target);
      problems.add(
          new ArchiveResult.Problem(
              "mismatch",
              relative,
              "the stored bytes no longer match the SHA-256 recorded when they were received; not copied",
              expectedSha256,
              e.sha256()));
      return null;
    }
    return e;
  }

  private Path target(String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root))
      throw new IllegalArgumentException("not inside the export: " + relative);
    Files.createDirectories(target.getParent());
    return target;
  }

  static void force(Path path) {
    try (FileChannel ch =
        FileChannel.open(
            path, Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // directories cannot be forced on every platform; the files themselves were
    }
  }
}
