package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.WorkflowStore;

/**
 * The two checkers of a round disagree (one pass, one fail): the managers are told by email, so one
 * of them can {@code #assign} a third checker whose verdict decides. They are told that the
 * checkers disagree and who they are, not who gave which verdict: a deciding checker is chosen for
 * the disagreement, not for a side.
 */
final class Disagreement {
  /** What the checkers' "next" adds when the managers were told. */
  static final String MANAGERS_TOLD =
      " The managers have been told you disagree: one may #assign a third checker, whose verdict"
          + " then decides the round (you will both be told).";

  private Disagreement() {}

  /** Tells every manager; false when no manager is configured to tell. */
  static boolean escalate(Invocation inv, Ticket t) throws SQLException {
    List<String> managers = inv.ctx().config().staff().managers();
    if (managers.isEmpty()) return false;
    List<String> checkers = WorkflowStore.checkers(inv.c(), inv.id());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        "system",
        AuditType.Action.DISAGREEMENT_ESCALATED,
        "round " + t.round() + ": the managers were told");
    for (String manager : managers) {
      inv.mail()
          .toPerson(
              inv.c(),
              t,
              manager,
              "managers-disagreement",
              "The checkers disagree: a third checker may decide",
              Map.of(
                  "round",
                  t.round(),
                  "checkers",
                  String.join(" and ", checkers),
                  "managerOnly",
                  true),
              null,
              inv.now());
    }
    return true;
  }
}
