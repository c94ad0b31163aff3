package org.outputintake.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.outputintake.scan.FilePolicy;

/**
 * Loads {@link FilePolicy} files. A name ({@code ons-srs}) is looked up in {@code config/policies/}
 * under the working directory first and then among the policies bundled in the jar; anything ending
 * in {@code .yaml} or {@code .yml} is read as a file path.
 */
public final class FilePolicies {
  public static final String DEFAULT_NAME = "ons-srs";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private FilePolicies() {}

  /**
   * @throws IllegalArgumentException naming the policy and the key when the policy is unknown or
   *     invalid
   */
  public static FilePolicy load(String nameOrFile) {
    return load(nameOrFile, Path.of("config", "policies"));
  }

  public static FilePolicy load(String nameOrFile, Path policyDir) {
    if (nameOrFile == null || nameOrFile.isBlank()) nameOrFile = DEFAULT_NAME;
    String lower = nameOrFile.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return fromFile(Path.of(nameOrFile));
    }
    if (!nameOrFile.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "policy name '"
              + nameOrFile
              + "' must be letters, digits, '-' or '_' "
              + "(or a path ending in .yaml)");
    }
    Path local = policyDir.resolve(nameOrFile + ".yaml");
    if (Files.isRegularFile(local)) return fromFile(local);
    try (InputStream in =
        FilePolicies.class.getResourceAsStream("/policies/" + nameOrFile + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException(
            "unknown policy '"
                + nameOrFile
                + "': expected "
                + local
                + " or a bundled policy (ons-srs, opensafely)");
      }
      return parse(YAML.readTree(in), nameOrFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled policy " + nameOrFile, e);
    }
  }

  public static FilePolicy fromFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("policy file " + file + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(YAML.readTree(in), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "policy file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  static FilePolicy parse(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("policy " + source + " must be a YAML mapping");
    }
    String name = text(root, "name", fallbackName(source));
    JsonNode archive = root.path("archive");
    FilePolicy.ArchiveLimits limits = FilePolicy.ArchiveLimits.DEFAULT;
    try {
      if (archive.isObject()) {
        limits =
            new FilePolicy.ArchiveLimits(
                archive.path("max-depth").asInt(limits.maxDepth()),
                archive.path("max-entries").asInt(limits.maxEntries()),
                size(
                    archive.get("max-expanded-size"),
                    limits.maxExpandedBytes(),
                    source + " archive.max-expanded-size"),
                archive.path("max-ratio").asInt(limits.maxRatio()));
      }
      return new FilePolicy(
          name,
          text(root, "description", ""),
          extensions(root.get("allowed-extensions")),
          extensions(root.get("forbidden-extensions")),
          extensions(root.get("model-extensions")),
          size(root.get("max-file-size"), 0, source + " max-file-size"),
          root.path("max-rows").asLong(0),
          root.path("threshold").asInt(10),
          root.path("rounding").asInt(0),
          limits,
          root.hasNonNull("zeros")
              ? FilePolicy.ZeroRule.parse(root.get("zeros").asText())
              : FilePolicy.ZeroRule.REVIEW,
          dominance(root.path("dominance")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code dominance: {p: 10%, n: 2, k: 90%}}; percentages may be written as {@code 10%} or {@code
   * 0.10}.
   */
  private static FilePolicy.Dominance dominance(JsonNode node) {
    FilePolicy.Dominance d = FilePolicy.Dominance.ACRO_DEFAULT;
    if (!node.isObject()) return d;
    return new FilePolicy.Dominance(
        fraction(node.get("p"), d.p(), "dominance.p"),
        node.path("n").asInt(d.n()),
        fraction(node.get("k"), d.k(), "dominance.k"));
  }

  private static double fraction(JsonNode node, double fallback, String key) {
    if (node == null || node.isNull()) return fallback;
    String v = node.asText().trim();
    try {
      if (v.endsWith("%")) return Double.parseDouble(v.substring(0, v.length() - 1).trim()) / 100;
      double d = Double.parseDouble(v);
      return d > 1 ? d / 100 : d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " is '" + v + "': write a percentage such as 10% or a fraction 0.10");
    }
  }

  /** Parses {@code 16MB}, {@code 200 MB}, {@code 512KB}, {@code 1GB} or a plain number of bytes. */
  public static long parseSize(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    long factor = 1;
    if (v.endsWith("GB")) factor = 1024L * 1024 * 1024;
    else if (v.endsWith("MB")) factor = 1024L * 1024;
    else if (v.endsWith("KB")) factor = 1024L;
    String digits = v.replaceAll("[KMG]?B$", "");
    try {
      return Long.parseLong(digits) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a size: write e.g. 16MB, 512KB or 1048576");
    }
  }

  private static long size(JsonNode node, long fallback, String key) {
    if (node == null || node.isNull()) return fallback;
    if (node.isNumber()) return node.asLong();
    try {
      return parseSize(node.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
  }

  private static Set<String> extensions(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    if (node != null && node.isArray()) {
      node.forEach(
          n -> out.add(n.asText().trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")));
    }
    return out;
  }

  private static String text(JsonNode root, String key, String fallback) {
    JsonNode n = root.get(key);
    return n == null || n.isNull() ? fallback : n.asText();
  }

  private static String fallbackName(String source) {
    String base = Path.of(source).getFileName().toString();
    return base.replaceFirst("\\.ya?ml$", "");
  }
}
