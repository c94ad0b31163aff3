package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outputintake.ticket.RequestKind;

/** {@code mailboxes:}: several mailboxes, each with what it accepts, checked at load. */
class MailboxesConfigTest {
  @TempDir Path dir;

  private static final String TWO =
      """
      mailboxes:
        - address: statistical.support@example.org
          imap: { host: imap.example.org, port: 993, username: support, password: a }
          smtp: { host: smtp.example.org, port: 587, username: support, password: a }
          accepts: [output]
        - address: srs.ingests@example.org
          imap: { host: imap.example.org, port: 993, username: ingests, password: b }
          smtp: { host: smtp.example.org, port: 587, username: ingests, password: b }
          accepts: [ingest, transfer]
      """;

  private IntakeConfig load(String yaml) throws IOException {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(Map.<String, String>of()::get).load(file);
  }

  @Test
  void twoMailboxes_eachWithWhatItAccepts_andTheDefaultsForWhatTheyLeaveOut() throws IOException {
    IntakeConfig c = load(TWO);
    assertEquals(2, c.mailboxes().size());
    assertEquals("statistical.support@example.org", c.mailbox().address());
    assertEquals(List.of("ingest", "transfer"), c.mailboxes().get(1).accepts());
    assertEquals("INBOX", c.mailboxes().get(1).folders().inbox());
    assertEquals("ingests@imap.example.org/INBOX", c.mailboxes().get(1).key());
    assertEquals("srs.ingests@example.org", c.mailboxFor("transfer").orElseThrow().address());
  }

  @Test
  void theSingleMailbox_acceptsEveryKind() throws IOException {
    IntakeConfig c = load("poll: { interval: 30s }\n");
    assertEquals(1, c.mailboxes().size());
    assertEquals(List.of("output", "ingest", "transfer"), c.mailbox().accepts());
  }

  @Test
  void bothMailboxAndMailboxes_isRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> load("mailbox:\n  address: a@example.org\n" + TWO));
    assertTrue(e.getMessage().contains("both 'mailbox' and 'mailboxes'"), e.getMessage());
  }

  @Test
  void aKindThatDoesNotExist_isRefused_namingTheKinds() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> load(TWO.replace("[ingest, transfer]", "[ingests]")));
    assertTrue(e.getMessage().contains("'ingests', which is no kind of request"), e.getMessage());
    assertTrue(e.getMessage().contains("output, ingest, transfer"), e.getMessage());
  }

  @Test
  void anUnknownKeyInAnEntry_isRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load(TWO.replace("accepts: [output]", "acepts: [output]")));
    assertTrue(e.getMessage().contains("mailboxes.0"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'accepts'"), e.getMessage());
  }

  private IntakeConfig loadWith(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env::get, env.keySet()).load(file);
  }

  private static final String SECRETS_FROM_ENVIRONMENT =
      """
      mailboxes:
        - address: statistical.support@example.org
          imap: { host: imap.example.org, port: 993, username: support }
          smtp: { host: smtp.example.org, port: 587, username: support }
          accepts: [output]
        - address: srs.ingests@example.org
          imap: { host: imap.example.org, port: 993, username: ingests }
          smtp: { host: smtp.example.org, port: 587, username: ingests }
          accepts: [ingest, transfer]
      """;

  @Test
  void eachEntry_getsItsSecretsFromVariablesNamedByItsPosition_andNeverTheFirstsPassword()
      throws IOException {
    Path secret = dir.resolve("ingests-smtp");
    Files.writeString(secret, "from-file\n");
    IntakeConfig c =
        loadWith(
            SECRETS_FROM_ENVIRONMENT,
            Map.of(
                "INTAKE_IMAP_PASSWORD", "first-imap",
                "INTAKE_SMTP_PASSWORD", "first-smtp",
                "INTAKE_MAILBOXES_1_IMAP_PASSWORD", "second-imap",
                "INTAKE_MAILBOXES_1_SMTP_PASSWORD_FILE", secret.toString()));
    assertEquals("first-imap", c.mailboxes().get(0).imap().password());
    assertEquals("first-smtp", c.mailboxes().get(0).smtp().password());
    assertEquals("second-imap", c.mailboxes().get(1).imap().password());
    assertEquals("from-file", c.mailboxes().get(1).smtp().password());

    IntakeConfig without = loadWith(SECRETS_FROM_ENVIRONMENT, Map.of("INTAKE_IMAP_PASSWORD", "a"));
    assertEquals(null, without.mailboxes().get(1).imap().password(), "not the first's password");
  }

  @Test
  void aVariableOfTheSingleMailbox_withMailboxes_isRefusedNamingTheOneThatReachesTheEntries() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                loadWith(
                    SECRETS_FROM_ENVIRONMENT,
                    Map.of("INTAKE_MAILBOX_IMAP_PASSWORD_FILE", "/run/secrets/imap")));
    assertTrue(e.getMessage().contains("INTAKE_MAILBOX_IMAP_PASSWORD_FILE"), e.getMessage());
    assertTrue(e.getMessage().contains("INTAKE_MAILBOXES_0_IMAP_PASSWORD_FILE"), e.getMessage());
  }

  @Test
  void theKindsConfigKnows_areTheRequestKinds() {
    assertEquals(
        Arrays.stream(RequestKind.values()).map(RequestKind::code).toList(), Mailbox.KINDS);
  }
}
