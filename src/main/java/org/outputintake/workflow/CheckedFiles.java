package org.outputintake.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.outputintake.inspection.SafeFileName;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.TicketFiles;

/**
 * The output files of the latest submission, read back from the content-addressed store and hashed
 * again: what leaves (to data owners, to the researcher) is byte for byte what the officers
 * checked, or nothing leaves.
 */
public final class CheckedFiles {
  /**
   * A file as it will be attached, with the hash it was checked under.
   *
   * @param relativePath its path inside the request (a folder's subfolders kept), each element
   *     neutralised as {@code name} is: where a delivery into a project's Input folder writes it
   */
  public record File(
      String name, Path path, String mediaType, long size, String sha256, String relativePath) {}

  private CheckedFiles() {}

  /**
   * @throws Refused naming every file that is gone or whose bytes no longer match the recorded hash
   */
  public static List<File> verified(Invocation inv) throws SQLException {
    List<TicketFiles.StoredAttachment> all = TicketFiles.latestSubmission(inv.c(), inv.id());
    List<File> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (TicketFiles.StoredAttachment a : all) {
      if (!"output".equals(a.role())) continue;
      Path p = inv.ctx().files().files().located(a.sha256(), "", a.storedPath());
      try {
        String actual = sha256(p);
        if (!actual.equalsIgnoreCase(a.sha256())) {
          problems.add(
              a.originalName() + ": its stored bytes no longer match SHA-256 " + a.sha256());
          continue;
        }
      } catch (IOException e) {
        problems.add(
            a.originalName() + ": the stored copy cannot be read (" + e.getMessage() + ")");
        continue;
      }
      out.add(
          new File(
              SafeFileName.of(a.originalName()).display(),
              p,
              a.mediaType(),
              a.size(),
              a.sha256(),
              relativePath(a.originalName())));
    }
    if (!problems.isEmpty()) {
      throw new Refused(
          "the stored files do not match what was checked, so nothing was sent: "
              + String.join("; ", problems)
              + ". Investigate the data directory before going on.");
    }
    if (out.isEmpty())
      throw new Refused("the latest submission of " + inv.id() + " has no output files to send");
    return out;
  }

  private static String relativePath(String original) {
    List<String> parts = new ArrayList<>();
    for (String part : original.replace('\\', '/').split("/")) {
      if (!part.isBlank() && !part.equals(".") && !part.equals(".."))
        parts.add(SafeFileName.of(part).display());
    }
    return parts.isEmpty() ? "unnamed" : String.join("/", parts);
  }

  public static List<OutgoingMail.FileRef> attachments(List<File> files) {
    return files.stream()
        .map(
            f ->
                new OutgoingMail.FileRef(
                    f.name(),
                    f.path(),
                    f.mediaType() == null ? "application/octet-stream" : f.mediaType(),
                    f.sha256()))
        .toList();
  }

  static String sha256(Path p) throws IOException {
    MessageDigest md = RawStore.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
