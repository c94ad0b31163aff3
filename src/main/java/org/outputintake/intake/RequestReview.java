package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.outputintake.mail.InboundMessage;
import org.outputintake.project.Project;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.ticket.RequestKind;

/**
 * Validation and scanning of one submission (a new request, or a revision sent in its thread): the
 * form, the files against the policy, and the SDC and identifier scanners. A port, so the intake
 * flow is tested apart from the scanners and the scanners apart from email.
 */
public interface RequestReview {
  /** A transfer's files are inside the SRS: without the share they cannot be read. */
  String TRANSFER_NEEDS_FOLDER_MODE = "TRANSFER_NEEDS_FOLDER_MODE";

  Result review(Input input) throws IOException;

  /**
   * @param bodyText what the sender wrote in the email: its new text, without quoted history or
   *     signature
   * @param lastFolderVersion the folder version of the ticket's previous submission, for a
   *     revision; else null
   * @param kind which door the request came through; the review is chosen by it
   * @param destination a transfer's destination project; null for every other kind
   */
  record Input(
      Project project,
      String subjectProjectNumber,
      List<InboundMessage.Attachment> files,
      String bodyText,
      Integer lastFolderVersion,
      Path workDir,
      RequestKind kind,
      Project destination) {
    /** An output request's input. */
    public Input(
        Project project,
        String subjectProjectNumber,
        List<InboundMessage.Attachment> files,
        String bodyText,
        Integer lastFolderVersion,
        Path workDir) {
      this(
          project,
          subjectProjectNumber,
          files,
          bodyText,
          lastFolderVersion,
          workDir,
          RequestKind.OUTPUT,
          null);
    }

    public Input {
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(kind, "kind");
      if ((kind == RequestKind.TRANSFER) != (destination != null))
        throw new IllegalArgumentException(
            "a transfer, and only a transfer, names a destination project");
      files = List.copyOf(files);
    }
  }

  /**
   * @param problems problems with the request itself (form, folder, file rules): these block the
   *     ticket
   * @param files per file, its role and the engine's report (scanner findings inform but never
   *     block)
   * @param bodyFindings identifiers found in the email body itself (inform, never block)
   * @param folderSnapshot folder mode: the snapshot of the project folder as JSON, else null
   */
  record Result(
      List<Finding> problems,
      List<FileOutcome> files,
      String folderName,
      Integer folderVersion,
      String policy,
      List<Finding> bodyFindings,
      String folderSnapshot) {
    public Result {
      problems = List.copyOf(problems);
      files = List.copyOf(files);
      bodyFindings = bodyFindings == null ? List.of() : List.copyOf(bodyFindings);
    }

    public boolean blocked() {
      return !problems.isEmpty();
    }
  }

  /**
   * @param role {@code form}, {@code output} or {@code supporting}
   * @param report the scan of this file (archives include their entries as further reports)
   */
  record FileOutcome(
      InboundMessage.Attachment attachment,
      String role,
      String mediaType,
      List<FileReport> report) {
    public FileOutcome {
      report = List.copyOf(report);
    }

    public List<Finding> findings() {
      return report.stream().flatMap(r -> r.findings().stream()).toList();
    }
  }
}
