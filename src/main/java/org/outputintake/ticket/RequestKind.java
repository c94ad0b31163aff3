package org.outputintake.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three doors of the SRS (seed 001, sections 2–3; seed 002, section 4): an output leaves a
 * project, an ingest brings files in from outside, a transfer copies files from one project to
 * another. Stored, configured and shown by {@link #code()}.
 */
public enum RequestKind {
  OUTPUT("output", "Output request"),
  INGEST("ingest", "Ingest request"),
  TRANSFER("transfer", "Transfer request");

  private final String code;
  private final String title;

  RequestKind(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** The name in the database, the configuration and the JSON exports: {@code output}, … */
  public String code() {
    return code;
  }

  /** How the kind is named in subjects and replies: "Output request", … */
  public String title() {
    return title;
  }

  /** How replies name the request in a sentence: "output request", "ingest request", ... */
  public String displayName() {
    return title.toLowerCase(Locale.ROOT);
  }

  public static Optional<RequestKind> fromCode(String code) {
    if (code == null) return Optional.empty();
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
  }

  /** For stored rows: a code this version does not know is an error, never read as an output. */
  public static RequestKind stored(String code) {
    return fromCode(code)
        .orElseThrow(
            () -> new IllegalStateException("unknown request kind in the database: " + code));
  }
}
