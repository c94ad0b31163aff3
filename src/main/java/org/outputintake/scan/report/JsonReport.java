package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.Severity;

/**
 * {@code {"policy": ..., "summary": {...}, "files": [{"file", "type", "sha256", "size", "findings":
 * [{"code", "severity", "location", "message", "evidence"}]}]}}. Tools rely on these names.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static ObjectNode toJson(ScanReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("policy", report.policy());
    ObjectNode summary = root.putObject("summary");
    summary.put("files", report.files().size());
    summary.put("blockers", report.count(Severity.BLOCKER));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("info", report.count(Severity.INFO));
    summary.put("ready", !report.hasBlocker());
    ArrayNode files = root.putArray("files");
    for (FileReport file : report.files()) {
      ObjectNode f = files.addObject();
      f.put("file", file.file());
      f.put("type", file.type());
      f.put("sha256", file.sha256());
      f.put("size", file.size());
      ArrayNode findings = f.putArray("findings");
      for (Finding finding : file.findings()) {
        ObjectNode n = findings.addObject();
        n.put("code", finding.code());
        n.put("severity", finding.severity().label());
        n.put("location", finding.location());
        n.put("message", finding.message());
        n.put("evidence", finding.evidence());
      }
    }
    return root;
  }

  static void write(ScanReport report, Writer out) throws IOException {
    JSON.writeValue(new NonClosingWriter(out), toJson(report));
    out.write('\n');
    out.flush();
  }

  /** Jackson closes the writer it is given; the caller owns ours (it may be standard output). */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
