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
import org.outputintake.text.OutsideText;

/**
 * Checks that look across the files of one request: a model's residual degrees of freedom may be
 * stated in another file (the model summary, a log) rather than in its coefficient table. The
 * coefficient table is then judged by what its summary states: below 10 it gets the summary's
 * LOW_DEGREES_OF_FREEDOM, for the table holds the model's estimates.
 */
final class RequestChecks {
  static final String DOF_MISSING = "DEGREES_OF_FREEDOM_MISSING";
  static final String LOW_DOF = "LOW_DEGREES_OF_FREEDOM";

  /** The evidence of a LOW_DEGREES_OF_FREEDOM finding: {@code df 6} or {@code N 10, 4 terms}. */
  private static final Pattern STATED = Pattern.compile("df (\\d+)|N (\\d+), (\\d+) terms");

  private static final long MAX_READ = 8L * 1024 * 1024;
  private static final Pattern DOF =
      Pattern.compile(
          "degrees of freedom|df[ _.]?resid|residual df|df residuals|resid\\.? df|df_r\\b"
              // an analysis of variance's residual row (Stata, SAS, R's anova()) under a df header
              + "|^\"?(residuals?|error)\"?,",
          Pattern.CASE_INSENSITIVE);

  private RequestChecks() {}

  static List<FileReport> apply(List<FileReport> reports, List<ScanFile> inputs) {
    boolean asked =
        reports.stream()
            .anyMatch(r -> r.findings().stream().anyMatch(f -> f.code().equals(DOF_MISSING)));
    if (!asked) return reports;
    List<Statement> stating = new ArrayList<>();
    for (ScanFile file : inputs) {
      long lowest = lowestStated(reports, file.displayName());
      if (lowest >= 0 || statesDegreesOfFreedom(file))
        stating.add(new Statement(file.displayName(), lowest));
    }
    if (stating.isEmpty()) return reports;
    List<FileReport> out = new ArrayList<>();
    for (FileReport r : reports) {
      List<Statement> siblings = closest(r.file(), stating);
      if (siblings.isEmpty()
          || r.findings().stream().noneMatch(f -> f.code().equals(DOF_MISSING))) {
        out.add(r);
        continue;
      }
      Statement low =
          siblings.stream()
              .filter(s -> s.lowest() >= 0)
              .min(java.util.Comparator.comparingLong(Statement::lowest))
              .orElse(null);
      List<Finding> kept = new ArrayList<>();
      for (Finding f : r.findings()) {
        if (!f.code().equals(DOF_MISSING)) kept.add(f);
        else if (low != null) kept.add(lowInSibling(f.location(), low));
      }
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), kept));
    }
    return out;
  }

  /**
   * What another file of the request says about a model's residual degrees of freedom: its name and
   * the lowest it states below the threshold, -1 for none (it states them, at 10 or more).
   */
  private record Statement(String file, long lowest) {}

  /**
   * The coefficient table's own summary among the files that state degrees of freedom: those whose
   * names share the longest beginning with the table's ({@code model1_coef.csv} and {@code
   * model1_summary.csv}), never the table itself.
   */
  private static List<Statement> closest(String file, List<Statement> stating) {
    int best = -1;
    List<Statement> out = new ArrayList<>();
    for (Statement s : stating) {
      if (s.file().equals(file)) continue;
      int common = commonPrefix(file, s.file());
      if (common > best) {
        best = common;
        out.clear();
      }
      if (common == best) out.add(s);
    }
    return out;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) i++;
    return i;
  }

  /**
   * The lowest residual degrees of freedom a file's own LOW_DEGREES_OF_FREEDOM findings give
   * ({@code df 6}; {@code N 10, 4 terms} bounds them by 6), -1 for none.
   */
  private static long lowestStated(List<FileReport> reports, String file) {
    long lowest = -1;
    for (FileReport r : reports) {
      if (!r.file().equals(file)) continue;
      for (Finding f : r.findings()) {
        if (!f.code().equals(LOW_DOF)) continue;
        java.util.regex.Matcher m = STATED.matcher(f.evidence());
        if (!m.matches()) continue;
        long df =
            m.group(1) != null
                ? Long.parseLong(m.group(1))
                : Math.max(0, Long.parseLong(m.group(2)) - Long.parseLong(m.group(3)));
        if (lowest < 0 || df < lowest) lowest = df;
      }
    }
    return lowest;
  }

  private static Finding lowInSibling(String location, Statement low) {
    String name = OutsideText.line(low.file());
    return new Finding(
        LOW_DOF,
        Severity.BLOCKER,
        location,
        "This model's coefficient table does not give its residual degrees of freedom, and its "
            + "summary in '"
            + name
            + "' states "
            + low.lowest()
            + " (fewer than 10): a model with so few can reveal individual values. Fit it on more"
            + " observations or fewer parameters.",
        "df " + low.lowest() + " in '" + name + "'");
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
