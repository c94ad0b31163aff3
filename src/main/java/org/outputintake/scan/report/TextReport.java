package org.outputintake.scan.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;

/**
 * The report a person reads in a terminal: per file, findings grouped by severity and code, then a
 * summary.
 */
final class TextReport {
  private TextReport() {}

  static void write(ScanReport report, Writer out) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("Output Intake check - policy ").append(report.policy()).append('\n');
    for (FileReport file : report.files()) {
      b.append('\n')
          .append(file.file())
          .append("  (")
          .append(file.type())
          .append(", ")
          .append(size(file.size()))
          .append(')');
      if (file.findings().isEmpty()) {
        b.append("  - no findings\n");
        continue;
      }
      b.append('\n');
      String lastCode = null;
      for (Finding f : ReportFormat.grouped(file)) {
        if (!f.code().equals(lastCode)) {
          b.append("  ")
              .append(f.severity().label().toUpperCase(Locale.ROOT))
              .append(' ')
              .append(f.code())
              .append('\n');
          lastCode = f.code();
        }
        b.append("    - ");
        if (!f.location().isEmpty()) b.append(f.location()).append(": ");
        b.append(f.message());
        if (!f.evidence().isEmpty()) b.append(" [").append(f.evidence()).append(']');
        b.append('\n');
      }
    }
    b.append('\n').append("Summary: ").append(ReportFormat.summary(report)).append('\n');
    out.write(b.toString());
    out.flush();
  }

  static String size(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
