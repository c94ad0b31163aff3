package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

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
}
