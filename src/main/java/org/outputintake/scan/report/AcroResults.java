package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.outputintake.scan.FileKinds;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.Severity;
import org.outputintake.scan.table.SupportedDominance;
import org.outputintake.scan.table.TableGrid;
import org.outputintake.scan.table.TableScanner;
import org.outputintake.text.FileNames;
import org.outputintake.text.OutsideText;

/**
 * An ACRO output folder (the layout of AI-SDC/ACRO's {@code Records.finalise_json} and its
 * checksums) that SACRO-Viewer opens and ACRO's {@code load_records} reads: {@code results.json},
 * each checked file copied next to it, a CSV copy of every XLSX sheet (the viewer shows CSV), and
 * {@code checksums/<name>.txt}. Every flagged cell of a table is listed in ACRO's categories (the
 * human report's cap of 20 does not apply); other findings are comments. A blocker makes the output
 * "fail", a warning "review".
 */
// r == file: the same report of the group (the archive itself), not an equal one
@SuppressWarnings("ReferenceEquality")
public final class AcroResults {
  /**
   * The ACRO release whose layout this follows. ACRO's {@code load_records} accepts only its own
   * version ({@code data["version"] != __version__} raises), so no one version suits two ACRO
   * releases: this is what current ACRO (0.4.12) writes. SACRO-Viewer accepts any 0.4 or later
   * ({@code sacro/versioning.py} compares major and minor only).
   */
  public static final String ACRO_VERSION = "0.4.12";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int ALL_CELLS = 1_000_000;
  private static final int GRID_ROWS = 100_000;

  /**
   * ACRO's own metadata: copying it would leave the viewer two results files to choose from, and it
   * refuses.
   */
  private static final Set<String> ACRO_METADATA = Set.of("results.json", "config.json");

  private AcroResults() {}

  /** Writes {@code dir/results.json} without copying the files. */
  public static Path write(ScanReport report, Path dir, java.time.Clock clock) throws IOException {
    return write(report, dir, Map.of(), null, clock);
  }

  /**
   * @param sources where each reported file (by its name in the report) can be copied from
   * @param ctx the scan's settings, to list every flagged cell of a table; null to use the report's
   *     findings only
   * @param clock the time written into each output's record (ACRO writes its local time)
   * @return the results file
   */
  public static Path write(
      ScanReport report,
      Path dir,
      Map<String, Path> sources,
      ScanContext ctx,
      java.time.Clock clock)
      throws IOException {
    Files.createDirectories(dir.resolve("checksums"));
    ObjectNode root = JSON.createObjectNode();
    root.put("version", ACRO_VERSION);
    ObjectNode results = root.putObject("results");
    String now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).toString();
    Set<String> names = new HashSet<>();
    int index = 0;
    List<ScanFile> request = new ArrayList<>();
    for (FileReport f : report.files()) {
      Path source = sources.get(f.file());
      if (source != null && Files.isRegularFile(source))
        request.add(new ScanFile(source, f.file(), f.type(), Files.size(source), 0));
    }
    for (List<FileReport> group : byTopLevelFile(report.files())) {
      FileReport file = group.get(0);
      String base = FileNames.lastElement(file.file());
      if (isAcroMetadata(file.file(), base)) continue;
      String name = uniqueName(base, names);
      String uid = "output_" + index++;
      Path source = sources.get(file.file());
      results.set(
          uid, output(uid, name, group, report.policy(), now, source, ctx, dir, names, request));
    }
    Path file = dir.resolve("results.json");
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  private static boolean isAcroMetadata(String path, String base) {
    String parent = path.replace('\\', '/');
    int slash = parent.lastIndexOf('/');
    String dirName =
        slash <= 0 ? "" : parent.substring(parent.lastIndexOf('/', slash - 1) + 1, slash);
    return ACRO_METADATA.contains(base.toLowerCase(Locale.ROOT))
        || dirName.equals("checksums") && base.endsWith(".txt");
  }

  private static ObjectNode output(
      String uid,
      String name,
      List<FileReport> group,
      String policy,
      String timestamp,
      Path source,
      ScanContext ctx,
      Path dir,
      Set<String> names,
      List<ScanFile> request)
      throws IOException {
    FileReport file = group.get(0);
    List<Finding> all = group.stream().flatMap(r -> r.findings().stream()).toList();
    String status =
        all.stream().anyMatch(f -> f.severity() == Severity.BLOCKER)
            ? "fail"
            : all.stream().anyMatch(f -> f.severity() != Severity.INFO) ? "review" : "pass";
    boolean copied = source != null && Files.isRegularFile(source);
    ScanFile scanFile =
        copied ? new ScanFile(source, file.file(), file.type(), file.size(), 0) : null;
    boolean table =
        scanFile != null
            ? FileKinds.table(scanFile) != null
            : file.file().toLowerCase(Locale.ROOT).endsWith(".csv");
    List<TableGrid.Sheet> sheets = table && scanFile != null ? readGrid(scanFile) : List.of();
    List<Finding> cells = file.findings();
    if (table && scanFile != null && ctx != null)
      cells = everyCell(scanFile, ctx, file.findings(), request);
    AcroOutput sdc = new AcroOutput(cells, sheets);
    long dof = AcroOutput.degreesOfFreedom(all, sheets);
    boolean regression =
        dof >= 0 || all.stream().anyMatch(f -> f.code().equals("DEGREES_OF_FREEDOM_MISSING"));

    ObjectNode o = JSON.createObjectNode();
    o.put("uid", uid);
    o.put("status", status);
    o.put("type", regression ? "regression" : table ? "table" : "custom");
    ObjectNode properties = o.putObject("properties");
    properties.put("method", "output-intake");
    properties.put("policy", policy);
    properties.put("sha256", file.sha256());
    if (dof >= 0) properties.put("dof", dof);
    ArrayNode files = o.putArray("files");
    ArrayNode comments = JSON.createArrayNode();
    boolean suppressed = all.stream().anyMatch(f -> f.code().equals("SECONDARY_DISCLOSURE"));
    String mainSheet = sheets.isEmpty() ? "" : sheets.get(0).name();
    if (copied) {
      Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve("checksums").resolve(name + ".txt"), file.sha256());
    } else {
      comments.add("The file itself was not copied into this folder.");
    }
    boolean xlsx = scanFile != null && FileKinds.table(scanFile) == FileKinds.TableFormat.XLSX;
    ObjectNode entry = files.addObject();
    entry.put("name", name);
    entry.set("sdc", sdc.sdc(xlsx ? null : "", suppressed));
    if (xlsx) {
      for (TableGrid.Sheet sheet : sheets) {
        String csvName = uniqueName(stem(name) + "_" + safe(sheet.name()) + ".csv", names);
        writeCsv(sheet, dir.resolve(csvName));
        Files.writeString(
            dir.resolve("checksums").resolve(csvName + ".txt"),
            org.outputintake.scan.ScanEngine.sha256(dir.resolve(csvName)));
        ObjectNode csvEntry = files.addObject();
        csvEntry.put("name", csvName);
        csvEntry.set("sdc", sdc.sdc(sheet.name(), suppressed));
      }
    }
    o.set("outcome", sdc.outcome(sheets.isEmpty() ? null : sheets.get(0), mainSheet));
    o.put("command", "output-intake check --policy " + policy);
    o.put(
        "summary",
        regression && dof >= 0
            ? status + "; dof=" + dof + (dof < 10 ? " < 10" : " >= 10")
            : sdc.summary(status));
    o.put("timestamp", timestamp);
    for (FileReport r : group) {
      String where = r == file ? "" : "in " + r.file().substring(r.file().indexOf("!/") + 2) + ", ";
      for (Finding f : r == file ? sdc.others : r.findings()) {
        if (r == file && overflowOfListedCells(f)) continue;
        comments.add(
            f.severity().label()
                + " "
                + f.code()
                + " "
                + where
                + (f.location().isEmpty() ? "" : "at " + f.location())
                + ": "
                + f.message());
      }
    }
    o.set("comments", comments);
    o.put("exception", "");
    return o;
  }

  /**
   * "and 30 more LOW_COUNT findings": those cells are listed in full, so the human summary is left
   * out.
   */
  private static boolean overflowOfListedCells(Finding f) {
    return f.location().isEmpty()
        && f.message().startsWith("and ")
        && (f.code().equals("LOW_COUNT")
            || f.code().equals("ZERO_COUNT")
            || f.code().equals("DOMINANCE"));
  }

  private static List<TableGrid.Sheet> readGrid(ScanFile file) {
    try {
      return TableGrid.read(file, GRID_ROWS);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * The table scanned again keeping every flagged cell, with the cells a supporting file of the
   * request gave; the report's own findings if that fails.
   */
  private static List<Finding> everyCell(
      ScanFile file, ScanContext ctx, List<Finding> fallback, List<ScanFile> request) {
    try {
      List<Finding> scanned = new TableScanner(ALL_CELLS).scan(file, ctx);
      List<Finding> cells = new ArrayList<>();
      // supporting material: the table rules were applied to the table it supports, not to it
      List<String> supporting =
          fallback.stream()
              .filter(f -> f.code().equals(SupportedDominance.SUPPORTING))
              .map(Finding::location)
              .toList();
      for (Finding f : scanned) {
        if (isCell(f)
            && supporting.stream()
                .noneMatch(at -> at.isEmpty() || f.location().startsWith(at + ","))) cells.add(f);
      }
      if (fallback.stream()
          .anyMatch(f -> isCell(f) && f.message().contains(SupportedDominance.SOURCE_MARK))) {
        List<ScanFile> others =
            request.stream().filter(s -> !s.displayName().equals(file.displayName())).toList();
        List<Finding> joined = SupportedDominance.cells(file, scanned, others, ctx, ALL_CELLS);
        // a supporting file inside an archive is gone by now: the report's cells are all there is
        if (joined.isEmpty())
          joined =
              fallback.stream()
                  .filter(f -> isCell(f) && f.message().contains(SupportedDominance.SOURCE_MARK))
                  .toList();
        cells.addAll(joined);
      }
      for (Finding f : fallback) {
        if (!isCell(f)) cells.add(f);
      }
      return cells;
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
  }

  private static boolean isCell(Finding f) {
    return f.code().equals("LOW_COUNT")
        || f.code().equals("ZERO_COUNT")
        || f.code().equals("DOMINANCE");
  }

  private static void writeCsv(TableGrid.Sheet sheet, Path target) throws IOException {
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      for (String[] row : sheet.rows()) {
        List<String> cells = new ArrayList<>(row.length);
        // a text cell such as =HYPERLINK(...) must not come alive when the checker opens the copy
        for (String c : row) cells.add(c == null ? "" : OutsideText.csvCell(c));
        printer.printRecord(cells);
      }
    }
  }

  /**
   * The reports grouped by file given: an archive's entries ({@code a.zip!/t.csv}) follow their
   * archive.
   */
  private static List<List<FileReport>> byTopLevelFile(List<FileReport> files) {
    Map<String, List<FileReport>> groups = new LinkedHashMap<>();
    for (FileReport f : files) {
      int entry = f.file().indexOf("!/");
      String top = entry < 0 ? f.file() : f.file().substring(0, entry);
      groups.computeIfAbsent(top, k -> new ArrayList<>()).add(f);
    }
    return new ArrayList<>(groups.values());
  }

  /**
   * Names the viewer and its release zip can tell apart: {@code table1.csv}, then {@code
   * table1_2.csv}.
   */
  private static String uniqueName(String name, Set<String> used) {
    String safe =
        name.isBlank()
                || ACRO_METADATA.contains(name.toLowerCase(Locale.ROOT))
                || name.equals("checksums")
            ? "file_" + name
            : name;
    String candidate = safe;
    int dot = safe.lastIndexOf('.');
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = dot > 0 ? safe.substring(0, dot) + "_" + n + safe.substring(dot) : safe + "_" + n;
    }
    return candidate;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String safe(String sheet) {
    String s = sheet.replaceAll("[^A-Za-z0-9_-]+", "_");
    return s.isEmpty() ? "sheet" : s;
  }
}
