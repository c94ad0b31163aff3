package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickets.prefixes}: a kind's own ticket prefix, checked when the configuration loads. */
class TicketPrefixesConfigTest {
  @TempDir Path dir;

  private IntakeConfig load(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env::get).load(file);
  }

  @Test
  void eachKindNamedHasItsPrefix_theOthersUseTicketsPrefix() throws IOException {
    IntakeConfig c = load("tickets:\n  prefixes: { ingest: INGEST }\n", Map.of());
    assertEquals("INGEST", c.tickets().prefix("ingest"));
    assertEquals("STATS", c.tickets().prefix("transfer"));
    assertEquals("STATS", c.tickets().prefix("output"));
    assertEquals(List.of("STATS", "INGEST"), c.tickets().allPrefixes());
  }

  @Test
  void aPrefixFromTheEnvironment_isRead() throws IOException {
    IntakeConfig c = load("", Map.of("INTAKE_TICKETS_PREFIXES_TRANSFER", "XFER"));
    assertEquals("XFER", c.tickets().prefix("transfer"));
  }

  @Test
  void aPrefixThatIsNotCapitals_isRefused_sayingWhatToWrite() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load("tickets:\n  prefixes: { ingest: in-1 }\n", Map.of()));
    assertTrue(e.getMessage().contains("tickets.prefixes.ingest is 'in-1'"), e.getMessage());
    assertTrue(e.getMessage().contains("2-10 capital letters, e.g. INGEST"), e.getMessage());
    assertTrue(e.getMessage().contains("leave it out"), e.getMessage());
  }

  @Test
  void aKindThatDoesNotExist_isRefused_namingTheKnownOnes() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> load("tickets:\n  prefixes: { ingets: INGEST }\n", Map.of()));
    assertTrue(e.getMessage().contains("tickets.prefixes.ingets"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'tickets.prefixes.ingest'"), e.getMessage());
  }
}
