package org.outputintake.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.outputintake.testing.TestBot.ALICE;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.testing.Desk;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;
import org.outputintake.workflow.WorkflowStore;

/**
 * Answers to a digest, and a manager's own email, are staff mail: a ticket id in the text reaches
 * that ticket, anything else is told where to write; never the researchers' subject help.
 */
class DigestRepliesTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
              com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
          .withPerMethodLifecycle(true);

  static final String MANAGER = ManagersDigestTest.MANAGER;
  @TempDir Path dir;
  TestBot bot;
  Desk desk;
  int serial;

  @AfterEach
  void stop() {
    if (bot != null) bot.close();
  }

  private MimeMessage last(String to) {
    List<MimeMessage> all = bot.receivedBy(to);
    return all.get(all.size() - 1);
  }

  private void send(String from, String subject, String body, MimeMessage answering)
      throws Exception {
    Mails m =
        Mails.request()
            .from(from)
            .subject(subject)
            .body(body)
            .messageId("<staff" + (serial++) + "@example.org>");
    if (answering != null) m.inReplyTo(answering.getMessageID());
    bot.deliver(m.build(bot.session()));
    bot.cycle();
    bot.app().outbox().sendDue();
  }

  @Test
  void answersToADigestReachTheTicketNamedOrAreToldWhereToWriteAndManagersGetNoSubjectHelp()
      throws Exception {
    bot = new TestBot(mail, dir, ManagersDigestTest::withDigests);
    desk = new Desk(bot, dir);
    String id = desk.request("1234567", ManagersDigestTest.TABLE);
    bot.app().digests().tick();
    bot.clock().advance(Duration.ofHours(22).plusMinutes(30));
    bot.app().digests().tick();
    bot.app().outbox().sendDue();
    MimeMessage digest = last(MANAGER);
    assertTrue(digest.getSubject().startsWith("Output checking digest"), digest.getSubject());

    send(MANAGER, "Re: " + digest.getSubject(), "Why is " + id + " still waiting?", digest);
    assertTrue(
        bot.app().db().read(c -> WorkflowStore.notes(c, id)).stream()
            .anyMatch(n -> n.text().contains("still waiting")),
        "the manager's text is on the ticket");

    send(MANAGER, "Re: " + digest.getSubject(), "Thanks, all clear.", digest);
    String reply = TestBot.body(last(MANAGER));
    assertTrue(reply.startsWith("Nothing was done: your email answers a digest"), reply);
    assertFalse(reply.contains("Output request for Project"), "no subject help: " + reply);

    send(MANAGER, "Team meeting", "Shall we meet on Friday?", null);
    reply = TestBot.body(last(MANAGER));
    assertTrue(reply.startsWith("Nothing was done: your email is in no ticket's thread"), reply);
    assertFalse(reply.contains("Output request for Project"), "no subject help: " + reply);

    send(ALICE, "Re: " + digest.getSubject(), "#take " + id, digest);
    assertEquals(List.of(ALICE), desk.checkers(id), "an officer's command reaches the ticket");
  }
}
