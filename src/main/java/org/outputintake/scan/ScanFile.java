package org.outputintake.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.outputintake.text.FileNames;

/**
 * A file on local disk waiting to be scanned.
 *
 * @param path where its bytes are (a temp file or the store; never trust its name)
 * @param displayName the name the researcher gave it, used in reports and replies
 * @param mediaType the type detected from the bytes (filled in by the {@link FileInspector}); may
 *     be null before
 * @param size size in bytes
 * @param depth 0 for a file given directly, 1 for an archive entry, 2 for an entry of a nested
 *     archive, ...
 * @param receivedName the name exactly as the sender's mail or archive gave it, before it was made
 *     fit to show: the file rules judge whether the name itself is unsafe on this one
 */
public record ScanFile(
    Path path, String displayName, String mediaType, long size, int depth, String receivedName) {
  public ScanFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(receivedName, "receivedName");
    if (depth < 0) throw new IllegalArgumentException("depth must be >= 0");
  }

  /** A file whose name was received as it is displayed. */
  public ScanFile(Path path, String displayName, String mediaType, long size, int depth) {
    this(path, displayName, mediaType, size, depth, displayName);
  }

  /** The lower-case extension of the display name without the dot ({@code "csv"}), or empty. */
  public String extension() {
    return FileNames.extension(displayName);
  }

  /**
   * A file given directly (depth 0), named as given; the type is left for the inspector to detect.
   */
  public static ScanFile of(Path path) {
    return of(path, path.toString());
  }

  /** A file given directly under the name the researcher used. */
  public static ScanFile of(Path path, String displayName) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + displayName, e);
    }
    return new ScanFile(path, displayName, null, size, 0);
  }

  public ScanFile withMediaType(String type) {
    return new ScanFile(path, displayName, type, size, depth, receivedName);
  }
}
