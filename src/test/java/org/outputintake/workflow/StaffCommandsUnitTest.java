package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.OFFICERS_LIST;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.ticket.TicketState;

/**
 * One staff email, one command: authenticated first, parsed once, dispatched once, and every
 * refusal a private reply that leaves nothing else behind.
 */
class StaffCommandsUnitTest extends OnTheDesk {
  @Test
  void anUnauthenticatedCommandIsNotAppliedAndTheOfficersAreAlerted() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    StaffCommands.Result r =
        desk.sayWith(ALICE, id, "#take", WorkflowFixture.Proof.UNPROVEN.header());

    assertEquals("refused: sender not authenticated", r.summary());
    assertEquals(List.of(), desk.checkers(id));
    assertInstanceOf(TicketState.Queued.class, desk.state(id));
    String alert = desk.lastBodyTo(OFFICERS_LIST, id);
    assertTrue(
        alert.contains("an email claiming to come from " + ALICE + " failed the sender check"),
        alert);
    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("unauthenticated") && n.text().equals("#take")));
    assertTrue(
        desk.audit(id).stream()
            .anyMatch(a -> a.startsWith("command-refused: sender not authenticated")),
        desk.audit(id).toString());
    assertTrue(desk.mailTo(ALICE, id).isEmpty(), "the forged sender is not answered");
  }

  @Test
  void anEmailWithTwoCommandsDoesNeither() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#take\n#pass fine");

    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains(
            "one command per email: this email also has #pass (line 2), so nothing was done"),
        refusal);
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void aRefusedCommandLeavesNothingButTheRefusal() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    StaffCommands.Result r = desk.say(ALICE, id, "#release");

    assertTrue(r.summary().startsWith("refused ("), r.summary());
    assertFalse(r.closedTicket());
    List<String> proven =
        desk.read(c -> ProvenDecisions.forTicket(c, id)).stream()
            .map(ProvenDecisions.Entry::command)
            .toList();
    assertEquals(List.of("take"), proven, "the refused #release's proof was rolled back");
  }

  @Test
  void anAppliedCommandIsRecordedWithItsSendersProof() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    StaffCommands.Result r = desk.say(ALICE, id, "#pass fine");

    assertTrue(r.summary().startsWith("verdict applied"), r.summary());
    ProvenDecisions.Entry e = desk.read(c -> ProvenDecisions.forTicket(c, id)).get(0);
    assertEquals("verdict", e.command(), "which verdict is never written beside its proof");
    assertEquals("sender authenticated (dmarc=pass)", e.proof());
  }

  @Test
  void aMistypedCommandIsAnsweredWithTheOneItWasMeantToBe() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    StaffCommands.Result r = desk.say(ALICE, id, "#tkae");

    assertTrue(r.summary().startsWith("help"), r.summary());
    String help = desk.lastBodyTo(ALICE, id);
    assertTrue(help.contains("#tkae is not a command (did you mean #take?)"), help);
    assertEquals(
        "#tkae is not a command", desk.lastTo(ALICE, id).subject().replaceAll(".*\\] ", ""));
    desk.say(ALICE, id, "#zzzzzz");
    assertFalse(desk.lastBodyTo(ALICE, id).contains("did you mean"));
  }

  @Test
  void aReplyAllToTheOfficersNotificationIsStoredButNeverAnswered() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    StaffCommands.Result r = desk.say(ALICE, id, "Thanks, I will look at it.");

    assertEquals(
        "stored as a note, not answered: it answers a notification to the officers", r.summary());
    assertTrue(desk.mailTo(ALICE, id).isEmpty());
    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.text().equals("Thanks, I will look at it.")));
  }

  @Test
  void textWithoutACommandIsKeptAsAnInternalNote() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.newMail(ALICE, id, "I will look at this tomorrow.");

    assertTrue(
        desk.lastBodyTo(ALICE, id)
            .contains("Your email is stored on " + id + " as an internal note"));
    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("note") && n.author().equals(ALICE)));
    assertEquals(List.of(), desk.checkers(id));
  }

  @Test
  void theHelpListsOnlyTheCommandsThatApplyNow() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#help");

    String help = desk.lastBodyTo(ALICE, id);
    assertTrue(help.contains("#take            become one of the two"), help);
    assertFalse(help.contains("#release         send the checked files"), help);
    assertFalse(help.contains("#approve"), help);
  }

  @Test
  void aDataOwnersPlainAnswerIsNoDecisionAndTheyAreToldWhatToWrite() throws Exception {
    String id = desk.request(WorkflowFixture.FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "Approved, thanks");

    assertInstanceOf(TicketState.WithDataOwner.class, desk.state(id));
    assertTrue(
        desk.lastBodyTo(OWNER, id)
            .contains(
                "No decision was recorded: your email does not start with #approve or #deny."));
    assertTrue(desk.lastBodyTo(BOB, id).contains("Approved, thanks"));
  }

  @Test
  void aNoteReachesTheCheckersAndNeedsItsText() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#take");

    desk.say(BOB, id, "#note");
    assertTrue(desk.refusalTo(BOB, id).contains("#note needs the note's text after the command"));
    desk.say(BOB, id, "#note row 3 was suppressed last time");

    assertTrue(
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.text().equals("row 3 was suppressed last time")));
    assertTrue(desk.lastBodyTo(ALICE, id).contains("row 3 was suppressed last time"));
  }
}
