package org.outputintake.scan.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outputintake.review.StandardScan;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanFile;
import org.outputintake.scan.TestFiles;

/**
 * A model as each package's users export it (src/test/resources/models/README.md says how), sent as
 * one request and checked as {@code check} checks it: its summaries are models, never magnitude or
 * count tables, and its coefficient table carries the residual df its summary states.
 */
class ModelSummariesTest {
  /** What a magnitude or count table is asked for: noise on a model's statistics. */
  private static final Set<String> NOISE =
      Set.of(
          "UNDERLYING_COUNTS_MISSING",
          "DOMINANCE_UNCHECKED",
          "TABLE_UNRECOGNISED",
          "DEGREES_OF_FREEDOM_MISSING",
          "LOW_COUNT",
          "ZERO_COUNT");

  /** The coefficient tables, which state no df of their own. */
  private static final Set<String> COEFFICIENTS =
      Set.of("ols_coef.csv", "tidy.csv", "coefficients.csv", "coef.csv", "params.csv");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"statsmodels", "broom", "r", "stata", "sas"})
  void aModelWithSixResidualDfIsFlaggedOnItsSummaryAndItsCoefficientsAndNothingElse(String pkg)
      throws IOException, URISyntaxException {
    Map<String, List<String>> files = files(pkg);
    for (FileReport r : scan(files)) {
      String name = Path.of(r.file()).getFileName().toString();
      List<String> codes = TestFiles.codes(r.findings());
      for (String code : codes)
        assertTrue(!NOISE.contains(code), pkg + "/" + name + " is a model: " + codes);
      if (COEFFICIENTS.contains(name)) {
        assertEquals(List.of("LOW_DEGREES_OF_FREEDOM"), codes, pkg + "/" + name);
        assertTrue(r.findings().get(0).evidence().startsWith("df 6 in '"), r.findings().toString());
      }
      for (Finding f : r.findings()) {
        // a term's df (SAS' DF of 1 per parameter), the model's df (3) and the total's (9) are not
        // the residual df
        assertTrue(
            f.evidence().startsWith("df 6") || f.evidence().startsWith("N 10, 3 terms"),
            pkg + "/" + name + ": " + f);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"statsmodels", "broom", "r", "stata", "sas"})
  void theSameModelWith806ResidualDfGetsNoFindingAtAll(String pkg)
      throws IOException, URISyntaxException {
    Map<String, List<String>> files = new TreeMap<>();
    files(pkg)
        .forEach(
            (name, lines) -> {
              if (!name.equals("esttab.csv")) // its N of 10 alone bounds the df below 10
              files.put(
                    name,
                    lines.stream()
                        .map(
                            l ->
                                l.replaceFirst("^(Df Residuals:,)6,", "$1806,")
                                    .replaceFirst("^(Error,)6,", "$1806,")
                                    .replaceFirst("^(Residual,1.57,)6,", "$1806,")
                                    .replaceFirst(",1.57,6,10$", ",1.57,806,810")
                                    .replaceFirst("(\"Residual degrees of freedom\",)6", "$1806"))
                        .toList());
            });
    for (FileReport r : scan(files)) assertEquals(List.of(), r.findings(), pkg + "/" + r.file());
  }

  private static Map<String, List<String>> files(String pkg)
      throws IOException, URISyntaxException {
    Path folder =
        Path.of(
            Objects.requireNonNull(ModelSummariesTest.class.getResource("/models/" + pkg)).toURI());
    Map<String, List<String>> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList())
        files.put(p.getFileName().toString(), Files.readAllLines(p, StandardCharsets.UTF_8));
    }
    return files;
  }

  private List<FileReport> scan(Map<String, List<String>> files) throws IOException {
    Path request = Files.createTempDirectory(dir, "request");
    List<ScanFile> inputs = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : files.entrySet()) {
      Path f = Files.write(request.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      inputs.add(ScanFile.of(f, e.getKey()));
    }
    return StandardScan.engine().scan(inputs, TestFiles.context("ons-srs")).files();
  }
}
