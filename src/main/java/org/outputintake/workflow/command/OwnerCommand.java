package org.outputintake.workflow.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outputintake.project.Project;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.scan.identifier.IdentifierFinder;
import org.outputintake.text.TextBlock;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.CheckedFiles;
import org.outputintake.workflow.FilesForCheckers;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #owner}: for projects whose data owners approve outputs, the checked files go to the
 * project's data owners (from the registry, never the thread) with the checkers' summary; the
 * ticket waits {@code with-data-owner}.
 */
public final class OwnerCommand implements OfficerCommand {
  @Override
  public boolean decision() {
    return true;
  }

  @Override
  public String name() {
    return "owner";
  }

  @Override
  public String help() {
    return "#owner           send the checked files to the project's data owners for approval";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Checked;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireIndependentOfficer();
    inv.requireOpen();
    inv.requireChecker();
    Project p = inv.project();
    if (p == null || p.dataOwnerReview() != Project.DataOwnerReview.FOR_APPROVAL) {
      throw new Refused(
          "project "
              + inv.ticket().projectNumber()
              + " does not need data-owner approval; "
              + "release with #release");
    }
    if (!(inv.ticket().state() instanceof TicketState.Checked checked)) {
      throw new Refused(
          "#owner needs two passes first; " + inv.id() + " is " + inv.ticket().state().name());
    }
    List<CheckedFiles.File> files = CheckedFiles.verified(inv);
    Ticket t =
        Transitions.move(
            inv,
            checked.toDataOwner(inv.now()),
            "sent to data owners " + String.join(", ", p.dataOwners()));
    Map<String, Object> facts = new HashMap<>();
    facts.put("projectTitle", p.title());
    facts.put("files", fileRows(files));
    facts.put("verdicts", summary(inv, t));
    // what the officer wrote after #owner is for the owners: identifier values stay masked, as in
    // every mail from the desk
    String text = inv.command().text();
    facts.put("hasOfficerText", !text.isBlank());
    facts.put("officerText", TextBlock.of(new IdentifierFinder().maskedText(text)));
    facts.put("officer", inv.sender());
    facts.put("researcher", t.researcher());
    Optional<String> name = inv.mail().researcherName(inv.c(), t, t.researcher(), null);
    facts.put("hasResearcherName", name.isPresent());
    facts.put("researcherName", name.orElse(""));
    long limit = inv.ctx().config().staff().attachLimitBytes();
    facts.putAll(
        FilesForCheckers.of(
                inv.ctx().files().files(),
                TicketFiles.latestSubmission(inv.c(), inv.id()),
                FilesForCheckers.Attach.UP_TO_LIMIT,
                limit)
            .facts(limit));
    for (String owner : p.dataOwners()) {
      inv.mail()
          .queue(
              inv.c(),
              inv.ctx()
                  .composer()
                  .ticketMail(
                      "owner-review",
                      t,
                      owner,
                      List.of(),
                      "Data owner approval requested: project " + t.projectNumber(),
                      facts,
                      CheckedFiles.attachments(files),
                      null),
              inv.now());
    }
    return new Done(
        "The "
            + files.size()
            + " checked file(s) of "
            + inv.id()
            + " went to the data owners ("
            + String.join(", ", p.dataOwners())
            + ").",
        "The ticket waits for a data owner's #approve or #deny; you will be told either way.");
  }

  static List<Map<String, Object>> fileRows(List<CheckedFiles.File> files) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CheckedFiles.File f : files) {
      rows.add(
          Map.of(
              "name", f.name(), "size", ReplyComposer.humanSize(f.size()), "sha256", f.sha256()));
    }
    return rows;
  }

  private static List<Map<String, Object>> summary(Invocation inv, Ticket t) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WorkflowStore.Verdict v :
        WorkflowStore.revealedVerdicts(inv.c(), t, t.round(), inv.checkerCounts())
            .orElse(List.of())) {
      rows.add(
          Map.of(
              "officer",
              v.officer(),
              "verdict",
              v.pass() ? "PASS" : "FAIL",
              "notes",
              TextBlock.of(v.notes() == null || v.notes().isBlank() ? "(no notes)" : v.notes())));
    }
    return rows;
  }
}
