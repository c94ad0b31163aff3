package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.time.LocalTime;
import java.util.Optional;

/**
 * The {@code workflow} section: when a ticket waiting for its researcher is chased and withdrawn,
 * and when each officer's daily summary goes out.
 *
 * @param chaseAfterDays {@code workflow.chase-after}: working days a blocked ticket waits before
 *     the researcher is reminded
 * @param withdrawAfterDays {@code workflow.withdraw-after}: working days after which it is closed
 *     as withdrawn; more than {@code chaseAfterDays}, so a reminder always comes first
 * @param dailySummary {@code workflow.daily-summary}: the local time (in {@code sla.zone}) of each
 *     officer's summary on working days; null: no summaries
 * @param checkers {@code workflow.checkers}: how many officers check a ticket of each kind
 */
public record WorkflowSettings(
    int chaseAfterDays, int withdrawAfterDays, LocalTime dailySummary, Checkers checkers) {
  public static final int DEFAULT_CHASE_AFTER = 5;
  public static final int DEFAULT_WITHDRAW_AFTER = 20;

  public static final WorkflowSettings DEFAULT =
      WorkflowSettings.withDefaultCheckers(DEFAULT_CHASE_AFTER, DEFAULT_WITHDRAW_AFTER, null);

  /** The default number of checkers for every kind ({@code workflow.checkers} not given). */
  public static WorkflowSettings withDefaultCheckers(
      int chaseAfterDays, int withdrawAfterDays, LocalTime dailySummary) {
    return new WorkflowSettings(chaseAfterDays, withdrawAfterDays, dailySummary, Checkers.DEFAULT);
  }

  /**
   * {@code workflow.checkers}: the independent checks a ticket of each kind takes. Keyed by the
   * kind's code ({@code output}, {@code ingest}, {@code transfer}) because the ticket's kind lives
   * above the configuration.
   */
  public record Checkers(int output, int ingest, int transfer) {
    /**
     * Outputs are checked by two officers independently (seed 002, section 3); files coming in are
     * checked by one unless configured otherwise.
     */
    public static final Checkers DEFAULT = new Checkers(2, 1, 1);

    public Checkers {
      atLeastOne("output", output);
      atLeastOne("ingest", ingest);
      atLeastOne("transfer", transfer);
    }

    private static void atLeastOne(String kind, int n) {
      require(
          n >= 1,
          "workflow.checkers."
              + kind
              + " is "
              + n
              + ": write how many officers check a "
              + kind
              + " ticket, at least 1, e.g. workflow.checkers: { output: 2, ingest: 1, transfer: 1 }");
    }

    /** The checks a ticket of the kind whose code is {@code kindCode} takes. */
    public int of(String kindCode) {
      return switch (kindCode) {
        case "output" -> output;
        case "ingest" -> ingest;
        case "transfer" -> transfer;
        default -> throw new IllegalArgumentException("no request kind " + kindCode);
      };
    }
  }

  public WorkflowSettings {
    checkers = checkers == null ? Checkers.DEFAULT : checkers;
    require(
        chaseAfterDays >= 1 && chaseAfterDays <= 100,
        "workflow.chase-after is "
            + chaseAfterDays
            + ": write the working days a ticket waits for its researcher before they are"
            + " reminded, from 1 to 100, e.g. 5");
    require(
        withdrawAfterDays > chaseAfterDays && withdrawAfterDays <= 250,
        "workflow.withdraw-after is "
            + withdrawAfterDays
            + " and workflow.chase-after "
            + chaseAfterDays
            + ": withdraw-after must exceed chase-after (the researcher is reminded before the"
            + " ticket is withdrawn) and be at most 250 working days, e.g. chase-after: 5,"
            + " withdraw-after: 20");
  }

  public Optional<LocalTime> dailySummaryAt() {
    return Optional.ofNullable(dailySummary);
  }
}
