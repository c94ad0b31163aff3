package org.outputintake.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.config.ConfigException;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.OAuth2Settings;
import org.outputintake.testing.Mails;
import org.outputintake.testing.OAuth2Provider;
import org.outputintake.testing.TestBot;

/**
 * The provider code paths for real: MSAL4J asks the OAuth2 server for a Microsoft 365 app-only
 * token over HTTPS as it would Entra ID (the server's tenant path and its self-signed certificate
 * standing in for login.microsoftonline.com), and Google's auth library signs a service-account JWT
 * and exchanges it there. {@code run}'s start-up check refuses a revoked app with Entra ID's own
 * words.
 */
class OAuth2ProvidersTest {
  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  private OAuth2Provider provider;
  private final SSLSocketFactory jvmDefault = HttpsURLConnection.getDefaultSSLSocketFactory();

  @AfterEach
  void stop() {
    HttpsURLConnection.setDefaultSSLSocketFactory(jvmDefault);
    if (provider != null) provider.close();
  }

  private void startProvider(boolean https) throws Exception {
    provider =
        new OAuth2Provider(
            https,
            "contoso",
            Duration.ofHours(1),
            token -> mail.setUser(TestBot.SUPPORT, "support", token));
    // MSAL connects with the JVM's default TLS settings: trust the test server's own certificate
    if (https)
      HttpsURLConnection.setDefaultSSLSocketFactory(
          provider.trustingSslContext().getSocketFactory());
  }

  private static UnaryOperator<IntakeConfig> with(OAuth2Settings shared) {
    return c ->
        TestBot.withServers(
            c,
            OAuth2MailboxTest.oauth2(c.mailbox().imap(), shared),
            OAuth2MailboxTest.oauth2(c.mailbox().smtp(), shared));
  }

  private OAuth2Settings microsoft() {
    return new OAuth2Settings(
        "mailbox.oauth2",
        OAuth2Settings.Provider.MICROSOFT,
        "contoso",
        "11111111-1111-1111-1111-111111111111",
        "s3cret-value",
        null,
        null,
        null,
        null,
        provider.baseUrl(),
        null,
        null);
  }

  @Test
  void microsoft365_msalFetchesTheToken_andTheMailboxAcceptsIt() throws Exception {
    startProvider(true);
    try (TestBot bot = new TestBot(mail, dir, with(microsoft()))) {
      bot.app().checkOAuth2Logins();
      bot.deliver(Mails.request().build(bot.session()));
      bot.cycle();

      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
      assertEquals(1, provider.issued().size(), "the check's token serves the poll and SMTP");
    }
  }

  @Test
  void aRevokedMicrosoftApp_stopsRunAtStart_withEntraIdsOwnError_andTheKeysToCheck()
      throws Exception {
    startProvider(true);
    provider.refuseClients(
        401,
        "invalid_client",
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request"
            + " is the client secret value, not the client secret ID.");
    try (TestBot bot = new TestBot(mail, dir, with(microsoft()))) {
      ConfigException e = assertThrows(ConfigException.class, bot.app()::checkOAuth2Logins);

      assertTrue(e.getMessage().contains("AADSTS7000215: Invalid client secret"), e.getMessage());
      assertTrue(e.getMessage().contains("mailbox.oauth2.tenant, .client-id"), e.getMessage());
      assertTrue(e.getMessage().contains("INTAKE_MAILBOX_OAUTH2_CLIENT_SECRET"), e.getMessage());
    }
  }

  @Test
  void googleWorkspace_theServiceAccountsSignedJwtIsExchangedForTheToken() throws Exception {
    startProvider(false);
    Path key = serviceAccountKey(provider.tokenUrl("contoso"));
    OAuth2Settings google =
        new OAuth2Settings(
            "mailbox.oauth2",
            OAuth2Settings.Provider.GOOGLE,
            null,
            null,
            null,
            null,
            null,
            key,
            null,
            null,
            null,
            null);
    try (TestBot bot = new TestBot(mail, dir, with(google))) {
      bot.app().checkOAuth2Logins();
      bot.deliver(Mails.request().build(bot.session()));
      bot.cycle();

      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
      assertEquals(1, provider.issued().size());
    }
  }

  @Test
  void aRefreshToken_isExchangedAtTheTokenUrl() throws Exception {
    startProvider(false);
    OAuth2Settings refresh =
        new OAuth2Settings(
            "mailbox.oauth2",
            OAuth2Settings.Provider.REFRESH_TOKEN,
            null,
            "intake-bot",
            null,
            null,
            null,
            null,
            provider.tokenUrl("contoso"),
            null,
            "mail offline_access",
            "a-refresh-token-issued-to-the-mailbox-owner");
    try (TestBot bot = new TestBot(mail, dir, with(refresh))) {
      bot.deliver(Mails.request().build(bot.session()));
      bot.cycle();

      assertEquals(1, bot.receivedBy(TestBot.ADA).size());
      assertEquals(1, provider.issued().size());
    }
  }

  /** A service account key file as the Google Cloud console writes it, with a fresh RSA key. */
  private Path serviceAccountKey(String tokenUri) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    Path file = dir.resolve("service-account.json");
    Files.writeString(
        file,
        """
        {"type": "service_account", "project_id": "srs-intake",
         "private_key_id": "0123456789abcdef", "private_key": "%s",
         "client_email": "intake-bot@srs-intake.iam.gserviceaccount.com",
         "client_id": "123456789012345678901", "token_uri": "%s"}
        """
            .formatted(pem, tokenUri));
    return file;
  }
}
