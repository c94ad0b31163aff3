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
 * @param scope whether the finding stops the request itself, decided by the rule that makes it
 */
public record Finding(
    String code, Severity severity, String location, String message, String evidence, Scope scope) {
  /**
   * What a finding is about. A problem with the request (its form, folder, file types or sizes)
   * blocks the ticket until the researcher fixes it; a finding about the content is for the
   * checkers to judge, whatever its severity, and never blocks the request.
   */
  public enum Scope {
    REQUEST,
    CONTENT
  }

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(scope, "scope");
    if (!code.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("finding code must be UPPER_SNAKE_CASE: " + code);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("finding " + code + " needs a message");
    }
    location = location == null ? "" : location;
    evidence = evidence == null ? "" : evidence;
  }

  /** A finding about the content: for the checkers. */
  public Finding(String code, Severity severity, String location, String message, String evidence) {
    this(code, severity, location, message, evidence, Scope.CONTENT);
  }

  /** A problem with the request itself: the ticket is blocked until the researcher fixes it. */
  public static Finding requestProblem(String code, String location, String message) {
    return new Finding(code, Severity.BLOCKER, location, message, "", Scope.REQUEST);
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
    return new Finding(code, severity, location, message, maskedEvidence, scope);
  }

  public Finding withLocation(String newLocation) {
    return new Finding(code, severity, newLocation, message, evidence, scope);
  }

  public Finding withMessage(String newMessage) {
    return new Finding(code, severity, location, newMessage, evidence, scope);
  }

  public boolean blocksRequest() {
    return scope == Scope.REQUEST;
  }

  public boolean isBlocker() {
    return severity == Severity.BLOCKER;
  }
}
