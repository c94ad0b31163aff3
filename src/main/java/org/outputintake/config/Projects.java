package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;

public record Projects(Path registry, int minDigits, int maxDigits) {
  public Projects {
    require(
        registry != null,
        "projects.registry must name the project registry CSV, e.g. config/projects.csv");
    require(
        minDigits >= 1 && maxDigits >= minDigits && maxDigits <= 18,
        "projects.number-digits must be like 4-10 (min at least 1, max at most 18)");
  }
}
