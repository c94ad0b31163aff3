package org.outputintake.scan.table;

import static org.outputintake.scan.TestFiles.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;

/** A table written as a CSV file and scanned under the SRS policy, as `check` scans it. */
final class ScannedTables {
  private ScannedTables() {}

  static List<Finding> csv(Path dir, String... lines) throws IOException {
    Path p = TestFiles.text(dir, "t.csv", lines);
    return new TableScanner().scan(ScanFile.of(p, "t.csv"), context("ons-srs"));
  }

  /** Where the findings of {@code code} are, in their order. */
  static List<String> locations(List<Finding> f, String code) {
    return f.stream().filter(x -> x.code().equals(code)).map(Finding::location).toList();
  }
}
