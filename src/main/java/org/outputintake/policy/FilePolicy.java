package org.outputintake.policy;

import java.util.Objects;
import java.util.Set;

/**
 * The rules a TRE applies to files and tables, loaded from {@code config/policies/NAME.yaml}. Rules are data so
 * that a desk can change them without a release.
 *
 * @param name policy name ({@code ons-srs}, {@code opensafely}, or a file's base name)
 * @param description one line for reports
 * @param allowedExtensions when non-empty, only these extensions may be requested (lower-case, no dot)
 * @param forbiddenExtensions extensions that cannot be requested (checked against the name and the detected type)
 * @param modelExtensions AI/ML model file extensions, reported as MODEL_FILE
 * @param maxFileBytes largest file allowed, 0 for no limit
 * @param maxRows most data rows in one table, 0 for no limit
 * @param threshold smallest count allowed; a count c with 0 < c < threshold is LOW_COUNT
 * @param roundingBase counts must be multiples of this; 0 or 1 for no rounding rule
 * @param archive limits for expanding archives
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
    ArchiveLimits archive) {

  public FilePolicy {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    allowedExtensions = Set.copyOf(allowedExtensions);
    forbiddenExtensions = Set.copyOf(forbiddenExtensions);
    modelExtensions = Set.copyOf(modelExtensions);
    if (maxFileBytes < 0 || maxRows < 0) throw new IllegalArgumentException("limits must be >= 0 in policy " + name);
    if (threshold < 1) throw new IllegalArgumentException("threshold must be >= 1 in policy " + name);
    if (roundingBase < 0) throw new IllegalArgumentException("rounding must be >= 0 in policy " + name);
    Objects.requireNonNull(archive, "archive");
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
