package org.outputintake.scan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What SACRO-Viewer does when it opens a folder (AI-SDC/SACRO-Viewer, {@code sacro/models.py} and
 * {@code sacro/versioning.py}), restated in Java for tests: it picks the one ACRO json file of the
 * folder (refusing a folder with two), checks its structure, refuses versions older than the one it
 * supports, and checks every file against {@code checksums/<name>.txt}. ACRO's own {@code
 * load_records} also needs the exact version.
 */
final class SacroViewerLoader {
  static final String SUPPORTED = "0.4.0";

  record Loaded(JsonNode results, List<String> badChecksums) {}

  private SacroViewerLoader() {}

  static Loaded open(Path dir) throws IOException {
    List<Path> valid = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        if (validAcroJson(p)) valid.add(p);
      }
    }
    if (valid.size() != 1)
      throw new IllegalStateException("viewer needs exactly one ACRO json file, found " + valid);
    JsonNode root = new ObjectMapper().readTree(valid.get(0).toFile());
    String[] used = root.path("version").asText().split("\\.");
    String[] supported = SUPPORTED.split("\\.");
    // the viewer compares major and minor as strings, as its Version class does
    if (used[0].compareTo(supported[0]) < 0
        || used[0].equals(supported[0]) && used[1].compareTo(supported[1]) < 0) {
      throw new IllegalStateException("unsupported version " + root.path("version").asText());
    }
    List<String> bad = new ArrayList<>();
    var outputs = root.path("results").properties().iterator();
    while (outputs.hasNext()) {
      var output = outputs.next();
      for (JsonNode file : output.getValue().path("files")) {
        String name = file.path("name").asText();
        Path sum = dir.resolve("checksums").resolve(name + ".txt");
        Path actual = dir.resolve(name);
        if (!Files.exists(sum)
            || !Files.exists(actual)
            || !Files.readString(sum).equals(sha256(actual))) {
          bad.add(name);
        }
        for (var cells = file.path("sdc").path("cells").properties().iterator();
            cells.hasNext(); ) {
          for (JsonNode xy : cells.next().getValue()) {
            if (xy.size() != 2) throw new IllegalStateException("cell is not [x, y] in " + name);
          }
        }
      }
    }
    return new Loaded(root.path("results"), bad);
  }

  private static boolean validAcroJson(Path p) {
    try {
      JsonNode root = new ObjectMapper().readTree(p.toFile());
      if (!root.has("version") || !root.has("results")) return false;
      for (JsonNode result : root.path("results")) {
        if (!result.has("files") || result.path("files").size() == 0) return false;
        for (JsonNode f : result.path("files")) {
          if (!f.has("name")) return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
