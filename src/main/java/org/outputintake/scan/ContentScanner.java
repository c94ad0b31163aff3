package org.outputintake.scan;

import java.io.IOException;
import java.util.List;

/**
 * One family of content checks (tables, identifiers, code, hidden content). The engine runs every
 * scanner that {@link #appliesTo applies} to a file. A scanner must stream: never hold a large file
 * in memory.
 */
public interface ContentScanner {
  boolean appliesTo(ScanFile file);

  /**
   * Findings for the file; an unreadable file is a finding, not an exception, where that is
   * possible.
   */
  List<Finding> scan(ScanFile file, ScanContext context) throws IOException;
}
