package org.outputintake.scan;

import java.util.Objects;
import java.util.Set;

/**
 * Settings for one scan.
 *
 * @param policy the file and SDC policy
 * @param threshold the minimum count (a project may override the policy's default)
 * @param declaredCountColumns column headers the request form declares as counts (lower-case)
 */
public record ScanContext(FilePolicy policy, int threshold, Set<String> declaredCountColumns) {
  public ScanContext {
    Objects.requireNonNull(policy, "policy");
    if (threshold < 1)
      throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
    declaredCountColumns = Set.copyOf(declaredCountColumns);
  }

  public static ScanContext of(FilePolicy policy) {
    return new ScanContext(policy, policy.threshold(), Set.of());
  }
}
