package org.outputintake.sharefolder;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outputintake.scan.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folder mode: the request names a folder in the project's "Ready for Checking" on the share
 * instead of attaching files. {@link #snapshot} copies the folder into the bot's store, with a
 * SHA-256 per file, so the checks and the officers work on exactly what was submitted; {@link
 * #compare} shows what changed since.
 *
 * <p>The share is {@code <shareRoot>/<project>/Ready for Checking/<folder>}. Links are never
 * followed: a symbolic link in the folder is reported (FOLDER_LINK) and skipped, and a folder whose
 * real path leaves the share is treated as not found.
 */
public final class FolderSnapshots {
  public static final String READY_FOR_CHECKING = "Ready for Checking";
  public static final String FOLDER_NOT_FOUND = "FOLDER_NOT_FOUND";
  public static final String FOLDER_LINK = "FOLDER_LINK";
  public static final String FOLDER_EMPTY = "FOLDER_EMPTY";
  public static final String FOLDER_TOO_LARGE = "FOLDER_TOO_LARGE";
  public static final String FOLDER_FILE_UNREADABLE = "FOLDER_FILE_UNREADABLE";
  private static final Logger LOG = LoggerFactory.getLogger(FolderSnapshots.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_DEPTH = 32;

  /** Bounds on one folder: a request is a handful of outputs, not a data set. */
  public record Limits(int maxFiles, long maxTotalBytes) {
    public static final Limits DEFAULT = new Limits(2_000, 2L << 30);

    public Limits {
      if (maxFiles < 1 || maxTotalBytes < 1)
        throw new IllegalArgumentException("limits must be positive");
    }
  }

  private final Path shareRoot;
  private final Path storeDir;
  private final Clock clock;
  private final Limits limits;

  public FolderSnapshots(Path shareRoot, Path storeDir, Clock clock, Limits limits) {
    this.shareRoot = shareRoot.toAbsolutePath().normalize();
    this.storeDir = storeDir.toAbsolutePath().normalize();
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Copies {@code <project>/Ready for Checking/<folder>} into the store. A missing folder or a name
   * that is not a plain folder name is a FOLDER_NOT_FOUND finding, not an exception.
   *
   * @throws IOException when the store cannot be written (an operational problem, not the
   *     researcher's)
   */
  public SnapshotResult snapshot(String projectNumber, String folderName) throws IOException {
    Optional<Path> folder = locate(projectNumber, folderName);
    if (folder.isEmpty()) {
      return new SnapshotResult(Optional.empty(), List.of(notFound(folderName)));
    }
    Instant takenAt = clock.instant();
    Path target = newSnapshotDir(projectNumber, folder.get().getFileName().toString(), takenAt);
    FolderCopier copier = new FolderCopier(folder.get(), target, limits);
    try {
      Files.walkFileTree(
          folder.get(), EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, copier);
    } catch (IOException | RuntimeException e) {
      deleteTree(target);
      throw e;
    }
    List<Finding> findings = new ArrayList<>(copier.findings());
    if (copier.tooLarge()) {
      deleteTree(target);
      return new SnapshotResult(Optional.empty(), findings);
    }
    if (copier.files().isEmpty()) {
      findings.add(
          Finding.requestProblem(
              FOLDER_EMPTY,
              READY_FOR_CHECKING + "/" + folderName,
              "The folder '"
                  + folderName
                  + "' in Ready for Checking has no files in it. Put the files for output "
                  + "and the completed request form in the folder, then send the request again."));
    }
    List<SnapshotFile> files =
        copier.files().stream().sorted(Comparator.comparing(SnapshotFile::relativePath)).toList();
    LOG.info(
        "snapshot of project {} folder {}: {} files",
        projectNumber,
        folder.get().getFileName(),
        files.size());
    return new SnapshotResult(
        Optional.of(
            new FolderSnapshot(
                projectNumber, folder.get().getFileName().toString(), takenAt, target, files)),
        findings);
  }

  /**
   * What changed in {@code currentFolder} since the snapshot: files added, removed, or whose
   * content differs. A folder that no longer exists shows every file as removed.
   */
  public List<FolderChange> compare(FolderSnapshot snapshot, Path currentFolder)
      throws IOException {
    return FolderComparison.compare(snapshot, currentFolder, limits);
  }

  /** {@link #compare(FolderSnapshot, Path)} against the folder the snapshot was taken from. */
  public List<FolderChange> compare(FolderSnapshot snapshot) throws IOException {
    Optional<Path> folder = locate(snapshot.project(), snapshot.folder());
    return compare(
        snapshot,
        folder.orElse(
            shareRoot
                .resolve(snapshot.project())
                .resolve(READY_FOR_CHECKING)
                .resolve(snapshot.folder())));
  }

  /** Deletes a snapshot's copies (when its ticket is closed and archived elsewhere). */
  public void discard(FolderSnapshot snapshot) throws IOException {
    Path dir = snapshot.storeDir().toAbsolutePath().normalize();
    if (!dir.startsWith(storeDir) || dir.equals(storeDir)) {
      throw new IllegalArgumentException("snapshot is not in this store: " + dir);
    }
    deleteTree(dir);
  }

  /** The folder on the share, or empty when it does not exist or the names are not plain names. */
  Optional<Path> locate(String projectNumber, String folderName) throws IOException {
    if (!isPlainName(projectNumber) || !isPlainName(folderName)) return Optional.empty();
    Optional<Path> project = child(shareRoot, projectNumber);
    Optional<Path> ready = project.flatMap(p -> uncheckedChild(p, READY_FOR_CHECKING));
    Optional<Path> folder = ready.flatMap(r -> uncheckedChild(r, folderName));
    if (folder.isEmpty()) return Optional.empty();
    Path real = folder.get().toRealPath();
    if (!real.startsWith(shareRoot.toRealPath()) || Files.isSymbolicLink(folder.get())) {
      LOG.warn(
          "folder {} for project {} leaves the share or is a link; refused",
          folderName,
          projectNumber);
      return Optional.empty();
    }
    return folder;
  }

  static boolean isPlainName(String name) {
    return name != null
        && !name.isBlank()
        && !name.contains("/")
        && !name.contains("\\")
        && !name.contains("..")
        && !name.contains("\0")
        && !name.equals(".")
        && !Path.of(name).isAbsolute()
        && name.length() <= 255
        && !name.matches("(?i)[a-z]:.*");
  }

  /** A directory entry named exactly, else the single one whose name matches ignoring case. */
  private static Optional<Path> child(Path dir, String name) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    Path exact = dir.resolve(name);
    if (Files.isDirectory(exact, LinkOption.NOFOLLOW_LINKS)) return Optional.of(exact);
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (p.getFileName()
                .toString()
                .toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          matches.add(p);
        }
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private static Optional<Path> uncheckedChild(Path dir, String name) {
    try {
      return child(dir, name);
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", dir.getFileName(), e.toString());
      return Optional.empty();
    }
  }

  private static Finding notFound(String folderName) {
    String shown = folderName == null ? "" : folderName;
    return Finding.requestProblem(
        FOLDER_NOT_FOUND,
        READY_FOR_CHECKING + "/" + shown,
        "The folder '"
            + READY_FOR_CHECKING
            + "/"
            + shown
            + "' was not found in your project. Check that the "
            + "folder is in Ready for Checking and that the name in your email and on the form is exactly "
            + "the folder's name (one folder name, no path), named like 2024_01_16_EnergyUseModel_v1.");
  }

  private Path newSnapshotDir(String project, String folder, Instant takenAt) throws IOException {
    Path parent = storeDir.resolve(project);
    Files.createDirectories(parent);
    String base = folder + "_" + STAMP.format(takenAt);
    for (int i = 0; ; i++) {
      Path dir = parent.resolve(i == 0 ? base : base + "-" + i);
      try {
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          // copies of confidential outputs: readable by the bot's user only
          Files.createDirectory(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(dir);
        }
        return dir;
      } catch (FileAlreadyExistsException e) {
        if (i > 1000) throw e;
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    org.outputintake.store.TempFiles.deleteTree(dir);
  }

  static boolean isAccessDenied(IOException e) {
    return e instanceof AccessDeniedException;
  }
}
