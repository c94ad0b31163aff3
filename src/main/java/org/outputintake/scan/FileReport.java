package org.outputintake.scan;

import java.util.List;
import java.util.Objects;

/**
 * What the engine found in one file. Archive entries are reported as their own files, named {@code
 * archive.zip!/dir/entry.csv}.
 *
 * @param file the name as given (the researcher's original name, or the path given to {@code
 *     check})
 * @param type the media type detected from the bytes
 * @param sha256 hex SHA-256 of the file's bytes
 * @param size size in bytes
 * @param findings every finding, in the order found
 */
public record FileReport(
    String file, String type, String sha256, long size, List<Finding> findings) {
  public FileReport {
    Objects.requireNonNull(file, "file");
    type = type == null ? "application/octet-stream" : type;
    sha256 = sha256 == null ? "" : sha256;
    findings = List.copyOf(findings);
  }

  public boolean hasBlocker() {
    return findings.stream().anyMatch(Finding::isBlocker);
  }
}
