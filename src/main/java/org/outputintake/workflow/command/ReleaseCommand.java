package org.outputintake.workflow.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.project.Project;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.CheckedFiles;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.ProvenDecisions;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.RoundOutcome;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #release}: after two passes (and, for for-approval projects, a data owner's approval) the
 * researcher gets the files as checked, byte for byte, with each file's SHA-256 and the handling
 * information; for-information data owners are blind-copied. The recipient comes from the registry
 * at this moment, never from the thread.
 */
public final class ReleaseCommand implements OfficerCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean decision() {
    return true;
  }

  @Override
  public String name() {
    return "release";
  }

  @Override
  public String help() {
    return "#release         send the checked files to the researcher and close the ticket";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Releasable;
  }

  @Override
  public boolean appliesTo(RequestKind kind) {
    return kind == RequestKind.OUTPUT;
  }

  /**
   * What finishing a ticket needs, whether by {@code #release} or {@code #complete}: its checks
   * passed (and a data owner's approval where the project needs one), proven, and a requester still
   * named on the live project.
   */
  record Ready(TicketState.Releasable state, Project project, String researcher) {}

  /**
   * The guards {@code #release} and {@code #complete} share; {@code command} names the one given.
   */
  static Ready ready(Invocation inv, String command) throws SQLException {
    inv.requireIndependentOfficer();
    inv.requireOpen();
    Project p = inv.project();
    TicketState state = inv.ticket().state();
    boolean approvalNeeded =
        p != null && p.dataOwnerReview() == Project.DataOwnerReview.FOR_APPROVAL;
    if (!(state instanceof TicketState.Releasable releasable)) {
      throw new Refused(
          command
              + " needs "
              + (inv.checksNeeded() == 1 ? "its checker's pass" : "two passes")
              + (approvalNeeded ? " and a data owner's approval" : "")
              + "; "
              + inv.id()
              + " is "
              + state.name());
    }
    if (approvalNeeded && !(state instanceof TicketState.Approved)) {
      throw new Refused(
          "project "
              + p.number()
              + " needs a data owner's approval first: send the files with #owner");
    }
    if (RoundOutcome.of(inv.c(), inv.ticket(), inv.ticket().round(), inv.checkerCounts())
        != RoundOutcome.PASSED) {
      throw new Refused(
          "round "
              + inv.ticket().round()
              + " of "
              + inv.id()
              + " is not passed ("
              + (inv.checksNeeded() == 1
                  ? "its checker's pass"
                  : "two passes, or the deciding checker's pass")
              + ")");
    }
    ProvenDecisions.requireProven(inv, approvalNeeded);
    String to = inv.ticket().researcher();
    if (p == null || p.status() != Project.Status.LIVE || !p.names(to)) {
      throw new Refused(
          "the requester "
              + to
              + " is not a named researcher of a live project "
              + inv.ticket().projectNumber()
              + " in the registry now, so nothing can be released to them");
    }
    return new Ready(releasable, p, to);
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    if (inv.ticket().kind() != RequestKind.OUTPUT) {
      throw new Refused(
          "#release sends an output's files to its researcher; "
              + inv.id()
              + " is an "
              + inv.ticket().kind().displayName()
              + ": finish it with #complete");
    }
    Ready ready = ready(inv, "#release");
    Project p = ready.project();
    String to = ready.researcher();
    TicketState.Releasable releasable = ready.state();
    List<CheckedFiles.File> files = CheckedFiles.verified(inv);
    List<String> bcc =
        p.dataOwnerReview() == Project.DataOwnerReview.FOR_INFORMATION ? p.dataOwners() : List.of();
    Map<String, Object> facts = new HashMap<>();
    facts.put("files", OwnerCommand.fileRows(files));
    facts.put("projectTitle", p.title());
    inv.mail()
        .researcherName(inv.c(), inv.ticket(), to, null)
        .ifPresent(name -> facts.put("researcherName", name));
    OutgoingMail mail =
        inv.ctx()
            .composer()
            .ticketMail(
                "release",
                inv.ticket(),
                to,
                bcc,
                null,
                facts,
                CheckedFiles.attachments(files),
                null);
    if (!inv.mail().queue(inv.c(), mail, inv.now())) {
      throw new Refused("the requester's address " + to + " cannot be used for mail");
    }
    WorkflowStore.recordRelease(
        inv.c(),
        inv.id(),
        new WorkflowStore.Release(
            inv.now(),
            inv.sender(),
            to,
            bcc.isEmpty() ? null : String.join(" ", bcc),
            filesJson(files),
            mail.messageId()));
    Transitions.move(
        inv,
        releasable.release(inv.now()),
        "released to " + to + " by " + inv.sender() + ", " + files.size() + " file(s)");
    return new Done(
        "Released "
            + files.size()
            + " file(s) of "
            + inv.id()
            + " to "
            + to
            + (bcc.isEmpty() ? "" : " (blind copy to the data owners)")
            + "; the ticket is closed.",
        inv.ctx().config().storage().archiveDir() == null
            ? "Nothing more: the ticket is closed (tickets export writes its record)."
            : "Nothing more: the ticket is closed and its record archived.");
  }

  static String filesJson(List<CheckedFiles.File> files) {
    try {
      return JSON.writeValueAsString(
          files.stream()
              .map(f -> Map.of("name", f.name(), "sha256", f.sha256(), "size", f.size()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
