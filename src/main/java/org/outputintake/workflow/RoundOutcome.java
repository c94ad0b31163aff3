package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a check round's verdicts decided: the one rule for "this round passed" ({@code #release},
 * {@code #owner}) and "the checkers disagree" (escalation to the managers, {@code #assign} of a
 * deciding checker). The two checkers decide together; when they disagree, a deciding checker's
 * verdict decides alone.
 */
public enum RoundOutcome {
  /** Fewer than both checkers' verdicts are in. */
  AWAITING,
  /** Two passes, or the deciding checker's pass. */
  PASSED,
  /** Two fails, or the deciding checker's fail. */
  FAILED,
  /** One pass and one fail, and no deciding verdict (yet). */
  DISAGREED;

  public static RoundOutcome of(Connection c, String ticketId, int round) throws SQLException {
    Optional<List<WorkflowStore.Verdict>> all = WorkflowStore.revealedVerdicts(c, ticketId, round);
    if (all.isEmpty()) return AWAITING;
    Optional<DecidingChecker> decider = DecidingChecker.of(c, ticketId, round);
    if (decider.isPresent()) {
      Optional<WorkflowStore.Verdict> deciding =
          all.get().stream().filter(v -> v.officer().equals(decider.get().officer())).findFirst();
      if (deciding.isPresent()) return deciding.get().pass() ? PASSED : FAILED;
    }
    List<WorkflowStore.Verdict> checkers =
        all.get().stream()
            .filter(v -> decider.map(d -> !d.officer().equals(v.officer())).orElse(true))
            .limit(WorkflowStore.CHECKERS)
            .toList();
    if (checkers.stream().allMatch(WorkflowStore.Verdict::pass)) return PASSED;
    if (checkers.stream().noneMatch(WorkflowStore.Verdict::pass)) return FAILED;
    return DISAGREED;
  }
}
