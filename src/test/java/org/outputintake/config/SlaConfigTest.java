package org.outputintake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaConfigTest {
  @TempDir Path dir;

  private IntakeConfig load(String yaml) throws Exception {
    Path f = dir.resolve("intake.yaml");
    Files.writeString(f, yaml);
    return new ConfigLoader(n -> null).load(f);
  }

  @Test
  void theDefaultsAreFiveWorkingDaysInEnglandAndWalesWithADailyAndAWeeklyDigest() throws Exception {
    IntakeConfig c = load("poll: { interval: 60s }\n");
    assertEquals(5, c.sla().days());
    assertEquals("england-and-wales", c.sla().region());
    assertEquals(Duration.ofHours(8), c.sla().reminderBefore(), "1d is one working day");
    assertEquals(List.of("daily", "weekly"), c.digests().stream().map(Digest::name).toList());
    assertEquals(List.of("srs-manager@example.org"), c.digests().get(0).recipients(c.staff()));
    assertEquals(Digest.WhenEmpty.SEND, c.digests().get(0).whenEmpty(), "no skip-if-empty key");
    assertEquals(Digest.WhenEmpty.SKIP, c.digests().get(1).whenEmpty());
  }

  @Test
  void badServiceLevelAndDigestKeysAreNamed() {
    assertTrue(
        assertThrows(ConfigException.class, () -> load("sla: { region: wales }\n"))
            .getMessage()
            .contains("sla.region"));
    assertTrue(
        assertThrows(ConfigException.class, () -> load("sla: { working-hours: 9-5 }\n"))
            .getMessage()
            .contains("sla.working-hours"));
    assertTrue(
        assertThrows(ConfigException.class, () -> load("sla: { reminder-before: 6d }\n"))
            .getMessage()
            .contains("sla.reminder-before"));
    assertTrue(
        assertThrows(
                ConfigException.class,
                () -> load("digests: [ { name: daily, cron: \"every morning\" } ]\n"))
            .getMessage()
            .contains("digests.daily.cron"));
    assertTrue(
        assertThrows(
                ConfigException.class,
                () ->
                    load(
                        "digests: [ { name: daily, cron: \"0 0 8 ? * MON\", to: [not-an-address] } ]\n"))
            .getMessage()
            .contains("digests.daily.to"));
  }

  @Test
  void workingHoursAndAFourHourReminderAreRead() throws Exception {
    IntakeConfig c =
        load("sla: { working-hours: 08:30-16:30, reminder-before: 4h, region: scotland }\n");
    assertEquals(Duration.ofHours(4), c.sla().reminderBefore());
    assertEquals(Duration.ofHours(40), c.sla().target());
  }

  @Test
  void aUkServiceLevelInAZoneWithoutSummerTimeIsRefusedWithWhatToWrite() throws Exception {
    for (String zone : List.of("GMT", "UTC", "Z")) {
      String message =
          assertThrows(ConfigException.class, () -> load("sla: { zone: " + zone + " }\n"))
              .getMessage();
      assertTrue(message.contains("sla.zone") && message.contains("Europe/London"), message);
    }
    assertEquals("Europe/London", load("sla: { zone: Europe/London }\n").sla().zone().getId());
  }
}
