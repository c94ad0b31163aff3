package org.outputintake.sharefolder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file copied from a submitted folder.
 *
 * @param relativePath the path inside the folder, '/'-separated (e.g. {@code tables/table1.csv})
 * @param storedPath where the copy is kept
 * @param size bytes
 * @param sha256 lower-case hex SHA-256 of the bytes
 */
public record SnapshotFile(String relativePath, Path storedPath, long size, String sha256) {
  public SnapshotFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(storedPath, "storedPath");
    Objects.requireNonNull(sha256, "sha256");
    if (relativePath.isBlank()
        || relativePath.startsWith("/")
        || relativePath.contains("\\")
        || relativePath.equals("..")
        || relativePath.startsWith("../")
        || relativePath.contains("/../")) {
      throw new IllegalArgumentException(
          "relativePath must be a relative '/'-separated path: " + relativePath);
    }
    if (size < 0) throw new IllegalArgumentException("size must not be negative");
    if (!sha256.matches("[0-9a-f]{64}"))
      throw new IllegalArgumentException("sha256 must be 64 hex digits");
  }
}
