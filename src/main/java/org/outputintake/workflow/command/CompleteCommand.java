package org.outputintake.workflow.command;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.sharefolder.InputFolders;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.outputintake.workflow.CheckedFiles;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.Transitions;
import org.outputintake.workflow.WorkflowStore;

/**
 * {@code #complete}: finishes an ingest or a transfer once its checks passed, as {@code #release}
 * finishes an output and under the same guards. With folder mode the checked files, read back from
 * the store and hashed again, are copied into {@code <project>/Input/<ticket id>/} with a {@code
 * SHA256SUMS} manifest (for a transfer, the destination project's); the researcher is told where.
 * Without it an ingest's files are sent to the researcher as a release sends outputs; a transfer's
 * files are inside the SRS and must not leave it by mail, so it needs folder mode.
 */
public final class CompleteCommand implements OfficerCommand {
  @Override
  public boolean decision() {
    return true;
  }

  @Override
  public String name() {
    return "complete";
  }

  @Override
  public String help() {
    return "#complete        put the checked files where the researcher asked and close the ticket";
  }

  @Override
  public boolean appliesIn(TicketState state) {
    return state instanceof TicketState.Releasable;
  }

  @Override
  public boolean appliesTo(RequestKind kind) {
    return kind != RequestKind.OUTPUT;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    Ticket t = inv.ticket();
    if (t.kind() == RequestKind.OUTPUT) {
      throw new Refused(
          "#complete finishes ingest and transfer requests; "
              + inv.id()
              + " is an output request: send its checked files with #release");
    }
    Path share = inv.ctx().config().scanning().shareRoot();
    if (share == null && t.kind() == RequestKind.TRANSFER) {
      throw new Refused(
          "a transfer's files are inside the SRS and go from project to project on the share, never"
              + " by mail, and this bot has no share configured (scanning.share-root): copy them by"
              + " hand, or ask the operator to set the share, then #complete again");
    }
    ReleaseCommand.Ready ready = ReleaseCommand.ready(inv, "#complete");
    List<CheckedFiles.File> files = CheckedFiles.verified(inv);
    String into = t.kind() == RequestKind.TRANSFER ? t.destinationProject() : t.projectNumber();
    Map<String, Object> facts = new HashMap<>();
    facts.put("files", OwnerCommand.fileRows(files));
    facts.put("projectTitle", ready.project().title());
    facts.put("kind", t.kind().displayName());
    facts.put("intoProject", into);
    inv.mail()
        .researcherName(inv.c(), t, ready.researcher(), null)
        .ifPresent(name -> facts.put("researcherName", name));
    List<OutgoingMail.FileRef> attachments = List.of();
    String where;
    if (share != null) {
      where = InputFolders.shownPath(into, inv.id());
      deliver(share, into, inv.id(), files);
      facts.put("inputFolder", where);
      facts.put("delivered", true);
    } else {
      where = "mail to " + ready.researcher();
      attachments = CheckedFiles.attachments(files);
      facts.put("delivered", false);
    }
    OutgoingMail mail =
        inv.ctx()
            .composer()
            .ticketMail(
                "request-completed",
                t,
                ready.researcher(),
                List.of(),
                null,
                facts,
                attachments,
                null);
    if (!inv.mail().queue(inv.c(), mail, inv.now())) {
      throw new Refused(
          "the requester's address " + ready.researcher() + " cannot be used for mail");
    }
    WorkflowStore.recordRelease(
        inv.c(),
        inv.id(),
        new WorkflowStore.Release(
            inv.now(),
            inv.sender(),
            share != null ? where : ready.researcher(),
            null,
            ReleaseCommand.filesJson(files),
            mail.messageId()));
    Transitions.move(
        inv,
        ready.state().release(inv.now()),
        "completed into " + where + " by " + inv.sender() + ", " + files.size() + " file(s)");
    return new Done(
        "Completed "
            + inv.id()
            + ": "
            + files.size()
            + " file(s) "
            + (share != null
                ? "copied into " + where + " with a " + InputFolders.MANIFEST + " manifest"
                : "sent to " + ready.researcher())
            + "; the researcher is told, and the ticket is closed.",
        "Nothing more: the ticket is closed.");
  }

  private static void deliver(
      Path share, String project, String id, List<CheckedFiles.File> files) {
    try {
      new InputFolders(share)
          .deliver(
              project,
              id,
              files.stream()
                  .map(f -> new InputFolders.Source(f.relativePath(), f.path(), f.sha256()))
                  .toList());
    } catch (InputFolders.NotDelivered e) {
      throw new Refused("nothing was copied: " + e.getMessage());
    } catch (IOException e) {
      // an operational fault, not the request's: the officer is told, and may try again
      throw new Refused(
          "the share could not be written ("
              + e.getClass().getSimpleName()
              + "), so nothing was copied; tell the operator, then #complete again");
    }
  }
}
