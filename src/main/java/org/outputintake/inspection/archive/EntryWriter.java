package org.outputintake.inspection.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.text.FileNames;

/**
 * Writes the entries of one archive into its own directory, counting every byte as it is copied so
 * that the limits are enforced while streaming: the copy stops at the first byte over a limit,
 * before it is written. The first refusal wins; after it nothing more is written and {@link
 * #discard} removes what was.
 */
final class EntryWriter {
  static final String ARCHIVE_UNSAFE = "ARCHIVE_UNSAFE";
  // Small archives have large ratios for harmless reasons (headers, one short repetitive file).
  private static final long RATIO_FLOOR_BYTES = 4096;
  private static final int BUFFER = 8192;

  private final ScanFile archive;
  private final FilePolicy.ArchiveLimits limits;
  private final ArchiveBudget budget;
  private final Path dir;
  private final long ratioLimitBytes;
  private final List<ScanFile> written = new ArrayList<>();
  private final List<Finding> refusals = new ArrayList<>();
  private long expanded;
  private int index;

  EntryWriter(
      ScanFile archive,
      long archiveBytes,
      FilePolicy.ArchiveLimits limits,
      ArchiveBudget budget,
      Path dir) {
    this.archive = archive;
    this.limits = limits;
    this.budget = budget;
    this.dir = dir;
    this.ratioLimitBytes = (long) limits.maxRatio() * Math.max(archiveBytes, RATIO_FLOOR_BYTES);
  }

  boolean refused() {
    return !refusals.isEmpty();
  }

  List<ScanFile> entries() {
    return List.copyOf(written);
  }

  List<Finding> refusals() {
    return List.copyOf(refusals);
  }

  /**
   * Checks an entry's name; false (with a refusal recorded) when the archive must not be opened.
   */
  boolean admitName(String rawName) {
    if (refused()) return false;
    String problem = EntryNames.problem(rawName);
    if (problem == null) return true;
    return refuse(
        EntryNames.display(rawName),
        "An entry in the archive "
            + problem
            + ". Archives like this "
            + "can overwrite files outside the folder they are opened in ('zip slip'), so it was not opened. "
            + "Create the archive again from the files themselves, with plain relative names.");
  }

  /** Counts one entry against the limit shared with the enclosing archives. */
  boolean admitEntry() {
    if (refused()) return false;
    if (budget.takeEntry()) return true;
    return refuse("", tooManyEntries(limits));
  }

  static String tooManyEntries(FilePolicy.ArchiveLimits limits) {
    return "The archive holds more than "
        + limits.maxEntries()
        + " files (archives inside it included). "
        + "Split the request into smaller archives, or send fewer files.";
  }

  /** Records a refusal tied to an entry, such as a link or an unsupported entry type. */
  boolean refuse(String location, String message) {
    if (!refused()) refusals.add(Finding.requestProblem(ARCHIVE_UNSAFE, location, message));
    return false;
  }

  void refuseWith(Finding finding) {
    if (!refused()) refusals.add(finding);
  }

  /** Copies one entry; false when a limit was passed (the partial file is deleted). */
  boolean write(String rawName, InputStream in) throws IOException {
    if (refused()) return false;
    index++;
    String stored =
        String.format("%05d-%s", index, SafeFileName.of(FileNames.lastElement(rawName)).stored());
    Path target = dir.resolve(stored);
    if (!target.getParent().equals(dir))
      throw new IOException("stored name escaped the archive folder");
    long size = 0;
    boolean over = false;
    try (OutputStream out =
        Files.newOutputStream(
            target,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      byte[] buffer = new byte[BUFFER];
      int n;
      while (!over && (n = in.read(buffer)) > 0) {
        over = !withinLimits(n);
        if (!over) {
          out.write(buffer, 0, n);
          size += n;
        }
      }
    }
    if (over) {
      Files.deleteIfExists(target);
      return false;
    }
    String display = archive.displayName() + "!/" + EntryNames.display(rawName);
    written.add(new ScanFile(target, display, null, size, archive.depth() + 1, rawName));
    return true;
  }

  private boolean withinLimits(int n) {
    expanded += n;
    if (!budget.takeBytes(n)) {
      return refuse(
          "",
          "The archive expands to more than "
              + mb(limits.maxExpandedBytes())
              + " (archives "
              + "inside it included). Send the files in smaller archives or on their own.");
    }
    if (expanded > ratioLimitBytes) {
      return refuse(
          "",
          "The archive expands more than "
              + limits.maxRatio()
              + " times its own size, which "
              + "is how 'zip bombs' work, so it was not opened. Send the files uncompressed or in a normal zip.");
    }
    return true;
  }

  /** Deletes everything written for this archive, its directory included. */
  void discard() {
    for (ScanFile f : written) {
      try {
        Files.deleteIfExists(f.path());
      } catch (IOException e) {
        f.path().toFile().deleteOnExit();
      }
    }
    written.clear();
    try (var rest = Files.list(dir)) {
      for (Path p : rest.toList()) Files.deleteIfExists(p);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }

  static String mb(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : String.format("%.1f MB", bytes / 1048576.0);
  }
}
