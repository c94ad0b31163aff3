package org.outputintake.scan.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;
import org.outputintake.text.OutsideText;

/** A self-contained HTML page (no scripts, no external resources); every text is escaped. */
final class HtmlReport {
  private HtmlReport() {}

  static void write(ScanReport report, Writer out) throws IOException {
    write(report, out, Map.of());
  }

  /**
   * @param sources where each file of the report can be read, to show its tables with the flagged
   *     cells
   */
  static void write(ScanReport report, Writer out, Map<String, Path> sources) throws IOException {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Output Intake check - ")
        .append(esc(report.policy()))
        .append("</title><style>")
        .append(
            "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;")
        .append("margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;")
        .append("vertical-align:top}th{background:#eee}.blocker{color:#a00;font-weight:bold}")
        .append(".warning{color:#a60}.info{color:#555}code{font-size:90%}")
        .append(HtmlTable.CSS)
        .append("</style></head><body>\n")
        .append("<h1>Output Intake check</h1>\n<p>Policy: <strong>")
        .append(esc(report.policy()))
        .append("</strong></p>\n<p>")
        .append(esc(ReportFormat.summary(report)))
        .append("</p>\n");
    for (FileReport file : report.files()) {
      b.append("<h2>")
          .append(esc(file.file()))
          .append("</h2>\n<p>")
          .append(esc(file.type()))
          .append(", ")
          .append(esc(TextReport.size(file.size())))
          .append(", SHA-256 <code>")
          .append(esc(file.sha256()))
          .append("</code></p>\n");
      if (file.findings().isEmpty()) {
        b.append("<p>No findings.</p>\n");
        HtmlTable.append(b, file, sources.get(file.file()));
        continue;
      }
      b.append(
          "<table><tr><th>Severity</th><th>Code</th><th>Location</th><th>Message</th><th>Evidence</th></tr>\n");
      for (Finding f : ReportFormat.grouped(file)) {
        b.append("<tr><td class=\"")
            .append(f.severity().label())
            .append("\">")
            .append(f.severity().label())
            .append("</td><td>")
            .append(esc(f.code()))
            .append("</td><td>")
            .append(esc(f.location()))
            .append("</td><td>")
            .append(esc(f.message()))
            .append("</td><td><code>")
            .append(esc(f.evidence()))
            .append("</code></td></tr>\n");
      }
      b.append("</table>\n");
      HtmlTable.legend(b, file);
      HtmlTable.append(b, file, sources.get(file.file()));
    }
    b.append("</body></html>\n");
    out.write(b.toString());
    out.flush();
  }

  static String esc(String raw) {
    // names and cells are the sender's text: no bidi override or line break hides in the page
    String s = OutsideText.line(raw);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
