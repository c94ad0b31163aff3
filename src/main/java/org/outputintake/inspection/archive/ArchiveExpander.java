package org.outputintake.inspection.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.text.FileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands zip, 7z, tar, tar.gz/tgz, tar.bz2 and single gzip/bzip2 files into a fresh directory,
 * refusing the whole archive on the first unsafe sign: path traversal, absolute names, links or
 * devices, nesting beyond the depth limit, too many entries, too many bytes, too high a compression
 * ratio, or encrypted entries.
 */
public final class ArchiveExpander {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveExpander.class);
  static final String ZIP = "application/zip";
  static final String SEVEN_Z = "application/x-7z-compressed";
  static final Set<String> TAR = Set.of("application/x-tar", "application/x-gtar");
  static final Set<String> GZIP = Set.of("application/gzip", "application/x-gzip");
  static final String BZIP2 = "application/x-bzip2";
  private static final int SEVEN_Z_MEMORY_KB = 64 * 1024;
  private static final int UNIX_SYMLINK = 0xA000;

  private final FilePolicy.ArchiveLimits limits;

  public ArchiveExpander(FilePolicy.ArchiveLimits limits) {
    this.limits = limits;
  }

  /**
   * Whether the detected type is one this class expands (OOXML packages are zips but are not
   * archives here).
   */
  public static boolean isArchive(String mediaType) {
    return ZIP.equals(mediaType)
        || SEVEN_Z.equals(mediaType)
        || TAR.contains(mediaType)
        || GZIP.contains(mediaType)
        || BZIP2.equals(mediaType);
  }

  /**
   * The archive's entries written under {@code workDir}, or, when it is refused, no entries and the
   * findings that say why (nothing of it is left on disk).
   */
  public Expansion expand(ScanFile archive, String mediaType, ArchiveBudget budget, Path workDir)
      throws IOException {
    if (archive.depth() >= limits.maxDepth()) {
      return Expansion.refused(
          Finding.requestProblem(
              EntryWriter.ARCHIVE_UNSAFE,
              "",
              "This archive is nested inside other archives more than "
                  + limits.maxDepth()
                  + " levels deep. Deep "
                  + "nesting is a way to hide content or exhaust the checker, so it was not opened. Put the files "
                  + "in a single archive instead."));
    }
    Files.createDirectories(workDir);
    Path dir = Files.createTempDirectory(workDir, "archive-");
    EntryWriter writer = new EntryWriter(archive, Files.size(archive.path()), limits, budget, dir);
    try {
      if (ZIP.equals(mediaType)) zip(archive.path(), writer);
      else if (SEVEN_Z.equals(mediaType)) sevenZ(archive.path(), writer);
      else if (TAR.contains(mediaType)) tar(Files.newInputStream(archive.path()), writer);
      else if (GZIP.contains(mediaType) || BZIP2.equals(mediaType))
        compressed(archive, mediaType, writer);
      else
        writer.refuse(
            "", "This kind of archive (" + mediaType + ") cannot be opened. Send a zip instead.");
    } catch (PasswordRequiredException e) {
      writer.refuseWith(encrypted(""));
    } catch (IOException | RuntimeException | LinkageError e) {
      // LinkageError: 7z's LZMA codecs need the optional xz library; an archive we cannot read is
      // refused.
      LOG.info("archive {} could not be read: {}", archive.displayName(), e.toString());
      writer.refuse(
          "",
          "The archive could not be opened: it is damaged or uses a compression method this "
              + "service does not support. Create it again as a standard zip file.");
    }
    if (writer.refused()) {
      writer.discard();
      return new Expansion(List.of(), writer.refusals());
    }
    return new Expansion(writer.entries(), List.of());
  }

  private void zip(Path path, EntryWriter writer) throws IOException {
    if (ZipDirectory.declaredEntries(path) > limits.maxEntries()) {
      writer.refuse("", EntryWriter.tooManyEntries(limits));
      return;
    }
    try (ZipFile zip = ZipFile.builder().setPath(path).get()) {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
      // Refuse on the first unsafe entry before anything is written.
      for (ZipArchiveEntry e : entries) {
        if (!writer.admitName(e.getName())) return;
        if (e.isUnixSymlink()) {
          writer.refuse(EntryNames.display(e.getName()), linkMessage());
          return;
        }
        if (e.getGeneralPurposeBit().usesEncryption()
            || e.getGeneralPurposeBit().usesStrongEncryption()) {
          writer.refuseWith(encrypted(EntryNames.display(e.getName())));
          return;
        }
        if (!e.isDirectory() && !zip.canReadEntryData(e)) {
          writer.refuse(
              EntryNames.display(e.getName()),
              "An entry uses a compression method this service "
                  + "cannot read. Create the archive again as a standard zip file.");
          return;
        }
      }
      for (ZipArchiveEntry e : entries) {
        if (!writer.admitEntry()) return;
        if (e.isDirectory()) continue;
        try (InputStream in = zip.getInputStream(e)) {
          if (!writer.write(e.getName(), in)) return;
        }
      }
    }
  }

  private void sevenZ(Path path, EntryWriter writer) throws IOException {
    if (SevenZipProbe.isEncrypted(path)) {
      writer.refuseWith(encrypted(""));
      return;
    }
    if (!SevenZipProbe.canDecode()) {
      writer.refuse(
          "",
          "7-Zip archives cannot be opened by this service. Send the files in a standard zip "
              + "file, or on their own.");
      return;
    }
    try (SevenZFile sevenZ =
        SevenZFile.builder().setPath(path).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KB).get()) {
      for (SevenZArchiveEntry e : sevenZ.getEntries()) {
        if (!writer.admitName(e.getName())) return;
        if (e.isAntiItem() || isSymlink(e)) {
          writer.refuse(EntryNames.display(e.getName()), linkMessage());
          return;
        }
        // Methods are known only for some entries before reading; an encrypted one read later
        // throws
        // PasswordRequiredException, which is reported the same way.
        if (e.getContentMethods() != null) {
          for (var method : e.getContentMethods()) {
            if (method.getMethod() == SevenZMethod.AES256SHA256) {
              writer.refuseWith(encrypted(EntryNames.display(e.getName())));
              return;
            }
          }
        }
      }
      SevenZArchiveEntry e;
      while ((e = sevenZ.getNextEntry()) != null) {
        if (!writer.admitEntry()) return;
        if (e.isDirectory() || !e.hasStream()) continue;
        if (!writer.write(e.getName(), sevenZ.getInputStream(e))) return;
      }
    }
  }

  private static boolean isSymlink(SevenZArchiveEntry e) {
    // 7-Zip stores Unix modes in the high 16 bits of the attributes, flagged by 0x8000.
    int attributes = e.getHasWindowsAttributes() ? e.getWindowsAttributes() : 0;
    return (attributes & 0x8000) != 0 && ((attributes >>> 16) & 0xF000) == UNIX_SYMLINK;
  }

  private void tar(InputStream raw, EntryWriter writer) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(raw))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (!writer.admitName(e.getName()) || !writer.admitEntry()) return;
        if (e.isSymbolicLink() || e.isLink()) {
          writer.refuse(EntryNames.display(e.getName()), linkMessage());
          return;
        }
        if (e.isDirectory()) continue;
        if (!e.isFile()) {
          writer.refuse(
              EntryNames.display(e.getName()),
              "The archive contains a special file (a device or a "
                  + "pipe), which cannot be checked. Create the archive again from ordinary files only.");
          return;
        }
        if (!writer.write(e.getName(), tar)) return;
      }
    }
  }

  private void compressed(ScanFile archive, String mediaType, EntryWriter writer)
      throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(archive.path()));
    InputStream plain =
        BZIP2.equals(mediaType)
            ? new BZip2CompressorInputStream(raw, true)
            : GzipCompressorInputStream.builder()
                .setInputStream(raw)
                .setDecompressConcatenated(true)
                .get();
    BufferedInputStream in = new BufferedInputStream(plain);
    try (in) {
      if (isTar(in)) {
        tar(in, writer);
      } else if (writer.admitName(innerName(archive.displayName())) && writer.admitEntry()) {
        writer.write(innerName(archive.displayName()), in);
      }
    }
  }

  private static boolean isTar(BufferedInputStream in) throws IOException {
    in.mark(512);
    byte[] header = in.readNBytes(512);
    in.reset();
    return header.length == 512
        && new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  // "table.csv.gz" holds "table.csv"; the name inside the gzip header is the sender's and is not
  // trusted.
  private static String innerName(String displayName) {
    String leaf = FileNames.lastElement(displayName);
    String lower = leaf.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".gzip", ".bz2", ".tgz"}) {
      if (lower.endsWith(suffix) && leaf.length() > suffix.length()) {
        return leaf.substring(0, leaf.length() - suffix.length())
            + (suffix.equals(".tgz") ? ".tar" : "");
      }
    }
    return leaf + ".data";
  }

  private static String linkMessage() {
    return "The archive contains a link (symbolic or hard link) instead of a file. Links can point outside the "
        + "archive, so it was not opened. Create the archive again from the files themselves.";
  }

  private static Finding encrypted(String location) {
    return Finding.requestProblem(
        "ENCRYPTED_CONTENT",
        location,
        "The archive is password-protected. Output checkers cannot open encrypted files, so it cannot be checked "
            + "or released. Create the archive again without a password.");
  }
}
