package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.outputintake.reply.ReplyCap;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.DecidingChecker;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Role;
import org.outputintake.workflow.RoundOutcome;

/**
 * {@code #assign officer}: a manager gives a ticket a checker. While a slot is free the officer
 * becomes one of the two checkers, as with their own {@code #take}; when both checkers have given
 * their verdicts and disagree, the officer becomes the round's {@link DecidingChecker}, whose
 * verdict decides. Either way the officer gets the submission's files by email and checks blind.
 */
public final class AssignCommand implements OfficerCommand {
  private static final String EXAMPLE = "#assign carol.officer@example.org";

  @Override
  public String name() {
    return "assign";
  }

  @Override
  public String help() {
    // one word after the name, as the other help lines, so a quoted copy is never read as a command
    return "#assign officer    give the ticket a checker: a free slot, or a third checker whose"
        + " verdict decides when the two disagree";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Queued || state instanceof TicketState.Checking;
  }

  @Override
  public boolean forManagers() {
    return true;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOpen();
    UnassignCommand.requireNoStake(inv);
    Matcher args = UnassignCommand.ARGS.matcher(inv.command().text());
    if (!args.matches()) {
      throw new Refused(
          "#assign needs the address of the officer who is to check the ticket: " + EXAMPLE);
    }
    String officer = args.group(1).toLowerCase(Locale.ROOT);
    if (!inv.ctx().config().staff().isOfficerFor(officer, inv.ticket().kind().code())) {
      throw new Refused(
          officer
              + " is not one of the output checking officers (staff.officers), so cannot check");
    }
    Set<Role> theirs = Role.of(officer, inv.ticket(), inv.project(), inv.ctx().config().staff());
    if (Role.conflicted(theirs)) {
      throw new Refused(
          officer
              + " is "
              + (theirs.contains(Role.REQUESTER)
                  ? "the requester of " + inv.id()
                  : "a researcher on project " + inv.ticket().projectNumber())
              + ", so cannot check it");
    }
    if (inv.ticket().state() instanceof TicketState.Blocked) {
      throw new Refused(
          inv.id()
              + " is blocked waiting for the researcher ("
              + inv.reason()
              + "); assign a checker once they answer");
    }
    List<String> checkers = inv.checkers();
    if (checkers.contains(officer)) {
      throw new Refused(officer + " is already a checker of " + inv.id());
    }
    if (checkers.size() < inv.checksNeeded()) return checker(inv, officer, theirs);
    return decider(inv, officer, checkers);
  }

  /** A free slot: the officer takes it as with their own {@code #take}. */
  private static Done checker(Invocation inv, String officer, Set<Role> theirs)
      throws SQLException {
    if (!(inv.ticket().state() instanceof TicketState.Queued)
        && !(inv.ticket().state() instanceof TicketState.Checking)) {
      throw new Refused(
          inv.id() + " is " + inv.ticket().state().name() + ": it needs no checker now");
    }
    Invocation asOfficer = as(inv, inv.ticket(), officer, theirs);
    int n = TakeCommand.take(asOfficer);
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.CHECKER_ASSIGNED,
        officer + ", checker " + n);
    Ticket now = inv.ctx().tickets().find(inv.c(), inv.id()).orElseThrow();
    tell(
        as(inv, now, officer, theirs),
        TakeCommand.withFiles(
            as(inv, now, officer, theirs),
            "You are checker " + n + " of " + inv.checksNeeded() + " on " + inv.id() + ".",
            "Check the files and give your independent verdict: reply to this email with #pass or"
                + " #fail and your notes. You will not see the other checker's verdict until both"
                + " are in. If you cannot check it, reply #drop and your reason."),
        inv.sender());
    return new Done(
        "You assigned "
            + officer
            + " to "
            + inv.id()
            + " as checker "
            + n
            + " of "
            + inv.checksNeeded()
            + "; they have been sent the files.",
        n < inv.checksNeeded()
            ? "It still needs a second checker: an officer's #take, or another #assign."
            : "Both slots are held; the checkers' verdicts come next.");
  }

  /** Both checkers have given verdicts that disagree: the officer's verdict decides the round. */
  private static Done decider(Invocation inv, String officer, List<String> checkers)
      throws SQLException {
    int round = inv.ticket().round();
    Optional<DecidingChecker> already = DecidingChecker.of(inv.c(), inv.id(), round);
    if (already.isPresent()) {
      throw new Refused(
          already.get().officer() + " is already the deciding checker of round " + round);
    }
    if (RoundOutcome.of(inv.c(), inv.ticket(), round, inv.checkerCounts())
        != RoundOutcome.DISAGREED) {
      // whether one verdict is in, or which, is not this reply's business
      throw new Refused(
          inv.id()
              + " has its two checkers ("
              + String.join(" and ", checkers)
              + "); a third, deciding checker can be assigned only when both have given their"
              + " verdicts and they disagree. To replace a checker who is away, #unassign them"
              + " first");
    }
    new DecidingChecker(inv.id(), round, officer, inv.sender(), inv.now()).save(inv.c());
    AuditLog.append(
        inv.c(),
        inv.id(),
        inv.now(),
        inv.sender(),
        AuditType.Action.DECIDER_ASSIGNED,
        officer + ", round " + round);
    Set<Role> theirs = Role.of(officer, inv.ticket(), inv.project(), inv.ctx().config().staff());
    Invocation asOfficer = as(inv, inv.ticket(), officer, theirs);
    tell(
        asOfficer,
        TakeCommand.withFiles(
            asOfficer,
            "You are the deciding (third) checker of "
                + inv.id()
                + ", check round "
                + round
                + ": its two checkers ("
                + String.join(" and ", checkers)
                + ") disagree, and your verdict decides the round.",
            "Check the files and give your own independent verdict: reply to this email with #pass"
                + " or #fail and your notes. The two earlier verdicts are sent to you once yours is"
                + " in, never before."),
        inv.sender());
    for (String checker : checkers) {
      inv.mail()
          .toPerson(
              inv.c(),
              inv.ticket(),
              checker,
              "officers-alert",
              "A deciding checker was assigned",
              Map.of(
                  "what",
                  TextBlock.of(
                      inv.sender()
                          + ", a manager, assigned "
                          + officer
                          + " as the deciding checker of round "
                          + round
                          + ": their verdict decides it. They will not see your verdicts before"
                          + " giving theirs; you will all get all three then.")),
              null,
              inv.now());
    }
    return new Done(
        "You assigned "
            + officer
            + " as the deciding (third) checker of "
            + inv.id()
            + ", round "
            + round
            + "; they have been sent the files and will not see the checkers' verdicts before"
            + " giving theirs.",
        "Their verdict decides the round: a pass lets the ticket go on to release, a fail sends it"
            + " back to the checkers for #revise, #ask or #reject. The checkers have been told.");
  }

  private static void tell(Invocation asOfficer, Done what, String manager) throws SQLException {
    Map<String, Object> facts = new HashMap<>();
    facts.put("manager", manager);
    facts.put("summary", TextBlock.of(what.summary()));
    facts.put("next", what.next());
    asOfficer
        .mail()
        .toPerson(
            asOfficer.c(),
            asOfficer.ticket(),
            asOfficer.sender(),
            "officer-assigned",
            "You are assigned to " + asOfficer.id(),
            facts,
            what.attachments(),
            null,
            ReplyCap.Cause.OTHER,
            asOfficer.now());
  }

  /** The same invocation as if {@code officer} gave it: the checker's rules apply to them. */
  private static Invocation as(Invocation inv, Ticket t, String officer, Set<Role> roles) {
    return new Invocation(
        inv.c(),
        inv.ctx(),
        inv.mail(),
        t,
        inv.project(),
        officer,
        roles,
        inv.command(),
        inv.message(),
        inv.messageKey(),
        inv.now());
  }
}
