package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.reply.Outbox;
import org.outputintake.testing.Mails;
import org.outputintake.testing.TestBot;

/**
 * One thousand emails whose senders are damaged or hostile, then one good request: the good request
 * is answered at once, no row waits for ever, nothing is sent twice.
 */
class HostileSendersTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(
          com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

  @TempDir Path dir;

  private TestBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = new TestBot(mail, dir);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  /**
   * From-headers of every damaged kind we could think of; each becomes many messages by varying a
   * number.
   */
  static List<String> hostileFroms(int i) {
    String n = Integer.toString(i);
    return List.of(
        "Ada <ada" + n + "@uni.example.ac.uk", // unbalanced <
        "ada" + n + "@uni.example.ac.uk>", // unbalanced >
        "=?UTF-8?B?YWRhQHVuaS5leGFtcGxlLmFjLnVr?= <>", // encoded word, empty address
        "=?UTF-8?Q?ada=40evil.example?=" + n, // an address hidden in an encoded word
        "ada" + n + "\u0000@uni.example.ac.uk", // NUL
        "x".repeat(2048) + n + "@uni.example.ac.uk", // 2 KB local part
        "ada" + n + "@bücher.example", // IDN domain
        "émile" + n + "@uni.example.ac.uk", // non-ASCII local part
        "undisclosed-recipients:;", // group syntax, no member
        "friends: ada" + n + "@uni.example.ac.uk, bob@x.org;", // group with members
        "", // empty From
        "<>", // null sender
        "\"Ada\" <ada" + n + "@[127.0.0.1]>", // address literal
        "ada" + n + "@uni..example.ac.uk", // empty domain label
        "a b c" + n + "@uni.example.ac.uk", // spaces
        "ada" + n + "@localhost", // no dot in domain
        "\"quoted\\\"local" + n + "\"@uni.example.ac.uk", // quoted local part with escapes
        "ada" + n + "@uni.example.ac.uk (comment <with> brackets", // unbalanced comment
        "Ada <ada" + n + "@uni.example.ac.uk>, Bob <bob@x.org>", // two senders
        "=?x-unknown?Q?junk?= <ada" + n + "@uni.example.ac.uk" + "\t>"); // unknown charset, tab
  }

  @Test
  void aThousandHostileSendersNeverDelayAGoodRequestNorRepeatAReply() throws Exception {
    int delivered = 0;
    for (int i = 0; delivered < 1000; i++) {
      for (String from : hostileFroms(i)) {
        if (delivered == 1000) break;
        String subject = i % 2 == 0 ? "16/01/24 Output request for Project 1234567" : "hello " + i;
        bot.deliverRaw(
            "From: "
                + from
                + "\r\nTo: statistical.support@example.org\r\nSubject: "
                + subject
                + "\r\nMessage-ID: <hostile-"
                + delivered
                + "@example.org>\r\n\r\nbody "
                + delivered
                + "\r\n");
        delivered++;
      }
    }
    bot.deliver(Mails.request().messageId("<good@uni.example.ac.uk>").build(bot.session()));

    bot.cycle();
    bot.clock().advance(Duration.ofSeconds(1));
    bot.app().outbox().sendDue();

    List<MimeMessage> toAda = bot.receivedBy(TestBot.ADA);
    assertTrue(
        toAda.stream()
            .anyMatch(
                m -> {
                  try {
                    return "<good@uni.example.ac.uk>".equals(m.getHeader("In-Reply-To", null));
                  } catch (jakarta.mail.MessagingException e) {
                    return false;
                  }
                }),
        "the good request was acknowledged within two outbox passes");
    List<Outbox.Entry> rows = bot.app().db().read(Outbox::all);
    assertTrue(
        rows.stream().noneMatch(r -> r.status() == Outbox.Status.PENDING),
        "no row left waiting: every reply was sent or is a dead letter");
    Set<String> ids = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (!ids.add(m.getMessageID())) twice.add(m.getMessageID());
    }
    assertEquals(List.of(), twice, "nothing was sent twice");
    assertEquals(0, bot.folderCount("INBOX"), "every message processed or quarantined");
  }
}
