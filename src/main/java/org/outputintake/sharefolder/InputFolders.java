package org.outputintake.sharefolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a finished ingest or transfer puts its files: {@code <shareRoot>/<project>/Input/<ticket
 * id>/}, each file byte for byte as checked, with a {@code SHA256SUMS} manifest beside them. The
 * folder appears whole or not at all (written under a hidden name and renamed), so a researcher
 * never works from half a delivery; a delivery repeated with the same files (a command retried
 * after its transaction lost a race) finds the folder already there and changes nothing.
 */
public final class InputFolders {
  public static final String INPUT = "Input";
  public static final String MANIFEST = "SHA256SUMS";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** A checked file: its path inside the request, where the store keeps it, and its hash. */
  public record Source(String relativePath, Path stored, String sha256) {
    public Source {
      Objects.requireNonNull(relativePath, "relativePath");
      Objects.requireNonNull(stored, "stored");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** The folder written and, per file, what was written there (its hash read while copying). */
  public record Delivered(Path folder, List<SnapshotFile> files) {
    public Delivered {
      Objects.requireNonNull(folder, "folder");
      files = List.copyOf(files);
    }
  }

  /** Why nothing was delivered: said to the officer, who can act on it. */
  public static final class NotDelivered extends Exception {
    private static final long serialVersionUID = 1L;

    NotDelivered(String reason) {
      super(reason);
    }
  }

  private final Path shareRoot;

  public InputFolders(Path shareRoot) {
    this.shareRoot = shareRoot.toAbsolutePath().normalize();
  }

  /** {@code Input/<ticket id>} of {@code project}, as the researcher finds it on the share. */
  public static String shownPath(String project, String ticketId) {
    return project + "/" + INPUT + "/" + ticketId;
  }

  /**
   * Copies {@code files} into {@code <project>/Input/<ticketId>/} and writes the manifest.
   *
   * @throws NotDelivered when the project has no folder on the share, the ticket's folder already
   *     holds other files, or a copy's bytes differ from what was checked (nothing is left behind)
   * @throws IOException when the share cannot be written
   */
  public Delivered deliver(String project, String ticketId, List<Source> files)
      throws IOException, NotDelivered {
    if (!PLAIN_NAME.matcher(project).matches() || !PLAIN_NAME.matcher(ticketId).matches())
      throw new NotDelivered("'" + project + "/" + ticketId + "' is not a plain folder name");
    Path projectDir = shareRoot.resolve(project);
    if (!Files.isDirectory(projectDir, LinkOption.NOFOLLOW_LINKS))
      throw new NotDelivered(
          "project " + project + " has no folder on the share (" + projectDir + ")");
    Path input = projectDir.resolve(INPUT);
    if (Files.isSymbolicLink(input))
      throw new NotDelivered(input + " is a link; the bot never writes through one");
    Files.createDirectories(input);
    Path target = input.resolve(ticketId);
    String manifest = manifest(files);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return already(target, manifest, files);
    Path partial = input.resolve("." + ticketId + ".partial");
    deleteTree(partial);
    Files.createDirectory(partial);
    List<SnapshotFile> written = new ArrayList<>();
    try {
      for (Source f : files) {
        String rel = relative(f.relativePath());
        Path copy = partial.resolve(rel).normalize();
        if (!copy.startsWith(partial))
          throw new NotDelivered("'" + rel + "' would leave the ticket's folder");
        Files.createDirectories(copy.getParent());
        SnapshotFile w = FolderCopier.copyAndHash(f.stored(), copy, rel);
        if (!w.sha256().equalsIgnoreCase(f.sha256()))
          throw new NotDelivered(
              rel + ": the copy's SHA-256 " + w.sha256() + " is not the checked " + f.sha256());
        written.add(new SnapshotFile(rel, target.resolve(rel), w.size(), w.sha256()));
      }
      Files.writeString(partial.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NotDelivered | IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    return new Delivered(target, written);
  }

  private static Delivered already(Path target, String manifest, List<Source> files)
      throws IOException, NotDelivered {
    Path existing = target.resolve(MANIFEST);
    if (Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)
        && Files.readString(existing, StandardCharsets.UTF_8).equals(manifest)) {
      List<SnapshotFile> out = new ArrayList<>();
      for (Source f : files) {
        String rel = relative(f.relativePath());
        Path p = target.resolve(rel);
        if (!FolderCopier.sha256Of(p).equalsIgnoreCase(f.sha256()))
          throw new NotDelivered(
              target + " holds " + rel + " with other bytes than were checked: move it away");
        out.add(new SnapshotFile(rel, p, Files.size(p), f.sha256().toLowerCase()));
      }
      return new Delivered(target, out);
    }
    throw new NotDelivered(
        target + " already exists with other files: move it away, then #complete again");
  }

  /** {@code <sha256> <path>} per file, sorted by path: what {@code sha256sum -c} reads. */
  static String manifest(List<Source> files) throws NotDelivered {
    List<String> lines = new ArrayList<>();
    for (Source f : files)
      lines.add(f.sha256().toLowerCase(java.util.Locale.ROOT) + "  " + relative(f.relativePath()));
    lines.sort(Comparator.comparing(l -> l.substring(66)));
    return String.join("\n", lines) + "\n";
  }

  /** A request's own path for a file, '/'-separated, never climbing out or naming the manifest. */
  private static String relative(String name) throws NotDelivered {
    String rel = name.replace('\\', '/');
    for (String part : rel.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains(":"))
        throw new NotDelivered("'" + name + "' is not a plain file name");
    }
    if (rel.equals(MANIFEST)) throw new NotDelivered("a file named " + MANIFEST + " was checked");
    return rel;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
