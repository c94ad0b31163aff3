package org.outputintake.scan;

import java.util.List;
import java.util.Objects;

/** The engine's answer for a set of files scanned under one policy. */
public record ScanReport(String policy, List<FileReport> files) {
  public ScanReport {
    Objects.requireNonNull(policy, "policy");
    files = List.copyOf(files);
  }

  public boolean hasBlocker() {
    return files.stream().anyMatch(FileReport::hasBlocker);
  }

  public long count(Severity severity) {
    return files.stream()
        .flatMap(f -> f.findings().stream())
        .filter(f -> f.severity() == severity)
        .count();
  }
}
