package org.outputintake.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outputintake.scan.code.CodeScanner;
import org.outputintake.scan.identifier.DocumentScanner;
import org.outputintake.scan.table.Differencing;
import org.outputintake.scan.table.SupportedDominance;
import org.outputintake.scan.table.TableScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the inspector and every applicable content scanner over a set of files, archive entries
 * included. The engine never fails on a bad file: whatever a scanner throws becomes a SCAN_ERROR
 * finding on that file.
 */
public final class ScanEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ScanEngine.class);
  public static final String SCAN_ERROR = "SCAN_ERROR";

  private final FileInspector inspector;
  private final List<ContentScanner> scanners;

  public ScanEngine(FileInspector inspector, List<ContentScanner> scanners) {
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.scanners = List.copyOf(scanners);
  }

  /**
   * The content scanners of the standard engine ({@code policy.StandardScan}): tables, code,
   * identifiers in documents, hidden content.
   */
  public static List<ContentScanner> standardScanners() {
    return List.of(
        new TableScanner(),
        new org.outputintake.scan.table.WordTables(),
        new CodeScanner(),
        new DocumentScanner(),
        new org.outputintake.scan.hidden.HiddenContentScanner());
  }

  /**
   * Scans every file, archive entries included, then runs the checks that look across the files of
   * the request (degrees of freedom stated elsewhere, contributions given in a supporting file,
   * ACRO's own results). Archive entries stay on disk until those have run, so that an ACRO folder
   * or a supporting file inside a zip is read like one given directly.
   */
  public ScanReport scan(List<ScanFile> inputs, ScanContext ctx) {
    Scan scan = new Scan(ctx);
    try {
      for (ScanFile input : inputs) {
        scan.one(input);
      }
      List<FileReport> reports = RequestChecks.apply(scan.reports, scan.files);
      reports =
          acrossFiles(
              reports,
              "largest contributions given in a supporting file",
              r -> SupportedDominance.apply(r, scan.files, ctx, FindingCollector.DEFAULT_CAP));
      reports =
          acrossFiles(
              reports,
              "differencing between the request's count tables",
              r -> Differencing.apply(r, scan.files, ctx));
      reports =
          acrossFiles(
              reports, "ACRO's own results and checksums", r -> AcroInput.apply(r, scan.files));
      return new ScanReport(ctx.policy().name(), reports);
    } finally {
      scan.workDirs.forEach(ScanEngine::deleteQuietly);
    }
  }

  /**
   * A check across the files of the request; should it fail on some input, the reports stay as the
   * scanners left them (a table whose dominance it would have judged keeps DOMINANCE_UNCHECKED),
   * and the first file says that the check did not run, so that an officer does it by hand.
   */
  static List<FileReport> acrossFiles(
      List<FileReport> reports,
      String what,
      java.util.function.UnaryOperator<List<FileReport>> check) {
    try {
      return check.apply(reports);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("a check across the request's files failed: {}", e.getClass().getSimpleName());
      if (reports.isEmpty()) return reports;
      List<FileReport> out = new ArrayList<>(reports);
      FileReport first = out.get(0);
      List<Finding> findings = new ArrayList<>(first.findings());
      findings.add(
          Finding.warning(
              SCAN_ERROR,
              "",
              "The check across the request's files ("
                  + what
                  + ") failed ("
                  + e.getClass().getSimpleName()
                  + "), so it was not applied: an officer checks it by hand."));
      out.set(
          0, new FileReport(first.file(), first.type(), first.sha256(), first.size(), findings));
      return out;
    }
  }

  /**
   * One scan's state: the reports, the files they are about (same order, typed), and the
   * directories archives were expanded into.
   */
  private final class Scan {
    private final ScanContext ctx;
    final List<FileReport> reports = new ArrayList<>();
    final List<ScanFile> files = new ArrayList<>();
    final List<Path> workDirs = new ArrayList<>();

    Scan(ScanContext ctx) {
      this.ctx = ctx;
    }

    void one(ScanFile file) {
      List<Finding> findings = new ArrayList<>();
      String sha = "";
      String type = file.mediaType();
      try {
        sha = sha256(file.path());
      } catch (IOException | RuntimeException e) {
        findings.add(error(file, e));
        reports.add(new FileReport(file.displayName(), type, sha, file.size(), findings));
        files.add(file);
        return;
      }
      int slot = reports.size();
      reports.add(null); // keeps the parent before its archive entries in the report
      files.add(file);
      try {
        Path workDir = Files.createTempDirectory("oi-scan-");
        workDirs.add(workDir);
        Inspection inspection = inspector.inspect(file, ctx, workDir);
        type = inspection.mediaType();
        findings.addAll(inspection.findings());
        ScanFile typed = file.withMediaType(type);
        files.set(slot, typed);
        if (inspection.scanContent()) {
          for (ContentScanner scanner : scanners) {
            runScanner(scanner, typed, ctx, findings);
          }
        }
        for (ScanFile entry : inspection.entries()) {
          one(entry);
        }
      } catch (IOException | RuntimeException | StackOverflowError e) {
        findings.add(error(file, e));
      }
      reports.set(slot, new FileReport(file.displayName(), type, sha, file.size(), findings));
    }
  }

  private void runScanner(
      ContentScanner scanner, ScanFile file, ScanContext ctx, List<Finding> findings) {
    try {
      if (scanner.appliesTo(file)) {
        findings.addAll(scanner.scan(file, ctx));
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      findings.add(error(file, e));
    }
  }

  private static Finding error(ScanFile file, Throwable e) {
    // the exception text may quote file content (a parser's "unexpected token ..."), so only its
    // type is logged
    LOG.warn("could not read {} fully: {}", file.displayName(), e.getClass().getSimpleName());
    String why =
        e instanceof StackOverflowError
            ? "its structure is too deeply nested"
            : e instanceof IOException
                ? "it is damaged or not what its name says"
                : "the scanner failed on it (" + e.getClass().getSimpleName() + ")";
    return Finding.warning(
        SCAN_ERROR,
        "",
        "The file could not be read fully: "
            + why
            + ". An officer must check it by hand; "
            + "re-save it in a standard format to have it scanned.");
  }

  /** Hex SHA-256 of the file, read in blocks. */
  public static String sha256(Path path) throws IOException {
    return org.outputintake.store.Sha256.of(path);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try {
      org.outputintake.store.TempFiles.deleteTree(dir);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete temporary directory {}: {}", dir, e.getMessage());
    }
  }
}
