package org.outputintake.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.OAuth2Settings;
import org.outputintake.config.Poll;
import org.outputintake.config.Server;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.mail.oauth2.OAuth2Status;
import org.outputintake.testing.Mails;
import org.outputintake.testing.OAuth2Provider;
import org.outputintake.testing.TestBot;
import org.slf4j.LoggerFactory;

/**
 * {@code auth: oauth2} against a real OAuth2 server (mock-oauth2-server issuing signed tokens) and
 * a real XOAUTH2 mail server (GreenMail, which accepts the latest token issued as the mailbox's
 * password): the bot fetches its own token, shares it between IMAP and SMTP, renews it before it
 * lapses (an IDLE connection too), renews it once when the mailbox refuses it, and treats a revoked
 * client or a token endpoint that is down as a server fault, never losing mail. No token is ever in
 * a log line.
 */
class OAuth2MailboxTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;

  private OAuth2Provider provider;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void watchTheLog() {
    logged.start();
    root.addAppender(logged);
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG); // the token must not appear even at debug level
  }

  @AfterEach
  void stop() {
    root.setLevel(rootLevel);
    root.detachAppender(logged);
    if (provider != null) provider.close();
  }

  private void startProvider(Duration lifetime) {
    provider =
        new OAuth2Provider(
            false, "intake", lifetime, token -> mail.setUser(TestBot.SUPPORT, "support", token));
  }

  private UnaryOperator<IntakeConfig> clientCredentials() {
    return c -> {
      OAuth2Settings shared =
          new OAuth2Settings(
              "mailbox.oauth2",
              OAuth2Settings.Provider.CLIENT_CREDENTIALS,
              null,
              "intake-bot",
              "s3cret-value",
              null,
              null,
              null,
              provider.tokenUrl("intake"),
              null,
              "mail",
              null);
      return TestBot.withServers(
          c, oauth2(c.mailbox().imap(), shared), oauth2(c.mailbox().smtp(), shared));
    };
  }

  static Server oauth2(Server s, OAuth2Settings settings) {
    return new Server(
        s.host(), s.port(), s.transport(), "support", null, "oauth2", s.timeout(), settings);
  }

  @Test
  void theBotFetchesItsOwnToken_readsAndRepliesWithIt_oneTokenForImapAndSmtp() throws Exception {
    startProvider(Duration.ofHours(1));
    try (TestBot bot = new TestBot(mail, dir, clientCredentials())) {
      bot.deliver(Mails.request().build(bot.session()));
      bot.cycle();

      assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "acknowledged over SMTP with XOAUTH2");
      assertEquals(1, bot.tickets().size());
      assertEquals(1, provider.issued().size(), "IMAP and SMTP share one token");
      OAuth2Status imap = bot.app().oauth2Status().get("imap");
      assertEquals(OAuth2Status.State.OK, imap.state());
      assertTrue(imap.expiresAt().isPresent());
      assertEquals("mailbox.oauth2", imap.section());
      assertNoTokenLogged();
    }
  }

  @Test
  void aTokenTheMailboxRefuses_isRenewedAtOnce_andTheLoginTriedOnceMore() throws Exception {
    startProvider(Duration.ofHours(1));
    try (TestBot bot = new TestBot(mail, dir, clientCredentials())) {
      bot.cycle();
      assertEquals(1, provider.issued().size());
      // the server stops accepting the cached token long before its stated expiry
      mail.setUser(TestBot.SUPPORT, "support", "no-longer-that-token");
      bot.app().poller().disconnect();
      bot.deliver(Mails.request().build(bot.session()));

      bot.cycle();

      assertEquals(2, provider.issued().size(), "one new token, asked for once");
      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
      assertEquals(Instant.MIN, bot.app().poller().loginBackoff().retryAt(), "no back-off");
      assertNoTokenLogged();
    }
  }

  @Test
  void aRevokedClient_isOneClearRefusalWithTheBackoff_andTheMailWaitsInTheInbox() throws Exception {
    startProvider(Duration.ofHours(1));
    try (TestBot bot = new TestBot(mail, dir, clientCredentials())) {
      bot.cycle();
      provider.refuseClients(
          401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
      mail.setUser(TestBot.SUPPORT, "support", "the-old-token-is-revoked");
      bot.app().poller().disconnect();
      bot.deliver(Mails.request().build(bot.session()));

      MailboxUnavailable refused =
          assertThrows(MailboxUnavailable.class, bot.app().poller()::pollOnce);

      assertTrue(refused.loginRefused(), refused.getMessage());
      assertTrue(refused.getMessage().contains("AADSTS7000215"), refused.getMessage());
      assertTrue(
          refused.getMessage().contains("INTAKE_MAILBOX_OAUTH2_CLIENT_SECRET"),
          refused.getMessage());
      assertEquals(
          TestBot.NOW.plus(Duration.ofMinutes(1)),
          bot.app().poller().loginBackoff().retryAt(),
          "the login back-off, as for a wrong password");
      assertEquals(OAuth2Status.State.REFUSED, bot.app().oauth2Status().get("imap").state());
      assertEquals(1, inboxCount(), "the request is still in the inbox");
      assertEquals(
          1,
          logged.list.stream()
              .filter(e -> e.getLevel() == Level.WARN)
              .filter(e -> e.getFormattedMessage().contains("AADSTS7000215"))
              .count(),
          "one warning naming the provider's error");

      provider.acceptClients();
      bot.clock().advance(Duration.ofMinutes(1));
      bot.cycle();
      assertEquals(1, bot.receivedBy(TestBot.ADA).size(), "handled once the client is back");
      assertEquals(OAuth2Status.State.OK, bot.app().oauth2Status().get("imap").state());
      assertNoTokenLogged();
    }
  }

  @Test
  void aTokenEndpointThatIsDown_isAnOutage_retriedAtTheNextPoll_withoutTheLoginBackoff()
      throws Exception {
    startProvider(Duration.ofHours(1));
    try (TestBot bot = new TestBot(mail, dir, clientCredentials())) {
      bot.cycle();
      provider.down();
      mail.setUser(TestBot.SUPPORT, "support", "the-old-token-is-revoked");
      bot.app().poller().disconnect();
      bot.deliver(Mails.request().build(bot.session()));

      MailboxUnavailable down =
          assertThrows(MailboxUnavailable.class, bot.app().poller()::pollOnce);

      assertFalse(down.loginRefused(), down.getMessage());
      assertTrue(down.getMessage().contains("mailbox.oauth2"), down.getMessage());
      assertEquals(Instant.MIN, bot.app().poller().loginBackoff().retryAt());
      assertEquals(OAuth2Status.State.UNREACHABLE, bot.app().oauth2Status().get("imap").state());
      assertEquals(1, inboxCount());

      provider.up();
      bot.cycle();
      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
      assertNoTokenLogged();
    }
  }

  @Test
  void anIdleConnectionLogsInAgainWithARenewedToken_beforeItsTokenLapses() throws Exception {
    startProvider(Duration.ofSeconds(5));
    UnaryOperator<IntakeConfig> idle =
        c -> {
          IntakeConfig o = clientCredentials().apply(c);
          return o.toBuilder()
              .poll(
                  Poll.withDefaultWorkers(
                      Duration.ofMinutes(10), true, Duration.ofMinutes(20), Duration.ofSeconds(1)))
              .build();
        };
    try (TestBot bot = new TestBot(mail, dir, idle)) {
      bot.app().start();
      await().atMost(Duration.ofSeconds(20)).until(() -> provider.issued().size() == 1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> logged.list.stream().anyMatch(e -> idleStarted(e)));
      bot.clock().advance(Duration.ofSeconds(5)); // the token's lifetime, on the bot's clock

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  logged.list.stream()
                      .anyMatch(
                          e -> e.getFormattedMessage().contains("due for renewal; logging in")));
      await().atMost(Duration.ofSeconds(20)).until(() -> provider.issued().size() == 2);

      // the IDLE connection, logged in with the new token, still wakes the poll at once
      bot.deliver(Mails.request().build(bot.session()));
      await().atMost(Duration.ofSeconds(30)).until(() -> bot.receivedBy(TestBot.ADA).size() == 1);
      assertNoTokenLogged();
    }
  }

  private static boolean idleStarted(ILoggingEvent e) {
    return e.getLoggerName().endsWith("CachedAccessTokens")
        || e.getFormattedMessage().contains("IDLE");
  }

  private int inboxCount() throws Exception {
    var user = mail.getUserManager().getUser("support");
    return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
  }

  /** No log line of the bot or the libraries it uses holds any token the server issued. */
  private void assertNoTokenLogged() {
    List<String> tokens = provider.issued();
    assertFalse(tokens.isEmpty());
    for (ILoggingEvent e : List.copyOf(logged.list)) {
      String name = e.getLoggerName();
      if (name.startsWith("no.nav")
          || name.startsWith("com.icegreen")
          || name.startsWith("io.netty")
          || name.startsWith("okhttp3")
          || name.startsWith("org.eclipse.jetty")) continue; // the test's own servers
      StringBuilder text = new StringBuilder(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause())
        text.append(' ').append(t.getMessage());
      for (String token : tokens) {
        assertFalse(text.toString().contains(token), "a token in the log: " + name);
        // a JWT's signature alone is as good as leaked
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertFalse(text.toString().contains(signature), "a token's signature in the log: " + name);
      }
    }
  }
}
