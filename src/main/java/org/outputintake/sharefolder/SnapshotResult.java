package org.outputintake.sharefolder;

import java.util.List;
import java.util.Optional;
import org.outputintake.scan.Finding;

/**
 * The outcome of {@link FolderSnapshots#snapshot}: the snapshot when the folder was found, and
 * findings (FOLDER_NOT_FOUND, FOLDER_EMPTY, FOLDER_TOO_LARGE as blockers; FOLDER_LINK as a
 * warning).
 */
public record SnapshotResult(Optional<FolderSnapshot> snapshot, List<Finding> findings) {
  public SnapshotResult {
    snapshot = snapshot == null ? Optional.empty() : snapshot;
    findings = List.copyOf(findings);
  }

  public boolean hasBlocker() {
    return findings.stream().anyMatch(Finding::isBlocker);
  }
}
