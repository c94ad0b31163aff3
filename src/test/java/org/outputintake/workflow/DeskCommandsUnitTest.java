package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.MANAGER;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketState;

/**
 * The rest of the desk's commands: {@code #next}, {@code #reply}, {@code #complete} for ingests and
 * transfers, {@code #confirmations} and the views the managers share.
 */
class DeskCommandsUnitTest extends OnTheDesk {
  @Test
  void nextTakesTheOldestTicketThatNeedsThisOfficer() throws Exception {
    String first = desk.request(PLAIN, "a.csv");
    desk.advance(Duration.ofMinutes(5));
    String second = desk.request(PLAIN, "b.csv");

    desk.say(ALICE, second, "#next");
    assertEquals(List.of(ALICE), desk.checkers(first));
    assertTrue(
        desk.confirmationTo(ALICE, second)
            .contains("You took " + first + " (the oldest ticket needing a checker)"));
    assertEquals("officer-new-ticket", desk.lastTo(ALICE, first).kind());

    desk.say(ALICE, second, "#next");
    assertEquals(List.of(ALICE), desk.checkers(second), "the one she holds needs another officer");
    desk.say(BOB, second, "#next");
    assertEquals(List.of(ALICE, BOB), desk.checkers(first));
    desk.say(BOB, second, "#next");
    desk.say(BOB, second, "#next");
    assertTrue(
        desk.refusalTo(BOB, second)
            .contains("the queue is empty: no ticket is waiting for a checker you could be"));
  }

  @Test
  void nextPassesOverTheOfficersOwnRequest() throws Exception {
    String own = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "a.csv");
    desk.advance(Duration.ofMinutes(5));
    String other = desk.request(PLAIN, "b.csv");

    desk.say(BOB, other, "#next");

    assertEquals(List.of(), desk.checkers(own));
    assertEquals(List.of(BOB), desk.checkers(other));
  }

  @Test
  void aReplyGoesToTheResearcherAndChangesNothing() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#reply");
    assertTrue(desk.refusalTo(ALICE, id).contains("#reply needs your message after the command"));
    desk.say(ALICE, id, "#reply We are looking at it this week.");

    assertEquals("officer-reply", desk.lastTo(ADA, id).kind());
    assertTrue(desk.lastBodyTo(ADA, id).contains("We are looking at it this week."));
    assertTrue(
        desk.confirmationTo(ALICE, id)
            .contains(
                "Your message was sent to the researcher " + ADA + " in the thread of " + id));
    assertInstanceOf(TicketState.Queued.class, desk.state(id));
    assertTrue(desk.audit(id).contains("reply-sent: to the researcher"), desk.audit(id).toString());
  }

  @Test
  void aReplyWhileWithTheDataOwnersGoesToTheOwnerWhoWroteLast() throws Exception {
    String id = desk.request(WorkflowFixture.FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");
    desk.say(OWNER, id, "What is row 3?");

    desk.say(ALICE, id, "#reply Row 3 is the total.");

    assertEquals("officer-reply", desk.lastTo(OWNER, id).kind());
    assertTrue(desk.lastBodyTo(OWNER, id).contains("Row 3 is the total."));
    assertTrue(desk.confirmationTo(ALICE, id).contains("sent to the data owner " + OWNER));
    assertTrue(desk.mailTo(ADA, id).isEmpty(), "the researcher is not written to");
  }

  @Test
  void anIngestTakesOneCheckerAndIsCompletedNotReleased() throws Exception {
    String id = desk.requestOf(RequestKind.INGEST, PLAIN, "lookup.csv");

    desk.say(ALICE, id, "#pass fine");

    assertInstanceOf(TicketState.Checked.class, desk.state(id));
    String done = desk.confirmationTo(ALICE, id);
    assertTrue(done.contains("ingest requests take one checker, so it decides the round"), done);
    assertTrue(done.contains("Passed: finish it with #complete"), done);
    desk.say(BOB, id, "#take");
    assertTrue(desk.refusalTo(BOB, id).contains(id + " already has its checker: " + ALICE));
    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "#release sends an output's files to its researcher; "
                    + id
                    + " is an ingest request: finish it with #complete"));

    desk.say(ALICE, id, "#complete");

    assertTrue(((TicketState.Closed) desk.state(id)).released());
    assertEquals("request-completed", desk.lastTo(ADA, id).kind());
    assertEquals(1, desk.lastTo(ADA, id).attachments().size());
    assertTrue(
        desk.confirmationTo(ALICE, id).contains("Completed " + id + ": 1 file(s) sent to " + ADA));
  }

  @Test
  void anOutputIsNeverCompletedAndATransferNeedsTheShare() throws Exception {
    String output = desk.request(PLAIN, "table.csv");
    twoPasses(output);
    desk.say(ALICE, output, "#complete");
    assertTrue(
        desk.refusalTo(ALICE, output)
            .contains("#complete finishes ingest and transfer requests; " + output));

    String transfer = desk.requestOf(RequestKind.TRANSFER, PLAIN, "data.csv");
    desk.say(ALICE, transfer, "#pass fine");
    desk.say(ALICE, transfer, "#complete");
    assertTrue(
        desk.refusalTo(ALICE, transfer)
            .contains("a transfer's files are inside the SRS and go from project to project"));
    assertInstanceOf(TicketState.Checked.class, desk.state(transfer));
  }

  @Test
  void anIngestIsCompletedOnlyOnceChecked() throws Exception {
    String id = desk.requestOf(RequestKind.INGEST, PLAIN, "lookup.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#complete");

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("#complete needs its checker's pass; " + id + " is checking"));
  }

  @Test
  void anOfficerWhoAsksForErrorsOnlyIsNoLongerConfirmed() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#confirmations sometimes");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("write #confirmations errors-only (only refusals and errors are sent)"));
    desk.say(ALICE, id, "#confirmations errors-only");
    assertTrue(desk.confirmationTo(ALICE, id).contains("a command that works is not confirmed"));
    int before = desk.mailTo(ALICE, id).size();

    StaffCommands.Result r = desk.say(ALICE, id, "#note looked at it");

    assertEquals("#note applied, no confirmation (errors-only)", r.summary());
    assertEquals(before, desk.mailTo(ALICE, id).size());
    desk.say(ALICE, id, "#confirmations all");
    desk.say(ALICE, id, "#note again");
    assertTrue(desk.confirmationTo(ALICE, id).contains("Your note"), desk.lastBodyTo(ALICE, id));
  }

  @Test
  void aManagerLooksAtTheDeskButChangesNothingThere() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(MANAGER, id, "#queue");
    assertTrue(desk.confirmationTo(MANAGER, id).contains(id), desk.lastBodyTo(MANAGER, id));
    desk.say(MANAGER, id, "#note a manager's note");
    assertTrue(
        desk.refusalTo(MANAGER, id).contains("managers may only use #unassign"),
        desk.lastBodyTo(MANAGER, id));
    desk.say(CAROL, id, "#mine");
    assertTrue(desk.confirmationTo(CAROL, id).length() > 0);
  }
}
