package org.outputintake.review;

import java.io.IOException;
import java.util.List;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;

/** Runs the file rules and scanners over a submission's files (the scan engine implements it). */
@FunctionalInterface
public interface FileScanner {
  ScanReport scan(List<ScanFile> files, ScanContext context) throws IOException;
}
