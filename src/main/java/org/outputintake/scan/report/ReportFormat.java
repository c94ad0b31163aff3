package org.outputintake.scan.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.Severity;

/** The three renderings of a scan report: text for a person, JSON for tools, HTML for a report. */
public enum ReportFormat {
  TEXT,
  JSON,
  HTML;

  public void write(ScanReport report, Writer out) throws IOException {
    write(report, out, Map.of());
  }

  /**
   * @param sources where each reported file (by its name in the report) can be read: the HTML
   *     report then shows each table with its flagged cells
   */
  public void write(ScanReport report, Writer out, Map<String, Path> sources) throws IOException {
    switch (this) {
      case TEXT -> TextReport.write(report, out);
      case JSON -> JsonReport.write(report, out);
      case HTML -> HtmlReport.write(report, out, sources);
    }
  }

  /** Blockers first, then warnings, then information; same codes together, in the order found. */
  static List<Finding> grouped(FileReport file) {
    List<String> codes = file.findings().stream().map(Finding::code).distinct().toList();
    return file.findings().stream()
        .sorted(Comparator.comparing(Finding::severity).thenComparing(f -> codes.indexOf(f.code())))
        .toList();
  }

  static String summary(ScanReport report) {
    long blockers = report.count(Severity.BLOCKER);
    long warnings = report.count(Severity.WARNING);
    long info = report.count(Severity.INFO);
    return report.files().size()
        + " file"
        + (report.files().size() == 1 ? "" : "s")
        + ", "
        + blockers
        + " blocker"
        + (blockers == 1 ? "" : "s")
        + ", "
        + warnings
        + " warning"
        + (warnings == 1 ? "" : "s")
        + ", "
        + info
        + " info: "
        + (blockers > 0
            ? "NOT ready for release - fix the blockers."
            : warnings > 0
                ? "no blockers; an officer will review the warnings."
                : "no problems found.");
  }
}
