package org.outputintake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ADA;
import static org.outputintake.testing.TestBot.ALICE;
import static org.outputintake.testing.TestBot.CAROL;
import static org.outputintake.testing.TestBot.OFFICERS_LIST;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.outputintake.intake.InboxPoller;
import org.outputintake.testing.AutoResponder;
import org.outputintake.testing.AutoResponder.Shape;
import org.outputintake.testing.DeskTest;
import org.outputintake.testing.Mails;
import org.outputintake.ticket.AuditLog;
import org.slf4j.LoggerFactory;

/**
 * Mail loops, each played through the real mail path: an auto-responder answers everything the bot
 * sends its mailbox within a second, for five minutes of the bot's clock. Whatever its shape, the
 * bot sends at most a handful of mails and then nothing: an auto-reply it recognises is stored and
 * never answered, and one that looks like a person meets the caps (help to staff mail without a
 * command, and replies to a researcher's correspondence, per address and hour; one alert per ticket
 * and topic an hour; nothing at all for an answer to an alert).
 */
class MailLoopsTest extends DeskTest {
  private static final int FIVE_MINUTES = 300;

  private final Logger pollLog = (Logger) LoggerFactory.getLogger(InboxPoller.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    pollLog.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    pollLog.detachAppender(logged);
  }

  private int cap() {
    return bot.config().replies().maxPerSenderPerHour();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Shape.class)
  void anOfficerOnLeaveAutoReplyingToHerConfirmationsAndHelpIsNotALoop(Shape shape)
      throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    AutoResponder.Run run = new AutoResponder(bot, ALICE, ALICE, shape).runFor(FIVE_MINUTES);

    long toAlice = run.to(ALICE);
    if (shape.looksLikeAPerson()) {
      // nothing says it is automatic: her "I am on leave" is staff mail without a command, whose
      // help is capped per address
      assertTrue(
          toAlice <= org.outputintake.reply.ReplyCap.STAFF_HELP_PER_HOUR,
          toAlice + " mails to the officer in five minutes");
    } else {
      assertEquals(0, toAlice, "an auto-reply is stored, never answered (" + shape + ")");
    }
    assertTrue(run.lastSecond() <= 30, "silence after second " + run.lastSecond());
    assertEquals(toAlice, run.mails().size(), "nobody else was mailed about it");
    assertTrue(desk.checkers(id).contains(ALICE), "nothing her responder wrote changed the ticket");
  }

  @Test
  void theLogNeverSaysAnsweredWhenTheHelpWasHeldBack() throws Exception {
    String id = desk.request("1234567", TABLE);
    desk.say(ALICE, id, "#take");

    AutoResponder.Run run =
        new AutoResponder(bot, ALICE, ALICE, Shape.LOOKS_LIKE_A_PERSON).runFor(60);

    List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    long saidAnswered =
        lines.stream().filter(l -> l.endsWith("stored as a note, answered")).count();
    assertEquals(run.to(ALICE), saidAnswered, String.join("\n", lines));
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("stored as a note, not answered: reply cap")),
        String.join("\n", lines));
    assertTrue(
        bot.app().db().read(c -> AuditLog.forTicket(c, id)).stream()
            .anyMatch(e -> e.type().equals("reply-suppressed")),
        "the held-back help is in the ticket's audit trail");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Shape.class,
      names = {
        "OUTLOOK",
        "OUT_OF_OFFICE",
        "X_AUTOREPLY",
        "EXCHANGE_INBOX_RULE",
        "LOOKS_LIKE_A_PERSON",
        "LOOKS_LIKE_A_PERSON_UNTHREADED"
      })
  void aListMemberAutoReplyingToTheOfficersAlertsIsNotALoop(Shape shape) throws Exception {
    // a member of the list who is not one of staff.officers: their mail in a ticket's thread is an
    // outsider's, which alerts the officers (on the same list)
    String member = "dave.listmember@example.org";
    AutoResponder responder = new AutoResponder(bot, OFFICERS_LIST, member, shape);
    String id = desk.request("1234567", TABLE); // nobody holds it: alerts go to the list

    AutoResponder.Run run = responder.runFor(FIVE_MINUTES);

    long alerts =
        run.mails().stream().filter(m -> subject(m).contains("Mail from outside")).count();
    assertTrue(
        alerts <= (shape.looksLikeAPerson() ? 1 : 0),
        alerts + " alerts about the member's auto-replies (" + shape + ")");
    assertTrue(run.mails().size() <= 1, run.mails().size() + " mails in five minutes");
    assertTrue(run.lastSecond() <= 5, "silence after second " + run.lastSecond());
    // unthreaded, a subject tag from someone not on the ticket does not reach it (it is read as
    // their own mail): only the threaded auto-reply is on the ticket's audit trail
    if (shape == Shape.LOOKS_LIKE_A_PERSON) {
      assertTrue(
          bot.app().db().read(c -> AuditLog.forTicket(c, id)).stream()
              .anyMatch(
                  e ->
                      e.type().equals("alert-coalesced")
                          || e.detail().contains("answers an officers-alert")),
          "what was not alerted is in the audit trail");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Shape.class,
      names = {"OUTLOOK", "GERMAN_OUTLOOK", "LOOKS_LIKE_A_PERSON"})
  void anOfficerAutoReplyingToTheListsNotificationsGetsNoHelp(Shape shape) throws Exception {
    AutoResponder responder = new AutoResponder(bot, OFFICERS_LIST, CAROL, shape);
    desk.request("1234567", TABLE);
    desk.request("2345678", TABLE);

    AutoResponder.Run run = responder.runFor(FIVE_MINUTES);

    assertEquals(0, run.to(CAROL), "no help for an answer to the list's notification");
    assertEquals(0, run.mails().size(), "and nothing to anyone else");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Shape.class,
      names = {"OUTLOOK", "FRENCH_OUTLOOK", "PRECEDENCE_AUTO_REPLY", "LOOKS_LIKE_A_PERSON"})
  void aResearchersAutoResponderIsNotALoop(Shape shape) throws Exception {
    AutoResponder responder = new AutoResponder(bot, ADA, ADA, shape);
    bot.deliver(Mails.request().build(bot.session())); // no form: blocked, so answers get answers
    bot.cycle();

    AutoResponder.Run run = responder.runFor(FIVE_MINUTES);

    long toAda = run.to(ADA);
    assertTrue(
        toAda <= (shape.looksLikeAPerson() ? cap() : 0),
        toAda + " mails to the researcher (" + shape + ")");
    assertTrue(run.lastSecond() <= 30, "silence after second " + run.lastSecond());
    if (!shape.looksLikeAPerson()) assertEquals(0, run.mails().size(), "nothing to anyone");
  }

  private static String subject(jakarta.mail.internet.MimeMessage m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
