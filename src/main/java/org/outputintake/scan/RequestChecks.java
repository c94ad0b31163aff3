package org.outputintake.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that look across the files of one request: a model's residual degrees of freedom may be
 * stated in another file (the model summary, a log) rather than in its coefficient table.
 */
final class RequestChecks {
  static final String DOF_MISSING = "DEGREES_OF_FREEDOM_MISSING";
  private static final long MAX_READ = 8L * 1024 * 1024;
  private static final Pattern DOF =
      Pattern.compile(
          "degrees of freedom|df[ _.]?resid|residual df|df residuals|resid\\.? df",
          Pattern.CASE_INSENSITIVE);

  private RequestChecks() {}

  static List<FileReport> apply(List<FileReport> reports, List<ScanFile> inputs) {
    boolean asked =
        reports.stream()
            .anyMatch(r -> r.findings().stream().anyMatch(f -> f.code().equals(DOF_MISSING)));
    if (!asked) return reports;
    List<String> stating = new ArrayList<>();
    for (ScanFile file : inputs) {
      if (statesDegreesOfFreedom(file)) stating.add(file.displayName());
    }
    if (stating.isEmpty()) return reports;
    List<FileReport> out = new ArrayList<>();
    for (FileReport r : reports) {
      boolean elsewhere = stating.stream().anyMatch(s -> !s.equals(r.file()));
      if (!elsewhere) {
        out.add(r);
        continue;
      }
      List<Finding> kept =
          r.findings().stream().filter(f -> !f.code().equals(DOF_MISSING)).toList();
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), kept));
    }
    return out;
  }

  /**
   * Whether a text-like file (CSV, log, text, code output) mentions residual degrees of freedom.
   */
  private static boolean statesDegreesOfFreedom(ScanFile file) {
    String name = file.displayName().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".csv")
        || name.endsWith(".txt")
        || name.endsWith(".log")
        || name.endsWith(".tsv")
        || name.endsWith(".lst")
        || name.endsWith(".out"))) {
      return false;
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file.path()), decoder))) {
      long read = 0;
      for (String line = r.readLine(); line != null && read < MAX_READ; line = r.readLine()) {
        read += line.length() + 1;
        if (DOF.matcher(line).find()) return true;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }
}
