package org.outputintake.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.outputintake.scan.code.CodeScanner;
import org.outputintake.scan.identifier.DocumentScanner;
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
        new CodeScanner(),
        new DocumentScanner(),
        new org.outputintake.scan.hidden.HiddenContentScanner());
  }

  public ScanReport scan(List<ScanFile> inputs, ScanContext ctx) {
    List<FileReport> reports = new ArrayList<>();
    for (ScanFile input : inputs) {
      scanOne(input, ctx, reports);
    }
    return new ScanReport(
        ctx.policy().name(), AcroInput.apply(RequestChecks.apply(reports, inputs), inputs));
  }

  private void scanOne(ScanFile file, ScanContext ctx, List<FileReport> out) {
    List<Finding> findings = new ArrayList<>();
    String sha = "";
    String type = file.mediaType();
    try {
      sha = sha256(file.path());
    } catch (IOException | RuntimeException e) {
      findings.add(error(file, e));
      out.add(new FileReport(file.displayName(), type, sha, file.size(), findings));
      return;
    }
    int slot = out.size();
    out.add(null); // keeps the parent before its archive entries in the report
    Path workDir = null;
    try {
      workDir = Files.createTempDirectory("oi-scan-");
      Inspection inspection = inspector.inspect(file, ctx, workDir);
      type = inspection.mediaType();
      findings.addAll(inspection.findings());
      ScanFile typed = file.withMediaType(type);
      if (inspection.scanContent()) {
        for (ContentScanner scanner : scanners) {
          runScanner(scanner, typed, ctx, findings);
        }
      }
      for (ScanFile entry : inspection.entries()) {
        scanOne(entry, ctx, out);
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      findings.add(error(file, e));
    } finally {
      deleteQuietly(workDir);
    }
    out.set(slot, new FileReport(file.displayName(), type, sha, file.size(), findings));
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
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
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
