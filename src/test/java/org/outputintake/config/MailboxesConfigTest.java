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

  @Test
  void theKindsConfigKnows_areTheRequestKinds() {
    assertEquals(
        Arrays.stream(RequestKind.values()).map(RequestKind::code).toList(), Mailbox.KINDS);
  }
}
