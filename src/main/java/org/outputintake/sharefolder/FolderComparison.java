package org.outputintake.sharefolder;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a snapshot with a folder as it is now. Sizes are compared first; content is hashed only
 * when needed.
 */
final class FolderComparison {
  private FolderComparison() {}

  static List<FolderChange> compare(
      FolderSnapshot snapshot, Path folder, FolderSnapshots.Limits limits) throws IOException {
    Map<String, SnapshotFile> before = new TreeMap<>();
    snapshot.files().forEach(f -> before.put(f.relativePath(), f));
    Map<String, Path> now = current(folder, limits);
    List<FolderChange> changes = new ArrayList<>();
    for (String rel : union(before.keySet(), now.keySet())) {
      SnapshotFile old = before.get(rel);
      Path file = now.get(rel);
      if (old == null) {
        changes.add(new FolderChange(rel, FolderChange.Kind.ADDED));
      } else if (file == null) {
        changes.add(new FolderChange(rel, FolderChange.Kind.REMOVED));
      } else if (Files.size(file) != old.size()
          || !FolderCopier.sha256Of(file).equals(old.sha256())) {
        changes.add(new FolderChange(rel, FolderChange.Kind.MODIFIED));
      }
    }
    return List.copyOf(changes);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Regular files now in the folder (links are not followed, as when the snapshot was taken). */
  private static Map<String, Path> current(Path folder, FolderSnapshots.Limits limits)
      throws IOException {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return files;
    Files.walkFileTree(
        folder,
        EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        32,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) files.put(FolderCopier.relative(folder, file), file);
            // a folder grown far past the limit is shown as far as the limit; the rest adds nothing
            // for officers
            return files.size() > limits.maxFiles() * 2
                ? FileVisitResult.TERMINATE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }
}
