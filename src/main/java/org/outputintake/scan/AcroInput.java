package org.outputintake.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.FileNames;

/**
 * ACRO's own output folder given as input ({@code results.json}, the output files, {@code
 * checksums/}): each output's status, summary, the researcher's exception request and comments
 * become ACRO_RESULT findings on the output's file (blocker for ACRO's "fail", warning for
 * "review", info for "pass"), every file is checked against its checksum, and the files are still
 * checked by our own scanners. The results file itself is ACRO's metadata, not an output, so the
 * rule against JSON outputs does not apply to it.
 */
final class AcroInput {
  static final String CODE = "ACRO_RESULT";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_RESULTS_BYTES = 16L * 1024 * 1024;
  private static final int MAX_TEXT = 400;

  private AcroInput() {}

  /**
   * @param files every file of the request, archive entries included (an ACRO folder sent as a zip
   *     is read from its entries, {@code acro.zip!/outputs/results.json})
   */
  static List<FileReport> apply(List<FileReport> reports, List<ScanFile> files) {
    List<FileReport> out = reports;
    for (ScanFile input : files) {
      if (!FileNames.lastElement(input.displayName()).equalsIgnoreCase("results.json")) continue;
      JsonNode root = read(input.path());
      if (root == null) continue;
      out = carry(out, files, input, root);
    }
    return out;
  }

  private static JsonNode read(Path path) {
    try {
      if (Files.size(path) > MAX_RESULTS_BYTES) return null;
      JsonNode root = JSON.readTree(path.toFile());
      return root != null && root.has("version") && root.path("results").isObject() ? root : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<FileReport> carry(
      List<FileReport> reports, List<ScanFile> files, ScanFile resultsFile, JsonNode root) {
    Folder folder = new Folder(resultsFile, files);
    Map<String, List<Finding>> added = new LinkedHashMap<>();
    int outputs = 0;
    for (var it = root.path("results").properties().iterator(); it.hasNext(); ) {
      var entry = it.next();
      JsonNode output = entry.getValue();
      outputs++;
      String target = resultsFile.displayName();
      List<String> names = new ArrayList<>();
      for (JsonNode f : output.path("files")) {
        String name = f.path("name").asText("");
        if (name.isEmpty() || name.contains("..") || name.startsWith("/")) continue;
        names.add(name);
        ScanFile match = folder.member(name);
        if (match != null && target.equals(resultsFile.displayName())) target = match.displayName();
        Finding check = folder.checksum(name, match);
        if (check != null)
          added
              .computeIfAbsent(
                  match != null ? match.displayName() : resultsFile.displayName(),
                  k -> new ArrayList<>())
              .add(check);
      }
      added
          .computeIfAbsent(target, k -> new ArrayList<>())
          .add(result(entry.getKey(), output, names));
    }
    List<FileReport> out = new ArrayList<>();
    for (FileReport r : reports) {
      List<Finding> findings = new ArrayList<>(r.findings());
      if (r.file().equals(resultsFile.displayName())) {
        findings.removeIf(f -> f.code().equals("FILE_TYPE_NOT_ALLOWED"));
        findings.add(
            0,
            Finding.info(
                CODE,
                "",
                "ACRO's results file (ACRO "
                    + root.path("version").asText("?")
                    + ", "
                    + outputs
                    + " output"
                    + (outputs == 1 ? "" : "s")
                    + "): read for ACRO's own checks, not an "
                    + "output for release."));
      }
      findings.addAll(added.getOrDefault(r.file(), List.of()));
      out.add(new FileReport(r.file(), r.type(), r.sha256(), r.size(), findings));
    }
    return out;
  }

  /**
   * The folder ACRO wrote, found by the names the files were given ({@code out/results.json} beside
   * {@code out/table.csv}, or {@code acro.zip!/out/...} inside an archive); a folder given directly
   * is also looked up on disk, for a file named by ACRO but not passed to the check.
   */
  private static final class Folder {
    private final String prefix;
    private final Path dir;
    private final Map<String, ScanFile> byName = new LinkedHashMap<>();

    Folder(ScanFile resultsFile, List<ScanFile> files) {
      String display = resultsFile.displayName().replace('\\', '/');
      this.prefix = display.substring(0, display.lastIndexOf('/') + 1);
      this.dir =
          resultsFile.depth() == 0
              ? resultsFile.path().toAbsolutePath().normalize().getParent()
              : null;
      for (ScanFile f : files) byName.putIfAbsent(f.displayName().replace('\\', '/'), f);
    }

    ScanFile member(String name) {
      ScanFile byDisplay = byName.get(prefix + name);
      if (byDisplay != null || dir == null) return byDisplay;
      Path file = dir.resolve(name).normalize();
      for (ScanFile s : byName.values()) {
        if (s.path().toAbsolutePath().normalize().equals(file)) return s;
      }
      return null;
    }

    /** The file ACRO's checksum is in, or null. */
    private Path sumFile(String name) {
      ScanFile sum = byName.get(prefix + "checksums/" + name + ".txt");
      if (sum != null) return sum.path();
      if (dir == null) return null;
      Path onDisk = dir.resolve("checksums").resolve(name + ".txt");
      return Files.isRegularFile(onDisk) ? onDisk : null;
    }

    /**
     * A file ACRO names must be there and match the checksum ACRO wrote, or it changed after ACRO
     * checked it.
     */
    Finding checksum(String name, ScanFile member) {
      Path file =
          member != null ? member.path() : dir == null ? null : dir.resolve(name).normalize();
      try {
        if (file == null || !Files.isRegularFile(file)) {
          return Finding.warning(
              CODE, name, "ACRO's results name this file but it is not in the request.");
        }
        Path sum = sumFile(name);
        if (sum == null) {
          return Finding.warning(
              CODE,
              name,
              "ACRO left no checksum for this file, so it cannot be shown to be the "
                  + "file ACRO checked.");
        }
        String expected = Files.readString(sum).strip().toLowerCase(Locale.ROOT);
        if (!expected.equals(ScanEngine.sha256(file))) {
          return Finding.blocker(
              CODE,
              name,
              "This file differs from the one ACRO checked (its checksum does not "
                  + "match checksums/"
                  + name
                  + ".txt): it was changed afterwards. Run ACRO again on the final file.");
        }
      } catch (IOException | RuntimeException e) {
        return Finding.warning(CODE, name, "The checksum of this file could not be checked.");
      }
      return null;
    }
  }

  private static Finding result(String uid, JsonNode output, List<String> names) {
    String status = output.path("status").asText("review").toLowerCase(Locale.ROOT);
    StringBuilder m =
        new StringBuilder("ACRO judged output '")
            .append(clip(uid))
            .append("' (")
            .append(clip(output.path("type").asText("custom")))
            .append("): ")
            .append(status);
    String summary = output.path("summary").asText("");
    if (!summary.isBlank() && !summary.equals(status))
      m.append(". Summary: ").append(clip(summary));
    String exception = output.path("exception").asText("");
    if (!exception.isBlank())
      m.append(". The researcher asks for an exception: \"").append(safe(exception)).append('"');
    List<String> comments = new ArrayList<>();
    for (JsonNode c : output.path("comments")) {
      if (!c.asText("").isBlank()) comments.add(safe(c.asText()));
    }
    if (!comments.isEmpty())
      m.append(". Comments: \"").append(String.join("\"; \"", comments)).append('"');
    m.append('.');
    if (status.equals("fail") && exception.isBlank()) {
      m.append(
          " ACRO failed it and no exception is asked for: suppress the cells ACRO names, or explain why it is "
              + "safe.");
    }
    Severity severity =
        switch (status) {
          case "fail" -> Severity.BLOCKER;
          case "pass" -> Severity.INFO;
          default -> Severity.WARNING;
        };
    return new Finding(CODE, severity, String.join(", ", names), m.toString(), "");
  }

  /**
   * The researcher's words, shown to officers and in the reply, unless they hold what looks like an
   * identifier.
   */
  private static String safe(String text) {
    String t = clip(text.replace('\n', ' ').replace('\r', ' '));
    return new IdentifierFinder().scanText(t, "").isEmpty()
        ? t
        : "(not shown: it contains what looks like an identifier)";
  }

  private static String clip(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
  }
}
