package org.outputintake.scan;

import java.util.List;

/**
 * The outcome of {@link FileInspector#inspect}.
 *
 * @param mediaType the type detected from the bytes
 * @param findings file-level findings (FILE_TYPE_NOT_ALLOWED, FILE_TYPE_MISMATCH, FILE_TOO_LARGE,
 *     MODEL_FILE, ARCHIVE_UNSAFE, ENCRYPTED_CONTENT)
 * @param entries for a safe archive, its expanded entries (depth + 1), to be inspected and scanned
 *     in turn
 * @param scanContent whether content scanners should read this file (false for archives, encrypted
 *     or refused files)
 */
public record Inspection(
    String mediaType, List<Finding> findings, List<ScanFile> entries, boolean scanContent) {
  public Inspection {
    findings = List.copyOf(findings);
    entries = List.copyOf(entries);
  }
}
