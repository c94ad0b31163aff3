package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.workflow.WorkflowFixture.ALICE;
import static org.outputintake.workflow.WorkflowFixture.FOR_APPROVAL;
import static org.outputintake.workflow.WorkflowFixture.MANAGER;
import static org.outputintake.workflow.WorkflowFixture.OWNER;
import static org.outputintake.workflow.WorkflowFixture.PLAIN;

import org.junit.jupiter.api.Test;
import org.outputintake.ticket.RequestKind;

/**
 * The help lists, for each sender, only the commands they may give that can apply to the ticket
 * now: an officer is never offered {@code #release} on a queued ticket, a manager never the
 * officers' commands, a data owner only their two.
 */
class HelpUnitTest extends OnTheDesk {
  private static final String TAKE = "#take            become";
  private static final String PASS = "#pass notes";
  private static final String RELEASE = "#release         send";
  private static final String COMPLETE = "#complete        put";
  private static final String OWNER_CMD = "#owner           send";
  private static final String REOPEN = "#reopen reason";
  private static final String ASSIGN = "#assign officer";
  private static final String APPROVE = "#approve         (data owners)";

  @Test
  void aQueuedTicketOffersTheChecksNotTheRelease() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    String help = help(ALICE, id);

    assertTrue(help.contains(TAKE) && help.contains(PASS), help);
    assertFalse(help.contains(RELEASE) || help.contains(OWNER_CMD) || help.contains(REOPEN), help);
    assertFalse(help.contains(ASSIGN) || help.contains(APPROVE), help);
  }

  @Test
  void aCheckedTicketOffersTheReleaseAndNoMoreChecks() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    twoPasses(id);

    String help = help(ALICE, id);

    assertTrue(help.contains(RELEASE) && help.contains(OWNER_CMD), help);
    assertFalse(help.contains(TAKE) || help.contains(PASS) || help.contains(COMPLETE), help);
  }

  @Test
  void aCheckedIngestOffersCompleteNotRelease() throws Exception {
    String id = desk.requestOf(RequestKind.INGEST, PLAIN, "lookup.csv");
    desk.say(ALICE, id, "#pass fine");

    String help = help(ALICE, id);

    assertTrue(help.contains(COMPLETE), help);
    assertFalse(help.contains(RELEASE), help);
  }

  @Test
  void aClosedTicketOffersTheReopening() throws Exception {
    String id = desk.request(PLAIN, "table.csv");
    desk.say(ALICE, id, "#close duplicate");

    String help = help(ALICE, id);

    assertTrue(help.contains(REOPEN), help);
    assertFalse(help.contains(TAKE), help);
  }

  @Test
  void aManagerIsOfferedTheirOwnCommandsOnly() throws Exception {
    String id = desk.request(PLAIN, "table.csv");

    desk.say(MANAGER, id, "#take");
    String help = desk.refusalTo(MANAGER, id);

    assertTrue(help.contains(ASSIGN) && help.contains("#unassign officer"), help);
    assertTrue(help.contains("#queue           the queue"), help);
    assertFalse(help.contains(TAKE) || help.contains(PASS), help);
    assertFalse(help.contains("#help            this list"), help);
    desk.say(ALICE, id, "#close duplicate");
    desk.say(MANAGER, id, "#take");
    assertFalse(desk.refusalTo(MANAGER, id).contains(ASSIGN), "nothing to assign on a closed one");
  }

  @Test
  void aDataOwnerIsOfferedTheirTwoDecisionsWhileAsked() throws Exception {
    String id = desk.request(FOR_APPROVAL, "table.csv");
    twoPasses(id);
    desk.say(ALICE, id, "#owner");

    desk.say(OWNER, id, "#help");
    String help = desk.lastBodyTo(OWNER, id);

    assertTrue(help.contains(APPROVE) && help.contains("#deny reason"), help);
    assertTrue(help.contains("#help            this list"), help);
    assertFalse(help.contains(TAKE) || help.contains(RELEASE) || help.contains("#queue"), help);
  }

  private String help(String officer, String id) {
    desk.newMail(officer, id, "#help");
    return desk.lastBodyTo(officer, id);
  }
}
