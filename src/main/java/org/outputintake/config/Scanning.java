package org.outputintake.config;

import java.nio.file.Path;

/**
 * @param shareRoot folder mode: the root holding {@code <project>/Ready for Checking/<folder>};
 *     null for attachment mode
 */
public record Scanning(String defaultPolicy, Path policies, Path shareRoot) {
  public Scanning {
    defaultPolicy = defaultPolicy == null || defaultPolicy.isBlank() ? "ons-srs" : defaultPolicy;
    policies = policies == null ? Path.of("config", "policies") : policies;
  }
}
