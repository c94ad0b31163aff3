package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;
import static org.outputintake.testing.TestBot.CAROL;
import static org.outputintake.testing.TestBot.MANAGER;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.outputintake.config.Staff;
import org.outputintake.testing.Desk;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.TicketState;

/**
 * {@code #unassign}: a manager frees the slot of a checker who is away without a word, by replying
 * in the ticket's thread from their own mailbox, and reads the answer there over IMAP.
 */
class UnassigningTest extends DeskTest {
  static final String TRUSTED =
      "mx.example.org; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org; "
          + "dmarc=pass header.from=example.org";

  @BeforeEach
  void manager() {
    mail.setUser(MANAGER, MANAGER, "manager-secret");
  }

  @Test
  void aManagerFreesTheSlotOfAnAwayCheckerAndAnotherOfficerTakesTheTicket() throws Exception {
    String first = desk.request("1234567", TABLE);
    String second = desk.request("1234567", TABLE);
    desk.say(ALICE, first, "#take");

    desk.say(MANAGER, first, "#unassign alice.officer@example.org off sick, no word since Tuesday");

    assertEquals(List.of(), desk.checkers(first));
    assertTrue(desk.ticket(first).state() instanceof TicketState.Queued);
    assertEquals(
        1,
        (int) bot.app().db().<Integer>read(c -> WorkflowStore.queuePosition(c, first)),
        "back at its old place, ahead of the later " + second);
    String confirmation = imapBody(MANAGER, first);
    assertTrue(
        confirmation.contains("You freed the slot of " + ALICE + " on " + first), confirmation);
    assertTrue(confirmation.contains("#unassign"), "the footer offers the manager their command");
    String toAlice = desk.lastBodyTo(ALICE, first);
    assertTrue(
        toAlice.contains(MANAGER + ", a manager, has freed your checker's slot on " + first)
            && toAlice.contains("off sick, no word since Tuesday")
            && toAlice.contains("please do not go on checking it"),
        toAlice);
    String alert = desk.lastBodyTo(OFFICERS_LIST, first);
    assertTrue(
        alert.contains("freed the slot of " + ALICE) && alert.contains("Reply with #take"), alert);
    List<AuditLog.Event> audit = bot.app().db().read(c -> AuditLog.forTicket(c, first));
    assertTrue(
        audit.stream()
            .anyMatch(
                e ->
                    e.type().equals("checker-unassigned")
                        && e.actor().equals(MANAGER)
                        && e.detail().contains(ALICE)
                        && e.detail().contains("off sick")),
        audit.toString());

    desk.say(BOB, first, "#take");
    assertEquals(List.of(BOB), desk.checkers(first));
    assertTrue(desk.ticket(first).state() instanceof TicketState.Checking);
  }

  @Test
  void freeingOneOfTwoSlotsKeepsTheOtherVerdictAndTellsTheManagerNothingOfIt() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#pass totals reconcile with the published series");

    desk.say(MANAGER, id, "#unassign <alice.officer@example.org>, on leave for two weeks");

    assertEquals(List.of(BOB), desk.checkers(id));
    String confirmation = imapBody(MANAGER, id);
    assertTrue(confirmation.contains("Its other checker keeps it"), confirmation);
    assertFalse(confirmation.contains("totals reconcile"), "no verdict's notes: " + confirmation);
    assertFalse(confirmation.toLowerCase().contains("pass"), "no verdict: " + confirmation);

    desk.say(CAROL, id, "#pass counts fine");
    assertTrue(desk.ticket(id).state() instanceof TicketState.Checked, "Bob's verdict stood");
  }

  @Test
  void aCheckerWhoHasGivenAVerdictKeepsTheSlot() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#pass totals reconcile");

    desk.say(MANAGER, id, "#unassign alice.officer@example.org away");

    assertEquals(List.of(ALICE), desk.checkers(id));
    String refusal = imapBody(MANAGER, id);
    assertTrue(
        refusal.startsWith("Not done:")
            && refusal.contains(ALICE + " has given their verdict for round 1"),
        refusal);
    assertFalse(refusal.contains("totals reconcile"), refusal);
    assertTrue(desk.mailTo(ALICE, id).stream().noneMatch(m -> body(m).contains("freed your")));
  }

  @Test
  void anAddressThatIsNotACheckerOrAMissingReasonIsRefusedNamingTheCheckersOnly() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");
    desk.say(BOB, id, "#fail row East is too small");

    desk.say(MANAGER, id, "#unassign carol.officer@example.org on leave");
    String refusal = imapBody(MANAGER, id);
    assertTrue(
        refusal.contains(
            "Not done: "
                + CAROL
                + " is not a checker of "
                + id
                + "; its checkers are "
                + ALICE
                + " and "
                + BOB),
        refusal);
    assertFalse(refusal.contains("too small") || refusal.toLowerCase().contains("fail"), refusal);

    desk.say(MANAGER, id, "#unassign alice.officer@example.org");
    assertTrue(imapBody(MANAGER, id).contains("needs your reason"), imapBody(MANAGER, id));
    assertEquals(List.of(ALICE, BOB), desk.checkers(id));
  }

  @Test
  void onlyAManagerCanUnassign() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(BOB, id, "#unassign alice.officer@example.org she is away");
    assertEquals(List.of(ALICE), desk.checkers(id));
    String toBob = desk.lastBodyTo(BOB, id);
    assertTrue(
        toBob.startsWith("Not done: only the managers (staff.managers) can use #unassign"), toBob);

    desk.say(ADA, id, "#unassign alice.officer@example.org please hurry");
    assertEquals(List.of(ALICE), desk.checkers(id), "a researcher's mail is no command");
    assertTrue(desk.mailTo(ALICE, id).stream().noneMatch(m -> body(m).contains("freed your")));
  }

  @Test
  void aManagersOtherCommandsAreRefusedAndTheirOtherMailIsHandledAsBefore() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(MANAGER, id, "#pass looks fine to me");
    assertEquals(0, (int) bot.app().db().<Integer>read(c -> WorkflowStore.verdictCount(c, id, 1)));
    String refusal = imapBody(MANAGER, id);
    assertTrue(
        refusal.startsWith("Not done: managers may only use #unassign")
            && refusal.contains("#pass is for the output checking officers"),
        refusal);

    int before = imapBodies(MANAGER, id).size();
    desk.say(MANAGER, id, "How is this one going?");
    assertEquals(before, imapBodies(MANAGER, id).size(), "no answer to plain words");
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.kind().equals("outsider") && n.author().equals(MANAGER)));
  }

  @Test
  void aManagerWhoIsAResearcherOnTheProjectCannotChooseWhoChecksIt() throws Exception {
    bot.close();
    String alan = "alan.turing@uni.example.ac.uk";
    bot =
        new TestBot(
            mail,
            dir.resolve("alan"),
            c ->
                TestBot.with(
                    c,
                    Staff.of(OFFICERS_LIST, List.of(ALICE, BOB, CAROL), List.of(MANAGER, alan)),
                    c.security()));
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    desk.say(alan, id, "#unassign alice.officer@example.org too slow");

    assertEquals(List.of(ALICE), desk.checkers(id));
    String refusal = desk.lastBodyTo(alan, id);
    assertTrue(
        refusal.startsWith("Not done: you are a researcher on project 1234567, so you cannot"),
        refusal);
  }

  @Test
  void aManagersUnassignOutsideAnyThreadIsToldWhereItGoes() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    bot.deliver(
        Mails.request()
            .from(MANAGER)
            .subject("Alice is away")
            .body("#unassign alice.officer@example.org away all week")
            .build(bot.session()));
    bot.cycle();

    assertEquals(List.of(ALICE), desk.checkers(id));
    List<String> answers = imapBodies(MANAGER, "");
    String answer = answers.get(answers.size() - 1);
    assertTrue(
        answer.startsWith("Not done: #unassign acts on one ticket")
            && answer.contains("Commands go in a reply to the bot's email about the ticket")
            && !answer.contains("#next works"),
        answer);
  }

  @Test
  void withAuthenticationRequiredAnUnprovenManagerIsRefused() throws Exception {
    bot.close();
    bot =
        new TestBot(
            mail,
            dir.resolve("secure"),
            c ->
                TestBot.with(
                    c,
                    TestBot.STAFF,
                    Security.forStaff(SenderProofRule.REQUIRED, "mx.example.org")));
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take", null, Map.of("Authentication-Results", TRUSTED));
    assertEquals(List.of(ALICE), desk.checkers(id));

    desk.say(MANAGER, id, "#unassign alice.officer@example.org away");
    assertEquals(List.of(ALICE), desk.checkers(id), "no header: not a command");
    assertTrue(desk.lastBodyTo(OFFICERS_LIST, id).contains("failed the sender check"));

    desk.say(
        MANAGER,
        id,
        "#unassign alice.officer@example.org away",
        null,
        Map.of("Authentication-Results", TRUSTED));
    assertEquals(List.of(), desk.checkers(id));
  }

  /**
   * The manager's mail about a ticket (every mail for an empty id), read from their own mailbox
   * over IMAP, oldest first.
   */
  private List<String> imapBodies(String user, String ticketId) throws Exception {
    return bot.imapInbox(user, "manager-secret").stream()
        .filter(m -> ticketId.isEmpty() || m.subject().contains("[" + ticketId + "]"))
        .map(TestBot.ImapMail::text)
        .toList();
  }

  private String imapBody(String user, String ticketId) throws Exception {
    List<String> all = imapBodies(user, ticketId);
    if (all.isEmpty()) throw new AssertionError("no mail to " + user + " about " + ticketId);
    return all.get(all.size() - 1);
  }

  private static String body(jakarta.mail.internet.MimeMessage m) {
    return TestBot.body(m);
  }
}
