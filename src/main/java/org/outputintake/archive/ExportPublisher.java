package org.outputintake.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a finished export in place with one rename, so a reader sees the whole folder or none of it.
 * An existing folder is left alone unless it is byte for byte the same (a re-export), or an earlier
 * export its own manifest marks incomplete.
 */
final class ExportPublisher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportPublisher() {}

  static ArchiveResult.Outcome publish(Path written, Path target) throws IOException {
    if (!Files.exists(target)) {
      try {
        move(written, target);
        return ArchiveResult.Outcome.WRITTEN;
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // another export got there first: compare with it below
      }
    }
    if (identical(written, target)) {
      deleteTree(written);
      return ArchiveResult.Outcome.UNCHANGED;
    }
    if (!markedIncomplete(target)) {
      deleteTree(written);
      throw new ArchiveException.Conflict(
          target
              + " already holds a different export of this ticket; the permanent "
              + "record is never overwritten: move it away, or export into another directory");
    }
    Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
    move(target, old);
    move(written, target);
    deleteTree(old);
    return ArchiveResult.Outcome.REPLACED_INCOMPLETE;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
    ArchiveFolder.force(to.getParent());
  }

  static boolean identical(Path a, Path b) throws IOException {
    if (!Files.isDirectory(b)) return false;
    List<Path> left = files(a);
    List<Path> right = files(b);
    if (!left.equals(right)) return false;
    for (Path rel : left) {
      if (Files.mismatch(a.resolve(rel), b.resolve(rel)) != -1L) return false;
    }
    return true;
  }

  private static boolean markedIncomplete(Path target) {
    try {
      JsonNode manifest = JSON.readTree(target.resolve("manifest.json").toFile());
      return manifest != null
          && manifest.path("complete").isBoolean()
          && !manifest.path("complete").asBoolean();
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
