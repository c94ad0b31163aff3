package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.CAROL;
import static org.outputintake.testing.TestBot.MANAGER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketState;

/**
 * {@code #assign}: a manager gives a ticket a checker from their own mailbox; when the two checkers
 * disagree the managers are told, and a third checker they assign decides the round, blind to the
 * earlier verdicts until their own is in.
 */
class AssigningTest extends DeskTest {
  @Test
  void aManagerAssignsAnOfficerWhoGetsTheFilesAndChecksAsWithTake() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(MANAGER, id, "#assign carol.officer@example.org");

    assertEquals(List.of(CAROL), desk.checkers(id));
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking);
    String toCarol = desk.lastBodyTo(CAROL, id);
    assertTrue(
        toCarol.contains(MANAGER + ", a manager, has assigned you to " + id)
            && toCarol.contains("You are checker 1 of 2")
            && toCarol.contains("SHA-256"),
        toCarol);
    assertTrue(
        OfficersWorkflowTest.attachmentNames(desk.lastTo(CAROL, id)).contains("table1.csv"),
        "the files ride on the assignment");
    String confirmation = desk.lastBodyTo(MANAGER, id);
    assertTrue(
        confirmation.contains("You assigned " + CAROL + " to " + id + " as checker 1 of 2"),
        confirmation);

    desk.say(CAROL, id, "#pass counts fine");
    desk.say(ALICE, id, "#pass totals reconcile");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked);
  }

  @Test
  void onlyAManagerAssignsAndOnlyAnIndependentOfficer() throws Exception {
    String id = desk.request("1234567", TABLE);

    desk.say(BOB, id, "#assign carol.officer@example.org");
    assertTrue(
        desk.lastBodyTo(BOB, id).startsWith("Not done: only the managers (staff.managers)"),
        desk.lastBodyTo(BOB, id));

    desk.say(MANAGER, id, "#assign " + ADA);
    assertTrue(
        desk.lastBodyTo(MANAGER, id).contains(ADA + " is not one of the output checking officers"),
        desk.lastBodyTo(MANAGER, id));
    assertEquals(List.of(), desk.checkers(id));

    String own = desk.requestFrom(BOB, "8800001", TABLE);
    desk.say(MANAGER, own, "#assign bob.officer@example.org");
    assertTrue(
        desk.lastBodyTo(MANAGER, own).contains(BOB + " is the requester of " + own),
        desk.lastBodyTo(MANAGER, own));
    assertEquals(List.of(), desk.checkers(own));
  }

  @Test
  void aDisagreementGoesToTheManagersAndTheThirdCheckerDecidesBlind() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#pass totals reconcile with the published series");
    desk.say(BOB, id, "#fail row East is too small");

    String escalation = desk.lastBodyTo(MANAGER, id);
    assertTrue(
        escalation.contains("disagree in check round 1") && escalation.contains("#assign"),
        escalation);
    assertFalse(
        escalation.contains("reconcile") || escalation.contains("too small"),
        "no verdict in the managers' mail: " + escalation);
    assertTrue(desk.lastBodyTo(ALICE, id).contains("The managers have been told you disagree"));

    desk.say(MANAGER, id, "#assign carol.officer@example.org");

    assertEquals(List.of(ALICE, BOB), desk.checkers(id), "the two checkers stay two");
    String toCarol = desk.lastBodyTo(CAROL, id);
    assertTrue(toCarol.contains("You are the deciding (third) checker of " + id), toCarol);
    String carolSoFar =
        String.join("\n", desk.mailTo(CAROL, id).stream().map(m -> body(m)).toList());
    assertFalse(
        carolSoFar.contains("reconcile") || carolSoFar.contains("too small"),
        "blind: " + carolSoFar);
    assertTrue(desk.lastBodyTo(ALICE, id).contains("assigned " + CAROL + " as the deciding"));

    desk.say(CAROL, id, "#show " + id);
    String shown = desk.lastBodyTo(CAROL, id);
    assertTrue(shown.startsWith("Not done: you are the deciding checker"), shown);
    assertFalse(shown.contains("reconcile") || shown.contains("too small"), shown);

    desk.say(CAROL, id, "#pass East is a published total");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked, "the deciding pass decides");
    String revealed =
        desk.mailTo(CAROL, id).stream()
            .map(m -> body(m))
            .filter(b -> b.contains("All three verdicts"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        revealed.contains("reconcile")
            && revealed.contains("too small")
            && revealed.contains("published total"),
        "the deciding checker sees both once theirs is in: " + revealed);
    String all = desk.lastBodyTo(BOB, id);
    assertTrue(
        all.contains("reconcile") && all.contains("too small") && all.contains("published total"),
        all);
    List<AuditLog.Event> audit = bot.app().db().read(c -> AuditLog.forTicket(c, id));
    assertTrue(audit.stream().anyMatch(e -> e.type().equals("decider-assigned")), audit.toString());

    desk.say(CAROL, id, "#show " + id);
    String afterwards = desk.lastBodyTo(CAROL, id);
    assertTrue(afterwards.contains("verdicts this round: 3 of 3"), afterwards);

    desk.say(ALICE, id, "#release");
    assertTrue(
        desk.ticket(id).state() instanceof TicketState.Closed cl && cl.released(),
        desk.lastBodyTo(ALICE, id));
  }

  @Test
  void aDecidingFailLeavesItWithTheCheckersAndNoThirdCheckerWithoutADisagreement()
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#take");
    desk.say(MANAGER, id, "#assign carol.officer@example.org");
    String refusal = desk.lastBodyTo(MANAGER, id);
    assertTrue(
        refusal.contains(
            "can be assigned only when both have given their verdicts and they" + " disagree"),
        refusal);

    desk.say(ALICE, id, "#pass totals reconcile");
    desk.say(BOB, id, "#fail row East is too small");
    desk.say(MANAGER, id, "#assign carol.officer@example.org");
    desk.say(CAROL, id, "#fail agreed, East is too small");

    assertTrue(desk.ticket(id).state() instanceof TicketState.Checking);
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("The deciding verdict is a fail"),
        desk.lastBodyTo(ALICE, id));
    desk.say(ALICE, id, "#release");
    assertTrue(desk.lastBodyTo(ALICE, id).startsWith("Not done"), desk.lastBodyTo(ALICE, id));
    assertTrue(desk.ticket(id).state().isOpen());
  }

  private static String body(jakarta.mail.internet.MimeMessage m) {
    return org.outputintake.testing.TestBot.body(m);
  }
}
