package org.outputintake.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes working directories. They hold confidential data (attachments, expanded archives), so
 * they are removed as soon as the work is done; links inside are deleted, never followed.
 */
public final class TempFiles {
  private TempFiles() {}

  public static void deleteTree(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
