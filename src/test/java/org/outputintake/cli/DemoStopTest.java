package org.outputintake.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as an operator stops it: SIGTERM to its own JVM once it is idle. It must say it stopped
 * and leave no lock file in its data folder, so the next start finds nothing to explain.
 */
class DemoStopTest {
  @TempDir Path dir;

  @Test
  void sigtermStopsTheDemoWhichLogsStoppedAndRemovesItsLockFile() throws Exception {
    Path data = dir.resolve("demo-data");
    Path log = dir.resolve("demo.log");
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.outputintake.cli.Main",
                "demo",
                "--imap-port",
                "0",
                "--smtp-port",
                "0",
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> Files.readString(log).contains("Samples sent"));
      assertTrue(Files.exists(data.resolve(DataDirLock.FILE)), "held while it runs");
    } finally {
      demo.destroy(); // SIGTERM
      assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "SIGTERM did not stop the demo");
    }
    String out = Files.readString(log);
    assertTrue(out.contains("stopped"), out);
    assertFalse(Files.exists(data.resolve(DataDirLock.FILE)), "the lock file is removed: " + out);
  }
}
