package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Writes {@code dir/results.json} without copying the files; see {@link #write(ScanReport, Path, Map)}. */
  public static Path write(ScanReport report, Path dir) throws IOException {
    return write(report, dir, Map.of());
  }

  /**
   * Writes an ACRO output folder as SACRO-Viewer opens it: {@code results.json}, each checked file copied next to
   * it under the name the results give, and {@code checksums/<name>.txt} with its SHA-256, as ACRO's own runner
   * leaves them. Files inside an archive are reported with their archive (the viewer shows files, not entries).
   *
   * @param sources where each reported file (by its name in the report) can be copied from
   * @return the results file
   */
  public static Path write(ScanReport report, Path dir, Map<String, Path> sources) throws IOException {
    Files.createDirectories(dir.resolve("checksums"));
    ObjectNode root = JSON.createObjectNode();
    root.put("version", ACRO_VERSION);
    ObjectNode results = root.putObject("results");
    String now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS).toString();
    Set<String> names = new HashSet<>();
    int index = 0;
    for (List<FileReport> group : byTopLevelFile(report.files())) {
      FileReport file = group.get(0);
      String name = uniqueName(baseName(file.file()), names);
      String uid = "output_" + index++;
      ObjectNode output = output(uid, name, group, report.policy(), now);
      Path source = sources.get(file.file());
      if (source != null && Files.isRegularFile(source)) {
        Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("checksums").resolve(name + ".txt"), file.sha256());
      } else {
        ((ArrayNode) output.get("comments")).add("The file itself was not copied into this folder.");
      }
      results.set(uid, output);
    }
    Path file = dir.resolve("results.json");
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  /** The reports grouped by file given: an archive's entries ({@code a.zip!/t.csv}) follow their archive. */
  private static List<List<FileReport>> byTopLevelFile(List<FileReport> files) {
    Map<String, List<FileReport>> groups = new LinkedHashMap<>();
    for (FileReport f : files) {
      int entry = f.file().indexOf("!/");
      String top = entry < 0 ? f.file() : f.file().substring(0, entry);
      groups.computeIfAbsent(top, k -> new ArrayList<>()).add(f);
    }
    return new ArrayList<>(groups.values());
  }

  /** Names the viewer and its release zip can tell apart: {@code table1.csv}, then {@code table1_2.csv}. */
  private static String uniqueName(String name, Set<String> used) {
    String safe = name.isBlank() || name.equals("results.json") || name.equals("checksums") ? "file_" + name : name;
    String candidate = safe;
    int dot = safe.lastIndexOf('.');
    for (int n = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
      candidate = dot > 0 ? safe.substring(0, dot) + "_" + n + safe.substring(dot) : safe + "_" + n;
    }
    return candidate;
  }

  private static ObjectNode output(String uid, String name, List<FileReport> group, String policy,
      String timestamp) {
    FileReport file = group.get(0);
    ObjectNode o = JSON.createObjectNode();
    List<Finding> all = group.stream().flatMap(r -> r.findings().stream()).toList();
    String status = all.stream().anyMatch(f -> f.severity() == org.outputintake.scan.Severity.BLOCKER) ? "fail"
        : all.stream().anyMatch(f -> f.severity() != org.outputintake.scan.Severity.INFO) ? "review"
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
    entry.put("name", name);
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
    for (FileReport r : group) {
      String where = r == file ? "" : "in " + r.file().substring(r.file().indexOf("!/") + 2) + ", ";
      for (Finding f : r.findings()) {
        if (f.code().equals("SECONDARY_DISCLOSURE")) suppressed = true;
        // the viewer marks cells of the file itself, and never the first (label) column
        int[] cell = r == file && f.code().equals("LOW_COUNT") ? cell(f.evidence()) : null;
        if (cell != null) {
          lowCells++;
          threshold.addArray().add(cell[0]).add(cell[1]);
          outcome.withObject("/" + columnHeader(f.location()).replace("~", "~0").replace("/", "~1"))
              .put(Integer.toString(cell[0]), "threshold; ");
          continue;
        }
        comments.add(f.severity().label() + " " + f.code() + " " + where
            + (f.location().isEmpty() ? "" : "at " + f.location()) + ": " + f.message());
      }
    }
    summary.put("suppressed", suppressed);
    summary.put("negative", 0);
    summary.put("missing", 0);
    summary.put("threshold", lowCells);
    summary.put("p-ratio", 0);
    summary.put("nk-rule", 0);
    summary.put("all-values-are-same", 0);
    o.put("command", "output-intake check --policy " + policy);
    o.put("summary", status + (lowCells > 0 ? "; threshold: " + lowCells + " cells may need suppressing" : "")
        + (all.size() > lowCells ? "; " + (all.size() - lowCells) + " other findings (see comments)" : ""));
    o.put("timestamp", timestamp);
    o.set("comments", comments);
    o.put("exception", "");
    return o;
  }

  /** ACRO's {@code [row, column]} of a finding's spreadsheet cell ({@code C7 = 4}), or null for column A. */
  private static int[] cell(String evidence) {
    Matcher m = CELL.matcher(evidence);
    if (!m.find()) return null;
    int row = Integer.parseInt(m.group(2)) - 2;
    int col = columnIndex(m.group(1)) - 1;
    return row >= 0 && col >= 0 ? new int[] {row, col} : null;
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
