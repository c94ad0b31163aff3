package org.outputintake.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param folder the ticket's export folder, {@code DIR/STATS10001}
 * @param manifestSha256 SHA-256 of {@code manifest.json}, which holds the SHA-256 of every other
 *     file
 * @param problems stored bytes that no longer match their recorded SHA-256, or are missing: never
 *     copied silently
 */
public record ArchiveResult(
    String ticketId,
    Path folder,
    Outcome outcome,
    int emails,
    int files,
    String manifestSha256,
    List<Problem> problems) {

  public ArchiveResult {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(manifestSha256, "manifestSha256");
    problems = List.copyOf(problems);
  }

  /** Every stored byte was found and matched its recorded hash. */
  public boolean complete() {
    return problems.isEmpty();
  }

  public enum Outcome {
    /** A new export folder. */
    WRITTEN,
    /** The folder already held exactly this export; nothing changed. */
    UNCHANGED,
    /** The folder held an earlier export marked incomplete, now replaced. */
    REPLACED_INCOMPLETE
  }

  /**
   * A stored file that could not be archived as recorded.
   *
   * @param kind {@code mismatch} (bytes differ from the recorded SHA-256), {@code missing} or
   *     {@code unreadable}
   * @param item what it is, e.g. {@code files/2/table1.csv} or {@code emails/001-in-....eml}
   */
  public record Problem(
      String kind, String item, String detail, String expectedSha256, String actualSha256) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(item, "item");
      detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
      return kind + ": " + item + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }
}
