package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.DecidingChecker;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand.Done;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * The verdict of a round's deciding checker ({@link DecidingChecker}): given blind, like the two
 * checkers' (the earlier verdicts reach the deciding checker only in the mail that follows their
 * own), it decides the round alone. A pass makes the ticket {@code checked}; a fail leaves it with
 * its checkers for {@code #revise}, {@code #ask} or {@code #reject}.
 */
final class DecidingVerdict {
  private DecidingVerdict() {}

  static Done apply(Invocation inv, boolean pass, DecidingChecker decider) throws SQLException {
    String name = pass ? "pass" : "fail";
    if (!(inv.ticket().state() instanceof TicketState.Checking checking)) {
      throw new Refused(
          inv.id() + " is " + inv.ticket().state().name() + ": there is no round to decide now");
    }
    int round = decider.round();
    if (WorkflowStore.ownVerdict(inv.c(), inv.id(), round, inv.sender()).isPresent()) {
      throw new Refused(
          "your deciding verdict for round "
              + round
              + " is already recorded; verdicts cannot be changed, but you can add a #note");
    }
    VerdictCommand.record(inv, round, pass, "round " + round + ", the deciding verdict");
    Ticket t = inv.ticket();
    if (pass)
      t =
          Transitions.move(
              inv, checking.deciderPassed(inv.now()), "the deciding checker passed round " + round);
    String next =
        pass
            ? "The deciding verdict is a pass; "
                + VerdictCommand.nextAfterPasses(inv).replaceFirst("^Two passes: ", "")
            : "The deciding verdict is a fail: a checker must now reply #revise (guidance to the"
                + " researcher), #ask (a question) or #reject (with the reason).";
    List<WorkflowStore.Verdict> all =
        WorkflowStore.revealedVerdicts(inv.c(), inv.ticket(), round, inv.checkerCounts())
            .orElseThrow();
    List<String> to = new ArrayList<>(WorkflowStore.checkers(inv.c(), inv.id()));
    to.add(inv.sender());
    Map<String, Object> facts =
        Map.of(
            "verdicts",
            VerdictCommand.rows(all),
            "round",
            round,
            "next",
            next,
            "state",
            t.state().name(),
            "deciding",
            true,
            "decider",
            inv.sender());
    for (String officer : to) {
      inv.mail()
          .toPerson(
              inv.c(),
              t,
              officer,
              "verdicts-revealed",
              "The deciding verdict is in",
              facts,
              null,
              inv.now());
    }
    return new Done(
        "Your deciding verdict ("
            + name
            + ") for round "
            + round
            + " is recorded; it decides the round. The checkers' verdicts and yours have been sent"
            + " to the three of you.",
        next);
  }
}
