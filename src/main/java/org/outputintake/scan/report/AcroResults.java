package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;

/**
 * An ACRO-style {@code results.json} (the format of AI-SDC/ACRO's {@code Records.finalise_json}) so that
 * SACRO-Viewer can show our findings: {@code {"version", "results": {uid: {uid, status, type, properties,
 * files: [{name, sdc: {summary, cells}}], outcome, command, summary, timestamp, comments, exception}}}}.
 * LOW_COUNT cells become ACRO "threshold" cells; a blocker makes the output "fail", a warning "review".
 * ACRO's cell positions are 0-based in the table without its header row and label column, so spreadsheet
 * cell C7 (header in row 1) is {@code [5, 1]}.
 */
public final class AcroResults {
  /** The ACRO release whose results.json layout this follows. */
  public static final String ACRO_VERSION = "0.4.8";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern CELL = Pattern.compile("^([A-Z]{1,3})(\\d{1,9})\\b");

  private AcroResults() {}

  /** Writes {@code dir/results.json}, creating the directory; returns the file written. */
  public static Path write(ScanReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("results.json");
    JSON.writeValue(file.toFile(), toJson(report));
    return file;
  }

  public static ObjectNode toJson(ScanReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", ACRO_VERSION);
    ObjectNode results = root.putObject("results");
    String now = LocalDateTime.now().toString();
    int index = 0;
    for (FileReport file : report.files()) {
      String uid = "output_" + index++;
      results.set(uid, output(uid, file, report.policy(), now));
    }
    return root;
  }

  private static ObjectNode output(String uid, FileReport file, String policy, String timestamp) {
    ObjectNode o = JSON.createObjectNode();
    String status = file.hasBlocker() ? "fail"
        : file.findings().stream().anyMatch(f -> f.severity() != org.outputintake.scan.Severity.INFO) ? "review"
        : "pass";
    boolean table = file.type().contains("spreadsheet") || file.type().contains("ms-excel")
        || file.file().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    o.put("uid", uid);
    o.put("status", status);
    o.put("type", table ? "table" : "custom");
    ObjectNode properties = o.putObject("properties");
    properties.put("method", "output-intake");
    properties.put("policy", policy);
    properties.put("sha256", file.sha256());
    ArrayNode files = o.putArray("files");
    ObjectNode entry = files.addObject();
    entry.put("name", baseName(file.file()));
    ObjectNode sdc = entry.putObject("sdc");
    ObjectNode summary = sdc.putObject("summary");
    ObjectNode cells = sdc.putObject("cells");
    ArrayNode threshold = cells.putArray("threshold");
    for (String key : new String[] {"negative", "missing", "p-ratio", "nk-rule", "all-values-are-same"}) {
      cells.putArray(key);
    }
    ObjectNode outcome = o.putObject("outcome");
    int lowCells = 0;
    boolean suppressed = false;
    ArrayNode comments = JSON.createArrayNode();
    for (Finding f : file.findings()) {
      if (f.code().equals("SECONDARY_DISCLOSURE")) suppressed = true;
      if (f.code().equals("LOW_COUNT")) {
        lowCells++;
        Matcher m = CELL.matcher(f.evidence());
        if (m.find()) {
          int row = Integer.parseInt(m.group(2)) - 2;
          int col = columnIndex(m.group(1)) - 1;
          if (row >= 0 && col >= 0) {
            threshold.addArray().add(row).add(col);
            outcome.withObject("/" + columnHeader(f.location()).replace("~", "~0").replace("/", "~1")).put(Integer.toString(row), "threshold; ");
          }
        }
        continue;
      }
      comments.add(f.severity().label() + " " + f.code() + (f.location().isEmpty() ? "" : " at " + f.location())
          + ": " + f.message());
    }
    summary.put("suppressed", suppressed);
    summary.put("negative", 0);
    summary.put("missing", 0);
    summary.put("threshold", lowCells);
    summary.put("p-ratio", 0);
    summary.put("nk-rule", 0);
    summary.put("all-values-are-same", 0);
    o.put("command", "output-intake check --policy " + policy);
    o.put("summary", status + (lowCells > 0 ? "; threshold: " + lowCells + " cells may need suppressing; " : "")
        + (file.findings().size() > lowCells ? "; " + (file.findings().size() - lowCells) + " other findings" : ""));
    o.put("timestamp", timestamp);
    o.set("comments", comments);
    o.put("exception", "");
    return o;
  }

  private static String columnHeader(String location) {
    int i = location.indexOf("column '");
    if (i < 0) return "value";
    int end = location.indexOf('\'', i + 8);
    return end < 0 ? "value" : location.substring(i + 8, end);
  }

  private static int columnIndex(String letters) {
    int n = 0;
    for (int i = 0; i < letters.length(); i++) n = n * 26 + (letters.charAt(i) - 'A' + 1);
    return n - 1;
  }

  private static String baseName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
