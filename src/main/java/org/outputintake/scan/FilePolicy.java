package org.outputintake.scan;

import java.util.Objects;
import java.util.Set;

/**
 * The rules a TRE applies to files and tables, loaded from {@code config/policies/NAME.yaml}. Rules
 * are data so that a desk can change them without a release.
 *
 * @param name policy name ({@code ons-srs}, {@code opensafely}, or a file's base name)
 * @param description one line for reports
 * @param allowedExtensions when non-empty, only these extensions may be requested (lower-case, no
 *     dot)
 * @param forbiddenExtensions extensions that cannot be requested (checked against the name and the
 *     detected type)
 * @param modelExtensions AI/ML model file extensions, reported as MODEL_FILE
 * @param maxFileBytes largest file allowed, 0 for no limit
 * @param maxRows most data rows in one table, 0 for no limit
 * @param threshold smallest count allowed; a count c with 0 < c < threshold is LOW_COUNT
 * @param roundingBase counts must be multiples of this; 0 or 1 for no rounding rule
 * @param archive limits for expanding archives
 * @param zeros what a zero count means: nothing, a warning, or a blocker ({@code ZERO_COUNT})
 * @param dominance the p% and NK rules for magnitude tables
 */
public record FilePolicy(
    String name,
    String description,
    Set<String> allowedExtensions,
    Set<String> forbiddenExtensions,
    Set<String> modelExtensions,
    long maxFileBytes,
    long maxRows,
    int threshold,
    int roundingBase,
    ArchiveLimits archive,
    ZeroRule zeros,
    Dominance dominance) {

  public FilePolicy {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    allowedExtensions = Set.copyOf(allowedExtensions);
    forbiddenExtensions = Set.copyOf(forbiddenExtensions);
    modelExtensions = Set.copyOf(modelExtensions);
    if (maxFileBytes < 0 || maxRows < 0)
      throw new IllegalArgumentException("limits must be >= 0 in policy " + name);
    if (threshold < 1)
      throw new IllegalArgumentException("threshold must be >= 1 in policy " + name);
    if (roundingBase < 0)
      throw new IllegalArgumentException("rounding must be >= 0 in policy " + name);
    Objects.requireNonNull(archive, "archive");
    zeros = zeros == null ? ZeroRule.REVIEW : zeros;
    dominance = dominance == null ? Dominance.ACRO_DEFAULT : dominance;
  }

  /**
   * A policy with the default zero and dominance rules (zeros reviewed, ACRO's p = 10 %, n = 2, k =
   * 90 %).
   */
  public FilePolicy(
      String name,
      String description,
      Set<String> allowedExtensions,
      Set<String> forbiddenExtensions,
      Set<String> modelExtensions,
      long maxFileBytes,
      long maxRows,
      int threshold,
      int roundingBase,
      ArchiveLimits archive) {
    this(
        name,
        description,
        allowedExtensions,
        forbiddenExtensions,
        modelExtensions,
        maxFileBytes,
        maxRows,
        threshold,
        roundingBase,
        archive,
        ZeroRule.REVIEW,
        Dominance.ACRO_DEFAULT);
  }

  /** What a zero in a count cell means (policy key {@code zeros}). */
  public enum ZeroRule {
    /** Zeros are fine (structural or harmless in this TRE). */
    IGNORE,
    /** A warning: an officer judges whether the zero reveals something about a whole group. */
    REVIEW,
    /** A blocker, as ACRO's {@code zeros_are_disclosive: True}. */
    FAIL;

    public static ZeroRule parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "zeros is '" + value + "': write ignore, review or fail");
      }
    }
  }

  /**
   * The dominance rules of magnitude tables, as ACRO applies them (policy keys {@code dominance.p},
   * {@code dominance.n}, {@code dominance.k}).
   *
   * @param p the p% rule fails when (total - largest - second largest) is below p x largest (0.10)
   * @param n how many largest contributions the NK rule adds up (2)
   * @param k the NK rule fails when the n largest make more than k of the total (0.90)
   */
  public record Dominance(double p, int n, double k) {
    public static final Dominance ACRO_DEFAULT = new Dominance(0.10, 2, 0.90);

    public Dominance {
      if (!(p > 0 && p < 1) || n < 1 || !(k > 0 && k <= 1)) {
        throw new IllegalArgumentException(
            "dominance needs 0 < p < 1, n >= 1 and 0 < k <= 1 (fractions: p 0.10, k 0.90)");
      }
    }
  }

  /**
   * Limits applied while an archive is streamed, before any byte is written.
   *
   * @param maxDepth deepest nesting of archives in archives (3)
   * @param maxEntries most entries in one archive (1000)
   * @param maxExpandedBytes most bytes expanded from one archive, nested ones included (200 MB)
   * @param maxRatio largest expanded-to-compressed ratio (100)
   */
  public record ArchiveLimits(int maxDepth, int maxEntries, long maxExpandedBytes, int maxRatio) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(3, 1000, 200L * 1024 * 1024, 100);

    public ArchiveLimits {
      if (maxDepth < 0 || maxEntries < 1 || maxExpandedBytes < 1 || maxRatio < 1) {
        throw new IllegalArgumentException("archive limits must be positive");
      }
    }
  }

  public boolean requiresRounding() {
    return roundingBase > 1;
  }
}
