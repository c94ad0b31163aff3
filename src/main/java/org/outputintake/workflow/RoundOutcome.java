package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.ticket.Ticket;

/**
 * What a check round's verdicts decided: the one rule for "this round passed" ({@code #release},
 * {@code #owner}) and "the checkers disagree" (escalation to the managers, {@code #assign} of a
 * deciding checker). The checkers decide together (a ticket of a kind with one checker, by that one
 * verdict, so it never disagrees); when two disagree, a deciding checker's verdict decides alone.
 */
public enum RoundOutcome {
  /** Fewer verdicts are in than the ticket takes. */
  AWAITING,
  /** Every checker passed, or the deciding checker did. */
  PASSED,
  /** Every checker failed, or the deciding checker did. */
  FAILED,
  /** One pass and one fail, and no deciding verdict (yet). */
  DISAGREED;

  public static RoundOutcome of(Connection c, Ticket t, int round, WorkflowSettings.Checkers counts)
      throws SQLException {
    Optional<List<WorkflowStore.Verdict>> all = WorkflowStore.revealedVerdicts(c, t, round, counts);
    if (all.isEmpty()) return AWAITING;
    Optional<DecidingChecker> decider = DecidingChecker.of(c, t.idText(), round);
    if (decider.isPresent()) {
      Optional<WorkflowStore.Verdict> deciding =
          all.get().stream().filter(v -> v.officer().equals(decider.get().officer())).findFirst();
      if (deciding.isPresent()) return deciding.get().pass() ? PASSED : FAILED;
    }
    List<WorkflowStore.Verdict> checkers =
        all.get().stream()
            .filter(v -> decider.map(d -> !d.officer().equals(v.officer())).orElse(true))
            .limit(WorkflowStore.checksNeeded(counts, t))
            .toList();
    if (checkers.stream().allMatch(WorkflowStore.Verdict::pass)) return PASSED;
    if (checkers.stream().noneMatch(WorkflowStore.Verdict::pass)) return FAILED;
    return DISAGREED;
  }
}
