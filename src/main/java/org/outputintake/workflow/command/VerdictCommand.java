package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.DecidingChecker;
import org.outputintake.workflow.FindingsAnswered;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.ProvenDecisions;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.RoundOutcome;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #pass} / {@code #fail}: one checker's independent verdict on this round. Blind: the
 * confirmation holds only the sender's own verdict; when the second arrives both checkers get both.
 * Two passes complete the checks.
 */
public final class VerdictCommand implements OfficerCommand {
  /** Which of a checker's two verdicts this command gives. */
  public enum Verdict {
    PASS,
    FAIL
  }

  private final boolean pass;

  public VerdictCommand(Verdict verdict) {
    this.pass = verdict == Verdict.PASS;
  }

  @Override
  public boolean decision() {
    return true;
  }

  @Override
  public String name() {
    return pass ? "pass" : "fail";
  }

  @Override
  public String help() {
    return pass
        ? "#pass notes      my independent verdict: the output can be released"
        : "#fail notes      my independent verdict: the output cannot be released as it is";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Queued || state instanceof TicketState.Checking;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireIndependentOfficer();
    inv.requireOpen();
    if (!pass) inv.requireText("your notes (what fails and why)");
    TicketState state = inv.ticket().state();
    if (state instanceof TicketState.Blocked) {
      throw new Refused(
          inv.id()
              + " is blocked waiting for the researcher ("
              + inv.reason()
              + "); verdicts wait "
              + "for their answer");
    }
    if (state instanceof TicketState.WithDataOwner || state instanceof TicketState.Approved) {
      throw new Refused(
          inv.id() + " is " + state.name() + ": the checks of this round are complete");
    }
    Optional<DecidingChecker> decider = DecidingChecker.of(inv.c(), inv.id(), inv.ticket().round());
    if (decider.isPresent() && decider.get().officer().equals(inv.sender()))
      return DecidingVerdict.apply(inv, pass, decider.get());
    List<String> checkers = inv.checkers();
    boolean implicitTake = false;
    if (!checkers.contains(inv.sender())) {
      TakeCommand.take(inv);
      implicitTake = true;
    }
    Ticket t = inv.ctx().tickets().find(inv.c(), inv.id()).orElseThrow();
    if (t.state() instanceof TicketState.Queued q) {
      // a checker who held the ticket before its revision starts the new round
      t =
          Transitions.move(
              withTicket(inv, t), q.take(inv.now()), "check round " + t.round() + " started");
      t = inv.ctx().tickets().find(inv.c(), inv.id()).orElseThrow();
    }
    int round = t.round();
    Optional<WorkflowStore.Verdict> own =
        WorkflowStore.ownVerdict(inv.c(), inv.id(), round, inv.sender());
    if (own.isPresent() && ProvenDecisions.confirmRepeatedVerdict(inv, round, own.get(), pass)) {
      return new Done(
          "Your verdict ("
              + name()
              + ") for round "
              + round
              + " was given before your sender could be authenticated; this authenticated email"
              + " now confirms it.",
          "Nothing else changes: the verdict is as you first gave it.");
    }
    if (own.isPresent()) {
      throw new Refused(
          "your verdict for round "
              + round
              + " is already recorded ("
              + (own.get().pass() ? "pass" : "fail")
              + "); verdicts cannot be changed, but you can add a #note");
    }
    record(inv, round, pass, "round " + round);
    Optional<List<WorkflowStore.Verdict>> both =
        WorkflowStore.revealedVerdicts(inv.c(), inv.ticket(), round, inv.checkerCounts());
    String taken =
        copied(inv) + (implicitTake ? "You are now a checker of " + inv.id() + ". " : "");
    if (both.isEmpty()) {
      return new Done(
          taken + "Your verdict (" + name() + ") for round " + round + " is recorded.",
          "Waiting for the second checker's independent verdict; both checkers will then get both verdicts.");
    }
    boolean allPass = both.get().stream().allMatch(WorkflowStore.Verdict::pass);
    boolean alone = inv.checksNeeded() == 1;
    if (allPass && t.state() instanceof TicketState.Checking checking) {
      Transitions.move(
          withTicket(inv, t),
          checking.bothPassed(inv.now()),
          (alone ? "the checker's pass" : "two passes") + " in round " + round);
    }
    Ticket now = inv.ctx().tickets().find(inv.c(), inv.id()).orElseThrow();
    boolean disagree =
        RoundOutcome.of(inv.c(), inv.ticket(), round, inv.checkerCounts()) == RoundOutcome.DISAGREED
            && Disagreement.escalate(inv, now);
    String next =
        allPass
            ? nextAfterPasses(inv)
            : "The checkers disagree or one fails: a checker must now reply "
                + "#revise (guidance to the researcher), #ask (a question) or #reject (with the reason)."
                + (disagree ? Disagreement.MANAGERS_TOLD : "");
    if (alone) {
      // one checker: nobody else's verdict to wait for or reveal, and nobody to disagree with
      return new Done(
          taken
              + "Your verdict ("
              + name()
              + ") for round "
              + round
              + " is recorded; "
              + inv.ticket().kind().displayName()
              + "s take one checker, so it decides the round.",
          allPass
              ? nextAfterPasses(inv)
              : "A checker must now reply #revise (guidance to the researcher), #ask (a question)"
                  + " or #reject (with the reason).");
    }
    reveal(inv, now, both.get(), next);
    return new Done(
        taken
            + "Your verdict ("
            + name()
            + ") for round "
            + round
            + " is recorded; both verdicts are "
            + "in and have been sent to both checkers.",
        next);
  }

  /**
   * A warning when the verdict email went to anyone besides the bot (a Reply-All to the officers'
   * list, say): they have read it, so it is no longer blind to them. Recorded on the audit trail
   * with the addresses, not the verdict.
   */
  private static String copied(Invocation inv) throws SQLException {
    org.outputintake.config.DeskAddresses bot =
        org.outputintake.config.DeskAddresses.of(inv.ctx().config());
    String list = inv.ctx().config().staff().officersList();
    List<String> others =
        inv.message().toAndCc().stream()
            .filter(a -> !bot.isOwn(a) && !a.equalsIgnoreCase(inv.sender()))
            .distinct()
            .toList();
    if (others.isEmpty()) return "";
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.VERDICT_COPIED,
        "the verdict email was also sent to " + String.join(", ", others));
    boolean toList = list != null && others.stream().anyMatch(list::equalsIgnoreCase);
    return "WARNING: your email was also sent to "
        + String.join(", ", others)
        + (toList ? " (the officers' list: Reply-All)" : "")
        + ", so they have read your verdict and it is no longer blind to them. Reply to the bot"
        + " alone next time (the bot's emails ask for replies to the bot, never to the list); if"
        + " the other checker has not given their verdict yet, tell your manager. ";
  }

  static Invocation withTicket(Invocation inv, Ticket t) {
    return new Invocation(
        inv.c(),
        inv.ctx(),
        inv.mail(),
        t,
        inv.project(),
        inv.sender(),
        inv.roles(),
        inv.command(),
        inv.message(),
        inv.messageKey(),
        inv.now());
  }

  static String nextAfterPasses(Invocation inv) {
    if (inv.ticket().kind() != RequestKind.OUTPUT) {
      return "Passed: finish it with #complete"
          + (inv.ctx().config().scanning().shareRoot() == null
              ? " (the checked files go to the researcher)."
              : " (the checked files are copied into the project's Input folder).");
    }
    return switch (inv.project() == null
        ? org.outputintake.project.Project.DataOwnerReview.NONE
        : inv.project().dataOwnerReview()) {
      case FOR_APPROVAL ->
          "Two passes: send the checked files to the data owners for approval with #owner.";
      case FOR_INFORMATION ->
          "Two passes: release with #release (the data owners get a blind copy).";
      case NONE -> "Two passes: release the files to the researcher with #release.";
    };
  }

  private static void reveal(
      Invocation inv, Ticket t, List<WorkflowStore.Verdict> both, String next) throws SQLException {
    Map<String, Object> facts =
        Map.of("verdicts", rows(both), "round", t.round(), "next", next, "state", t.state().name());
    for (String checker : WorkflowStore.checkers(inv.c(), inv.id())) {
      inv.mail()
          .toPerson(
              inv.c(),
              t,
              checker,
              "verdicts-revealed",
              "Both verdicts are in",
              facts,
              null,
              inv.now());
    }
  }

  /** The verdicts as {@code verdicts-revealed} lists them; shared with the deciding verdict. */
  static List<Map<String, Object>> rows(List<WorkflowStore.Verdict> verdicts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WorkflowStore.Verdict v : verdicts) {
      Map<String, Object> row = new HashMap<>();
      row.put("officer", v.officer());
      row.put("verdict", v.pass() ? "PASS" : "FAIL");
      // the template indents the first line under the verdict; the rest would start at the margin
      // and read as another officer's text
      row.put(
          "notes",
          TextBlock.of(
              v.notes() == null || v.notes().isBlank()
                  ? "(no notes)"
                  : v.notes().strip().replaceAll("\\R", "\n    ")));
      rows.add(row);
    }
    return rows;
  }

  /**
   * Records a verdict of round {@code round}: a pass answers the scanners' blockers first (the
   * reasons are its notes, revealed with the other verdicts). The audit trail records that a
   * verdict was given, not which: it is shown in tickets show before all are in.
   */
  static void record(Invocation inv, int round, boolean pass, String detail) throws SQLException {
    if (pass)
      FindingsAnswered.require(FindingsAnswered.blockers(inv.c(), inv.id()), inv.command().text());
    WorkflowStore.addVerdict(
        inv.c(),
        inv.id(),
        round,
        inv.sender(),
        pass,
        inv.command().text(),
        inv.now(),
        inv.messageKey());
    AuditLog.append(
        inv.c(), inv.id(), inv.now(), inv.sender(), AuditType.Action.VERDICT_GIVEN, detail);
  }
}
