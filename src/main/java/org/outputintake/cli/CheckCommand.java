package org.outputintake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.outputintake.form.FormReader;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.scan.FilePolicy;
import org.outputintake.scan.ScanContext;
import org.outputintake.scan.ScanEngine;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.report.AcroResults;
import org.outputintake.scan.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check}: scans files and folders as the bot would and reports; exit 0 clean, 1 blockers, 2
 * errors.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check output files for disclosure risks and identifiers before requesting release.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:no blocker found", "1:at least one blocker found", "2:usage or I/O error"})
public final class CheckCommand implements Callable<Integer> {
  static final int CLEAN = 0;
  static final int BLOCKED = 1;
  static final int ERROR = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      paramLabel = "ons-srs|opensafely|FILE.yaml",
      defaultValue = FilePolicies.DEFAULT_NAME,
      description = "Policy name or YAML file (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(
      names = "--threshold",
      paramLabel = "N",
      description = "Smallest count allowed; overrides the policy.")
  Integer threshold;

  @Option(
      names = "--format",
      paramLabel = "text|json|html",
      defaultValue = "text",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--acro-results",
      paramLabel = "DIR",
      description = "Also write an ACRO-compatible results.json into DIR for SACRO-Viewer.")
  Path acroResults;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description = "Files or folders (walked recursively).")
  List<Path> inputs;

  private final ScanEngine engine;

  public CheckCommand() {
    this(org.outputintake.review.StandardScan.engine());
  }

  /** With another engine, e.g. one that includes the hidden-content scanner. */
  public CheckCommand(ScanEngine engine) {
    this.engine = engine;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ReportFormat reportFormat;
    try {
      reportFormat = ReportFormat.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("check: --format must be text, json or html, not '" + format + "'");
      return ERROR;
    }
    FilePolicy filePolicy;
    try {
      filePolicy = FilePolicies.load(policy);
    } catch (RuntimeException e) {
      err.println("check: " + e.getMessage());
      return ERROR;
    }
    if (threshold != null && threshold < 1) {
      err.println("check: --threshold must be at least 1, was " + threshold);
      return ERROR;
    }
    List<ScanFile> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        err.println("check: " + input + ": no such file or directory");
        return ERROR;
      }
      try {
        collect(input, files);
      } catch (IOException | RuntimeException e) {
        err.println("check: cannot read " + input + ": " + e.getMessage());
        return ERROR;
      }
    }
    Set<String> countColumns = new java.util.HashSet<>();
    files.removeIf(f -> isRequestForm(f, countColumns, err));
    ScanContext ctx =
        new ScanContext(
            filePolicy, threshold != null ? threshold : filePolicy.threshold(), countColumns);
    ScanReport report = engine.scan(files, ctx);
    Map<String, Path> sources = new HashMap<>();
    files.forEach(f -> sources.put(f.displayName(), f.path()));
    try {
      if (output != null) {
        if (output.toAbsolutePath().getParent() != null)
          Files.createDirectories(output.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          reportFormat.write(report, w, sources);
        }
      } else {
        reportFormat.write(report, spec.commandLine().getOut(), sources);
      }
      if (acroResults != null) {
        // ACRO writes its local time; the SRS's is the service-level zone
        AcroResults.write(
            report,
            acroResults,
            sources,
            ctx,
            java.time.Clock.system(
                org.outputintake.config.ConfigLoader.fromSystemEnvironment()
                    .loadDefaults()
                    .sla()
                    .zone()));
      }
    } catch (IOException e) {
      err.println("check: cannot write the report: " + e.getMessage());
      return ERROR;
    }
    return report.hasBlocker() ? BLOCKED : CLEAN;
  }

  /**
   * The output request form is the researcher's paperwork, not an output: its email address and the
   * blank form's author are not findings (intake treats it the same way). Its declared count
   * columns still guide the scan.
   */
  private static boolean isRequestForm(ScanFile f, Set<String> countColumns, PrintWriter err) {
    String name = f.displayName().toLowerCase(java.util.Locale.ROOT);
    if (!(name.endsWith(".docx")
        || name.endsWith(".xlsx")
        || name.endsWith(".xls")
        || name.endsWith(".pdf"))) {
      return false;
    }
    var result = new FormReader().read(f.path(), null);
    if (!result.isForm()) return false;
    countColumns.addAll(result.form().orElseThrow().declaredCountColumns());
    err.println(
        "check: "
            + f.displayName()
            + " is the output request form: read as the form, not scanned as an "
            + "output");
    return true;
  }

  /**
   * A file as given, or every regular file under a folder in name order; hidden files included on
   * purpose.
   */
  private static void collect(Path input, List<ScanFile> out) throws IOException {
    if (Files.isRegularFile(input)) {
      out.add(ScanFile.of(input, input.toString()));
      return;
    }
    try (Stream<Path> walk = Files.walk(input)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.add(ScanFile.of(p, p.toString()));
      }
    }
  }
}
