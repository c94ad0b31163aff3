package org.outputintake.sharefolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.store.Sha256;

/**
 * Copies a folder's regular files into a snapshot directory, hashing as it goes; links are skipped.
 */
final class FolderCopier extends SimpleFileVisitor<Path> {
  private final Path source;
  private final Path target;
  private final FolderSnapshots.Limits limits;
  private final List<SnapshotFile> files = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private long totalBytes;
  private boolean tooLarge;

  FolderCopier(Path source, Path target, FolderSnapshots.Limits limits) {
    this.source = source;
    this.target = target;
    this.limits = limits;
  }

  List<SnapshotFile> files() {
    return files;
  }

  List<Finding> findings() {
    return findings;
  }

  boolean tooLarge() {
    return tooLarge;
  }

  static String relative(Path root, Path file) {
    List<String> parts = new ArrayList<>();
    root.relativize(file).forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
    String rel = relative(source, file);
    if (attrs.isSymbolicLink()) {
      findings.add(
          Finding.warning(
              FolderSnapshots.FOLDER_LINK,
              rel,
              "'"
                  + rel
                  + "' is a link (shortcut), not a "
                  + "file, so it was not included. Put a copy of the file itself in the folder if it is part of the "
                  + "request."));
      return FileVisitResult.CONTINUE;
    }
    if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
    totalBytes += attrs.size();
    if (files.size() + 1 > limits.maxFiles() || totalBytes > limits.maxTotalBytes()) {
      tooLarge = true;
      findings.add(
          Finding.requestProblem(
              FolderSnapshots.FOLDER_TOO_LARGE,
              "",
              "The folder holds more than "
                  + limits.maxFiles()
                  + " files or "
                  + (limits.maxTotalBytes() >> 20)
                  + " MB, more than one output request can hold. Split it into smaller requests, keeping only the "
                  + "files for output and their supporting material."));
      return FileVisitResult.TERMINATE;
    }
    Path copy = target.resolve(rel);
    Files.createDirectories(copy.getParent());
    try {
      files.add(copyAndHash(file, copy, rel));
    } catch (IOException e) {
      if (!FolderSnapshots.isAccessDenied(e)) throw e;
      Files.deleteIfExists(copy);
      findings.add(unreadable(rel));
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    if (!dir.equals(source) && attrs.isSymbolicLink()) return FileVisitResult.SKIP_SUBTREE;
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
    if (!FolderSnapshots.isAccessDenied(e)) throw e;
    findings.add(unreadable(relative(source, file)));
    return FileVisitResult.CONTINUE;
  }

  private static Finding unreadable(String rel) {
    return Finding.requestProblem(
        FolderSnapshots.FOLDER_FILE_UNREADABLE,
        rel,
        "'"
            + rel
            + "' could not be read from "
            + "the folder (permission denied). Make sure every file in the folder can be opened, then send the "
            + "request again.");
  }

  static SnapshotFile copyAndHash(Path file, Path copy, String rel) throws IOException {
    MessageDigest sha = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    // NOFOLLOW_LINKS on open: a file swapped for a link after the walk saw it is refused, not
    // followed
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    }
    return new SnapshotFile(rel, copy, size, Sha256.hex(sha));
  }

  static String sha256Of(Path file) throws IOException {
    // a link swapped in after the walk must not be followed out of the project's folder
    return Sha256.of(file, LinkOption.NOFOLLOW_LINKS);
  }

  private static MessageDigest sha256() {
    return Sha256.digest();
  }
}
