package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth: oauth2}: a shared section, per-server overrides, secrets from the environment. */
class OAuth2ConfigTest {
  @TempDir Path dir;

  private static final String MICROSOFT =
      """
      mailbox:
        imap: { host: outlook.office365.com, port: 993, ssl: true, username: support@example.org, auth: oauth2 }
        smtp: { host: smtp.office365.com, port: 587, starttls: true, username: support@example.org, auth: oauth2 }
        oauth2:
          provider: microsoft
          tenant: contoso-tenant
          client-id: app-id
      """;

  @Test
  void aSharedSection_givesBothServersTheSameSettings_withTheSecretFromItsVariable()
      throws IOException {
    Map<String, String> env = Map.of("INTAKE_MAILBOX_OAUTH2_CLIENT_SECRET", "s3cret-value");
    IntakeConfig c = new ConfigLoader(env::get, env.keySet()).load(write(MICROSOFT));

    OAuth2Settings imap = c.mailbox().imap().oauth2();
    assertEquals(OAuth2Settings.Provider.MICROSOFT, imap.provider());
    assertEquals("s3cret-value", imap.clientSecret());
    assertEquals("https://outlook.office365.com/.default", imap.scope());
    assertEquals("https://login.microsoftonline.com/", imap.authority());
    assertEquals(imap, c.mailbox().smtp().oauth2(), "one token serves both");
    assertNull(c.mailbox().imap().password());
    assertFalse(imap.toString().contains("s3cret"), "the secret is not in toString");
  }

  @Test
  void aServersOwnKeyWins_overTheSharedOne() throws IOException {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "from-a-file\n");
    IntakeConfig c =
        new ConfigLoader(n -> null)
            .load(
                write(
                    MICROSOFT.replace(
                            "starttls: true, username: support@example.org, auth: oauth2 }",
                            "starttls: true, username: support@example.org, auth: oauth2,"
                                + " oauth2: { provider: google, key-file: /etc/k.json } }")
                        + "    client-secret-file: "
                        + secret
                        + "\n"));

    assertEquals("from-a-file", c.mailbox().imap().oauth2().clientSecret());
    assertEquals("mailbox.oauth2", c.mailbox().imap().oauth2().section());
    assertEquals(OAuth2Settings.Provider.GOOGLE, c.mailbox().smtp().oauth2().provider());
    assertEquals("mailbox.smtp.oauth2", c.mailbox().smtp().oauth2().section());
    assertEquals("https://mail.google.com/", c.mailbox().smtp().oauth2().scope());
  }

  @Test
  void aMissingSecret_namesTheKeyAndTheVariable() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> new ConfigLoader(n -> null).load(write(MICROSOFT)));

    assertTrue(e.getMessage().contains("mailbox.oauth2.client-secret is not set"), e.getMessage());
    assertTrue(e.getMessage().contains("INTAKE_MAILBOX_OAUTH2_CLIENT_SECRET"), e.getMessage());
  }

  @Test
  void aMisspeltOAuth2Key_isRefused() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                new ConfigLoader(n -> null, Set.of())
                    .load(write(MICROSOFT + "    client-secert: x\n")));

    assertTrue(
        e.getMessage().contains("did you mean 'mailbox.oauth2.client-secret'"), e.getMessage());
  }

  @Test
  void anUnknownProvider_isNamed() throws IOException {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new ConfigLoader(n -> null).load(write(MICROSOFT.replace("microsoft", "azure"))));

    assertTrue(e.getMessage().contains("mailbox.oauth2.provider is 'azure'"), e.getMessage());
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
