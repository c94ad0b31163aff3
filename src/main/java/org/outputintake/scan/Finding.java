package org.outputintake.scan;

import java.util.Objects;

/**
 * One problem (or observation) about a request or a file. Findings are values: validation and
 * scanning return them, templates turn them into words. {@code evidence} must already be masked; it
 * never holds an identifier or a cell value in clear.
 *
 * @param code stable upper-case code such as {@code LOW_COUNT}; operators and tools rely on it
 * @param severity blocker, warning or info
 * @param location where in the file, e.g. {@code sheet 'Table 1', row 7, column 'n'}; empty for the
 *     whole file
 * @param message a plain-English sentence that says what is wrong and how to fix it
 * @param evidence masked value or cell reference; may be empty
 */
public record Finding(
    String code, Severity severity, String location, String message, String evidence) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("finding code must be UPPER_SNAKE_CASE: " + code);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("finding " + code + " needs a message");
    }
    location = location == null ? "" : location;
    evidence = evidence == null ? "" : evidence;
  }

  public static Finding blocker(String code, String location, String message) {
    return new Finding(code, Severity.BLOCKER, location, message, "");
  }

  public static Finding warning(String code, String location, String message) {
    return new Finding(code, Severity.WARNING, location, message, "");
  }

  public static Finding info(String code, String location, String message) {
    return new Finding(code, Severity.INFO, location, message, "");
  }

  public Finding withEvidence(String maskedEvidence) {
    return new Finding(code, severity, location, message, maskedEvidence);
  }

  public boolean isBlocker() {
    return severity == Severity.BLOCKER;
  }
}
