package org.outputintake.inspection.archive;

import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;

/**
 * The outcome of expanding one archive: its entries, or the findings that refused it (and then no
 * entries).
 *
 * @param entries expanded entries at depth + 1, each with a display name {@code
 *     archive.zip!/dir/entry.csv}
 * @param findings ARCHIVE_UNSAFE or ENCRYPTED_CONTENT when the archive was refused
 */
public record Expansion(List<ScanFile> entries, List<Finding> findings) {
  public Expansion {
    entries = List.copyOf(entries);
    findings = List.copyOf(findings);
    if (!entries.isEmpty() && !findings.isEmpty()) {
      throw new IllegalArgumentException("a refused archive has no entries");
    }
  }

  static Expansion refused(Finding why) {
    return new Expansion(List.of(), List.of(why));
  }
}
