package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.BOB;

import org.junit.jupiter.api.Test;
import org.outputintake.testing.DeskTest;

/** An officer's choice of confirmations, #confirmations errors-only / all, by email. */
class ConfirmationsTest extends DeskTest {
  int toAlice(String id) {
    return desk.mailTo(ALICE, id).size();
  }

  @Test
  void anErrorsOnlyOfficerGetsRefusalsAndAnswersButNoDone() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#confirmations errors-only");
    assertTrue(
        desk.lastBodyTo(ALICE, id).contains("From now on a command that works is not confirmed"),
        desk.lastBodyTo(ALICE, id));
    int before = toAlice(id);
    desk.say(ALICE, id, "#take");
    assertEquals(before + 1, toAlice(id), "#take still brings the files");
    assertTrue(desk.checkers(id).contains(ALICE));

    before = toAlice(id);
    desk.say(ALICE, id, "#note looking at the regions now");
    desk.say(ALICE, id, "#pass ok");
    assertEquals(before, toAlice(id), "no 'done' for #note or #pass");
    assertEquals(1, desk.ticket(id).round());

    desk.say(ALICE, id, "#release");
    assertEquals(before + 1, toAlice(id), "a refusal always arrives");
    String refusal = desk.lastBodyTo(ALICE, id);
    assertTrue(refusal.contains("Not done"), refusal);

    desk.say(BOB, id, "#take");
    assertTrue(
        desk.lastTo(BOB, id).getSubject().contains("#take: done"),
        "others keep their confirmations");

    desk.say(ALICE, id, "#confirmations all");
    before = toAlice(id);
    desk.say(ALICE, id, "#note back to every confirmation");
    assertEquals(before + 1, toAlice(id), "confirmed again");
  }

  @Test
  void anUnknownChoiceIsRefusedWithWhatToWrite() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#confirmations fewer please");
    String refusal = desk.lastBodyTo(ALICE, id);
    assertTrue(refusal.contains("write #confirmations errors-only"), refusal);
  }
}
