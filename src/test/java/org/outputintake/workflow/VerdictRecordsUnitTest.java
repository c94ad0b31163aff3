package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ADA;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.BOB;
import static org.outputintake.workflow.WorkflowFixture.FOR_APPROVAL;
import static org.outputintake.workflow.WorkflowFixture.FOR_INFORMATION;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the commands leave on the record: a pass that answers the scanners' blockers, the audit
 * events and notes of each decision, the owner's decision and the release, and whether a command
 * closed the ticket.
 */
class VerdictRecordsUnitTest extends OnTheDesk {
  @Test
  void aPassMustSayWhyEachBlockerIsAcceptableAndTakesNothingWhenRefused() throws Exception {
    String id = desk.requestWithBlockers(PLAIN, "LOW_COUNT", "DOMINANCE");

    desk.say(ALICE, id, "#pass looks fine\nLOW_COUNT: a published total");

    String refusal = desk.refusalTo(ALICE, id);
    assertTrue(
        refusal.contains(
            "the automatic checks found blockers in this submission (LOW_COUNT, DOMINANCE), and"
                + " your verdict does not say why this one is acceptable: DOMINANCE. Nothing was"
                + " recorded."),
        refusal);
    assertEquals(List.of(), desk.checkers(id), "the implicit #take went with the refusal");
    assertEquals(0, desk.verdicts(id, 1));

    desk.say(ALICE, id, "#pass\nLOW_COUNT: a published total\ndominance - two firms, both consent");
    assertEquals(1, desk.verdicts(id, 1));
    desk.say(BOB, id, "#pass override: the scanner misread the layout");
    assertEquals(2, desk.verdicts(id, 1));
  }

  @Test
  void aFailNeedsNoAnswerToTheBlockers() throws Exception {
    String id = desk.requestWithBlockers(PLAIN, "LOW_COUNT");

    desk.say(ALICE, id, "#fail the low count is real");

    assertEquals(1, desk.verdicts(id, 1));
  }

  @Test
  void eachDecisionIsOnTheAuditTrailWithoutNamingTheVerdict() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    twoPasses(id);

    List<String> audit = desk.audit(id);
    assertTrue(audit.contains("checker-added: checker 1"), audit.toString());
    assertTrue(audit.contains("checker-added: checker 2"), audit.toString());
    assertEquals(2, audit.stream().filter(a -> a.equals("verdict-given: round 1")).count());
    assertTrue(audit.contains("state-checked: two passes in round 1"), audit.toString());
  }

  @Test
  void anIngestsOnePassIsTheCheckersPassOnTheRecord() throws Exception {
    String id = desk.requestOf(org.outputintake.ticket.RequestKind.INGEST, PLAIN, "lookup.csv");

    desk.say(ALICE, id, "#pass fine");

    assertTrue(
        desk.audit(id).contains("state-checked: the checker's pass in round 1"),
        desk.audit(id).toString());
  }

  @Test
  void whatGoesToTheResearcherIsKeptAsTheOfficersNote() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(ALICE, id, "#ask Which year is row 3?");

    WorkflowStore.Note note =
        desk.read(c -> WorkflowStore.notes(c, id)).stream()
            .filter(n -> n.kind().equals("ask"))
            .findFirst()
            .orElseThrow();
    assertEquals(ALICE, note.author());
    assertEquals("Which year is row 3?", note.text());
  }

  @Test
  void theOwnersDecisionIsRecordedForItsRound() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "#approve");

    List<OwnerDecision> decisions = desk.read(c -> OwnerDecision.forTicket(c, id));
    assertEquals(1, decisions.size());
    assertTrue(decisions.get(0).toString().contains(OWNER), decisions.toString());
    assertTrue(desk.audit(id).contains("owner-approve: approved"), desk.audit(id).toString());
  }

  @Test
  void theReleaseRecordNamesTheBlindCopiedOwners() throws Exception {
    String id = desk.request(FOR_INFORMATION, "table.csv");
    twoPasses(id);

    StaffCommands.Result r = desk.say(ALICE, id, "#release");

    assertTrue(r.closedTicket(), r.summary());
    WorkflowStore.Release release = desk.read(c -> WorkflowStore.release(c, id)).orElseThrow();
    assertEquals(OWNER, release.blindCopy());
    assertEquals(ADA, release.recipient());
    assertTrue(release.filesJson().contains("\"name\":\"table.csv\""), release.filesJson());
  }

  @Test
  void onlyACommandThatClosesTheTicketSaysSo() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    assertFalse(desk.say(ALICE, id, "#take").closedTicket());
    assertFalse(desk.say(BOB, id, "#reject").closedTicket(), "refused: no reason");
    assertTrue(desk.say(ALICE, id, "#reject not clearable").closedTicket());
    assertFalse(desk.say(ALICE, id, "#note after the close").closedTicket());
  }
}
