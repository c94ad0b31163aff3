package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow section: chasing, withdrawal and the daily summary, checked once at load. */
class WorkflowConfigTest {
  @TempDir Path dir;

  private IntakeConfig load(String yaml) throws Exception {
    Path f = dir.resolve("intake.yaml");
    Files.writeString(f, yaml);
    return new ConfigLoader(n -> null).load(f);
  }

  private String refused(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
  }

  @Test
  void theDefaultsChaseAfterFiveWithdrawAfterTwentyAndSendNoSummary() throws Exception {
    WorkflowSettings w = load("poll: { interval: 60s }\n").workflow();
    assertEquals(5, w.chaseAfterDays());
    assertEquals(20, w.withdrawAfterDays());
    assertTrue(w.dailySummaryAt().isEmpty());
  }

  @Test
  void settingsAreRead() throws Exception {
    WorkflowSettings w =
        load("workflow: { chase-after: 3, withdraw-after: 10, daily-summary: \"08:30\" }\n")
            .workflow();
    assertEquals(3, w.chaseAfterDays());
    assertEquals(10, w.withdrawAfterDays());
    assertEquals(LocalTime.of(8, 30), w.dailySummary());
    assertEquals(
        LocalTime.of(8, 30), load("workflow: { daily-summary: 8:30 }\n").workflow().dailySummary());
    assertTrue(load("workflow: { daily-summary: off }\n").workflow().dailySummaryAt().isEmpty());
  }

  @Test
  void badSettingsSayWhatToWrite() {
    String m = refused("workflow: { chase-after: 5, withdraw-after: 5 }\n");
    assertTrue(m.contains("withdraw-after must exceed chase-after"), m);
    m = refused("workflow: { chase-after: 0 }\n");
    assertTrue(m.contains("workflow.chase-after is 0"), m);
    m = refused("workflow: { daily-summary: 830 }\n");
    assertTrue(m.contains("workflow.daily-summary") && m.contains("in quotes"), m);
    m = refused("workflow: { daily-summary: \"half past eight\" }\n");
    assertTrue(m.contains("write a time of day in quotes, e.g. \"08:30\""), m);
    m = refused("workflow: { chase-afer: 5 }\n");
    assertTrue(m.contains("did you mean 'workflow.chase-after'?"), m);
  }

  @Test
  void checkersPerKindDefaultToTwoForOutputsAndOneForIngestsAndTransfers() throws Exception {
    WorkflowSettings.Checkers n = load("poll: { interval: 60s }\n").workflow().checkers();
    assertEquals(2, n.of("output"));
    assertEquals(1, n.of("ingest"));
    assertEquals(1, n.of("transfer"));
    n = load("workflow: { checkers: { ingest: 2 } }\n").workflow().checkers();
    assertEquals(2, n.of("output"));
    assertEquals(2, n.of("ingest"));
    assertEquals(1, n.of("transfer"));
  }

  @Test
  void aKindCheckedByNobodyIsRefusedAtLoad() {
    String m = refused("workflow: { checkers: { transfer: 0 } }\n");
    assertTrue(m.contains("workflow.checkers.transfer is 0") && m.contains("at least 1"), m);
    m = refused("workflow: { checkers: { ingets: 1 } }\n");
    assertTrue(m.contains("did you mean 'workflow.checkers.ingest'?"), m);
  }
}
