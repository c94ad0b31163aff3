package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.CAROL;
import static org.outputintake.workflow.WorkflowFixture.FOR_APPROVAL;
import static org.outputintake.workflow.WorkflowFixture.FOR_INFORMATION;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketState;

/**
 * {@code #release} only after two passes, and the data owner's approval where the project needs it,
 * proven, and exactly the files that were checked; {@code #owner}, {@code #approve}, {@code #deny}
 * on the way.
 */
class ReleaseUnitTest extends OnTheDesk {
  @Test
  void aReleaseBeforeTwoPassesIsRefusedNamingWhatItNeeds() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#pass fine");

    desk.say(ALICE, id, "#release");

    assertTrue(
        desk.refusalTo(ALICE, id).contains("#release needs two passes; " + id + " is checking"),
        desk.lastBodyTo(ALICE, id));
    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    assertTrue(desk.mailTo(ADA, id).isEmpty());
  }

  @Test
  void aReleaseSendsExactlyTheCheckedFilesWithTheirHashesAndClosesTheTicket() throws Exception {
    String id = desk.request(PLAIN, "table.csv", "other.csv");
    twoPasses(id);

    desk.say(CAROL, id, "#release");

    assertInstanceOf(TicketState.Closed.class, desk.state(id));
    assertTrue(((TicketState.Closed) desk.state(id)).released());
    OutgoingMail release = desk.lastTo(ADA, id);
    assertEquals("release", release.kind());
    List<TicketFiles.StoredAttachment> checked =
        desk.read(c -> TicketFiles.latestSubmission(c, id));
    assertEquals(
        checked.stream().map(TicketFiles.StoredAttachment::sha256).toList(),
        release.attachments().stream().map(OutgoingMail.FileRef::sha256).toList());
    assertEquals(
        List.of("table.csv", "other.csv"),
        release.attachments().stream().map(OutgoingMail.FileRef::name).toList());
    assertEquals(List.of(), release.bcc());
    String done = desk.confirmationTo(CAROL, id);
    assertTrue(
        done.contains("Released 2 file(s) of " + id + " to " + ADA + "; the ticket is closed."));
    WorkflowStore.Release row = desk.read(c -> WorkflowStore.release(c, id)).orElseThrow();
    assertEquals(CAROL, row.by());
    assertEquals(release.messageId(), row.messageId());
  }

  @Test
  void aStoredFileThatNoLongerMatchesItsHashStopsTheRelease() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);
    TicketFiles.StoredAttachment a = desk.read(c -> TicketFiles.latestSubmission(c, id)).get(0);
    Path stored = Path.of(a.storedPath());
    stored.toFile().setWritable(true);
    Files.writeString(stored, "region,n\nNorth,3\n");

    desk.say(ALICE, id, "#release");

    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains(
            "the stored files do not match what was checked, so nothing was sent: table.csv: its"
                + " stored bytes no longer match SHA-256 "
                + a.sha256()),
        refusal);
    assertInstanceOf(TicketState.Checked.class, desk.state(id));
    assertTrue(desk.mailTo(ADA, id).isEmpty());
  }

  @Test
  void theRequesterMayNotReleaseTheirOwnRequest() throws Exception {
    String id = desk.requestFrom(BOB, WorkflowFixture.BOBS_PROJECT, "table.csv");
    desk.say(ALICE, id, "#pass fine");
    desk.say(CAROL, id, "#pass fine");

    desk.say(BOB, id, "#release");

    assertTrue(desk.refusalTo(BOB, id).contains("so you cannot check or release it"));
    assertInstanceOf(TicketState.Checked.class, desk.state(id));
  }

  @Test
  void aForApprovalProjectNeedsTheDataOwnersApprovalBeforeRelease() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    assertTrue(
        desk.confirmationTo(BOB, id)
            .contains(
                "Two passes: send the checked files to the data owners for approval with #owner."));

    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "project "
                    + FOR_APPROVAL
                    + " needs a data owner's approval first: send the files with #owner"),
        desk.lastBodyTo(ALICE, id));
    desk.say(CAROL, id, "#owner");
    assertTrue(desk.refusalTo(CAROL, id).contains("the ticket is held by"));

    desk.say(ALICE, id, "#owner the tables are fine");
    assertInstanceOf(TicketState.WithDataOwner.class, desk.state(id));
    OutgoingMail review = desk.lastTo(OWNER, id);
    assertEquals("owner-review", review.kind());
    assertEquals(1, review.attachments().size());
    assertTrue(desk.confirmationTo(ALICE, id).contains("went to the data owners (" + OWNER + ")"));
    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "#release needs two passes and a data owner's approval; "
                    + id
                    + " is "
                    + desk.state(id).name()),
        desk.lastBodyTo(ALICE, id));

    desk.say(OWNER, id, "#approve");
    assertInstanceOf(TicketState.Approved.class, desk.state(id));
    assertEquals("owner-decided", desk.lastTo(ALICE, id).kind());
    desk.say(BOB, id, "#release");

    assertTrue(((TicketState.Closed) desk.state(id)).released());
    assertEquals("release", desk.lastTo(ADA, id).kind());
  }

  @Test
  void aDataOwnersDenialNeedsAReasonAndReturnsTheTicketToItsCheckers() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "#deny");
    assertTrue(
        desk.refusalTo(OWNER, id)
            .contains(
                "#deny needs the reason (a disclosure or governance concern) after the command"));
    desk.say(OWNER, id, "#deny the region is too small");

    assertInstanceOf(TicketState.Checking.class, desk.state(id));
    String told = desk.lastBodyTo(BOB, id);
    assertTrue(told.contains("the region is too small"), told);
    desk.say(OWNER, id, "#approve");
    assertTrue(
        desk.refusalTo(OWNER, id)
            .contains(id + " is not waiting for a data owner's decision (it is checking)"));
  }

  @Test
  void onlyTheProjectsDataOwnersDecide() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(ALICE, id, "#approve");

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("only the data owners of project " + FOR_APPROVAL + " can use #approve"));
    assertInstanceOf(TicketState.WithDataOwner.class, desk.state(id));
  }

  @Test
  void aProjectWithoutApprovalTakesNoOwnerStep() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);

    desk.say(ALICE, id, "#owner");

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains(
                "project " + PLAIN + " does not need data-owner approval; release with #release"));
  }

  @Test
  void anOwnerStepNeedsTwoPasses() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(ALICE, id, "#owner");

    assertTrue(
        desk.refusalTo(ALICE, id)
            .contains("#owner needs two passes first; " + id + " is checking"));
  }

  @Test
  void aForInformationProjectsOwnersGetABlindCopyOfTheRelease() throws Exception {
    String id = desk.request(FOR_INFORMATION, "table.csv");
    twoPasses(id);
    assertTrue(
        desk.confirmationTo(BOB, id)
            .contains("Two passes: release with #release (the data owners get a blind copy)."));

    desk.say(ALICE, id, "#release");

    OutgoingMail release = desk.lastTo(ADA, id);
    assertEquals(List.of(OWNER), release.bcc());
    assertTrue(desk.confirmationTo(ALICE, id).contains("(blind copy to the data owners)"));
  }

  @Test
  void aVerdictThatWasNeverProvenStopsTheReleaseUntilItsOfficerRepeatsIt() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.sayWith(ALICE, id, "#pass fine", WorkflowFixture.Proof.NOT_CHECKED.header());
    desk.say(BOB, id, "#pass fine");

    desk.say(BOB, id, "#release");

    String refusal = desk.refusalTo(BOB, id);
    assertTrue(
        refusal.contains(
            "nothing was released: the verdict of "
                + ALICE
                + " in round 1 of "
                + id
                + " did not come from an authenticated sender"),
        refusal);
    assertFalse(refusal.contains("an approval cannot be repeated"), refusal);
    assertInstanceOf(TicketState.Checked.class, desk.state(id));

    desk.say(ALICE, id, "#pass fine");
    assertTrue(desk.confirmationTo(ALICE, id).contains("this authenticated email now confirms it"));
    desk.say(BOB, id, "#release");
    assertTrue(((TicketState.Closed) desk.state(id)).released());
  }

  @Test
  void aReleaseItselfUnprovenIsRefused() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);

    desk.sayWith(BOB, id, "#release", WorkflowFixture.Proof.NOT_CHECKED.header());

    assertTrue(desk.refusalTo(BOB, id).contains("this #release in round 1 of " + id));
    assertInstanceOf(TicketState.Checked.class, desk.state(id));
  }
}
