package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.project.Project;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketState;

/**
 * Which combinations of roles decide what a sender may do (mutation testing found them unguarded).
 */
class RoleUnitTest {
  @Test
  void anOfficerWhoIsTheRequesterOrAResearcherIsConflicted() {
    assertTrue(Role.conflicted(EnumSet.of(Role.OFFICER, Role.REQUESTER)));
    assertTrue(Role.conflicted(EnumSet.of(Role.OFFICER, Role.RESEARCHER)));
    assertFalse(Role.conflicted(EnumSet.of(Role.OFFICER, Role.MANAGER)));
    assertFalse(Role.conflicted(EnumSet.of(Role.REQUESTER, Role.RESEARCHER)));
  }

  @Test
  void aManagerOnlyIsNeitherOfficerNorDataOwner() {
    assertTrue(Role.managerOnly(EnumSet.of(Role.MANAGER)));
    assertTrue(Role.managerOnly(EnumSet.of(Role.MANAGER, Role.RESEARCHER)));
    assertFalse(Role.managerOnly(EnumSet.of(Role.MANAGER, Role.OFFICER)));
    assertFalse(Role.managerOnly(EnumSet.of(Role.MANAGER, Role.DATA_OWNER)));
    assertFalse(Role.managerOnly(EnumSet.of(Role.OFFICER)));
  }

  @Test
  void theRequesterAndTheProjectsResearchersWriteAsResearchers() {
    assertTrue(Role.researcher(EnumSet.of(Role.REQUESTER)));
    assertTrue(Role.researcher(EnumSet.of(Role.RESEARCHER)));
    assertFalse(Role.researcher(EnumSet.of(Role.OFFICER, Role.DATA_OWNER, Role.MANAGER)));
  }

  private static final Ticket OUTPUT =
      Ticket.builder()
          .id(TicketId.parse("STATS10001"))
          .projectNumber("12345")
          .researcher("req@uni.ac.uk")
          .subject("Output request")
          .state(new TicketState.Queued(Instant.parse("2024-01-16T10:00:00Z")))
          .policy("default")
          .createdAt(Instant.parse("2024-01-16T10:00:00Z"))
          .rootMessageId("<m@x>")
          .build();

  private static final Project PROJECT =
      new Project(
          "12345",
          "A study",
          Project.Status.LIVE,
          Project.Type.FULL,
          List.of("req@uni.ac.uk", "colleague@uni.ac.uk", "officer.too@ons.gov.uk"),
          10,
          "default",
          Project.DataOwnerReview.FOR_APPROVAL,
          List.of("owner@dept.gov.uk"));

  private static final org.outputintake.config.Staff STAFF =
      new org.outputintake.config.Staff(
          null,
          List.of("officer@ons.gov.uk", "officer.too@ons.gov.uk"),
          List.of("manager@ons.gov.uk", "officer@ons.gov.uk"),
          org.outputintake.config.Staff.DEFAULT_ATTACH_LIMIT,
          Map.of("ingest", List.of("ingester@ons.gov.uk")));

  @Test
  void theRequesterIsNotAlsoCountedAsAnotherResearcherOfTheProject() {
    assertEquals(EnumSet.of(Role.REQUESTER), Role.of("REQ@uni.ac.uk", OUTPUT, PROJECT, STAFF));
    assertEquals(
        EnumSet.of(Role.RESEARCHER), Role.of("colleague@uni.ac.uk", OUTPUT, PROJECT, STAFF));
  }

  @Test
  void staffAndDataOwnersHoldTheirRolesAndAPersonCanHoldSeveral() {
    assertEquals(
        EnumSet.of(Role.OFFICER, Role.MANAGER),
        Role.of("officer@ons.gov.uk", OUTPUT, PROJECT, STAFF));
    assertEquals(
        EnumSet.of(Role.OFFICER, Role.RESEARCHER),
        Role.of("officer.too@ons.gov.uk", OUTPUT, PROJECT, STAFF));
    assertEquals(EnumSet.of(Role.DATA_OWNER), Role.of("owner@dept.gov.uk", OUTPUT, PROJECT, STAFF));
    assertEquals(EnumSet.of(Role.MANAGER), Role.of("manager@ons.gov.uk", OUTPUT, PROJECT, STAFF));
  }

  @Test
  void anOfficerIsOneForTheTicketsKindOnly() {
    Ticket ingest = OUTPUT.asKind(RequestKind.INGEST, null);

    assertEquals(EnumSet.of(Role.OFFICER), Role.of("ingester@ons.gov.uk", ingest, PROJECT, STAFF));
    assertEquals(Set.of(), Role.of("ingester@ons.gov.uk", OUTPUT, PROJECT, STAFF));
    assertEquals(
        EnumSet.of(Role.MANAGER),
        Role.of("officer@ons.gov.uk", ingest, PROJECT, STAFF),
        "an output officer is no officer of a kind with its own list");
  }

  @Test
  void anOutsiderOrAnUnknownSenderHasNoRole() {
    assertEquals(Set.of(), Role.of("someone@else.org", OUTPUT, PROJECT, STAFF));
    assertEquals(Set.of(), Role.of(null, OUTPUT, PROJECT, STAFF));
  }

  @Test
  void withoutItsProjectOnRecordOnlyTheRequesterAndStaffAreKnown() {
    assertEquals(Set.of(), Role.of("colleague@uni.ac.uk", OUTPUT, null, STAFF));
    assertEquals(Set.of(), Role.of("owner@dept.gov.uk", OUTPUT, null, STAFF));
    assertEquals(EnumSet.of(Role.REQUESTER), Role.of("req@uni.ac.uk", OUTPUT, null, STAFF));
  }

  /** Seed 002, section 3: outputs are checked by two officers; files coming in by one. */
  @Test
  void anOutputTakesTwoChecksAndAnIngestOrTransferOneUnlessConfigured() {
    WorkflowSettings.Checkers counts = WorkflowSettings.Checkers.DEFAULT;

    assertEquals(2, WorkflowStore.checksNeeded(counts, OUTPUT));
    assertEquals(1, WorkflowStore.checksNeeded(counts, OUTPUT.asKind(RequestKind.INGEST, null)));
    assertEquals(
        1, WorkflowStore.checksNeeded(counts, OUTPUT.asKind(RequestKind.TRANSFER, "54321")));
    WorkflowSettings.Checkers configured = new WorkflowSettings.Checkers(3, 2, 4);
    assertEquals(3, WorkflowStore.checksNeeded(configured, OUTPUT));
    assertEquals(
        2, WorkflowStore.checksNeeded(configured, OUTPUT.asKind(RequestKind.INGEST, null)));
    assertEquals(
        4, WorkflowStore.checksNeeded(configured, OUTPUT.asKind(RequestKind.TRANSFER, "54321")));
  }
}
