package org.outputintake.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar itself, run as a user runs it: a feature that works on the test classpath but
 * loses its service files in the fat jar (Tika detectors, JDBC drivers, Flyway) fails here.
 */
class JarIT {
  static final Path JAR = Path.of("target", "output-intake.jar");

  @TempDir Path dir;

  record Result(int exit, String out) {}

  Result java(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void checkInTheJar_detectsExactOfficeTypesAndReportsBlockers() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("table.csv"), "region,n\nNorth,3\nSouth,240\n");
    try (XWPFDocument doc = new XWPFDocument();
        var os = Files.newOutputStream(files.resolve("report.docx"))) {
      doc.createParagraph().createRun().setText("A short report.");
      doc.write(os);
    }
    Result r = java(dir, "check", "--format", "json", "out");
    assertEquals(1, r.exit(), r.out());
    assertTrue(
        r.out().contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        r.out());
    assertTrue(r.out().contains("LOW_COUNT"), r.out());
  }

  @Test
  void demoInTheJar_opensTicketsAndSendsReplies() throws Exception {
    Result r = java(dir, "demo", "--imap-port", "0", "--smtp-port", "0", "--exit-after", "8s");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("ticket STATS10001 opened"), r.out());
    assertTrue(r.out().contains("reply sent to"), r.out());
    assertTrue(
        r.out().contains("#release applied"),
        "two officers worked a ticket to release: " + r.out());
    assertTrue(
        r.out().contains("STATS10001: refused: sender not authenticated"),
        "the researcher's forged #release was refused: " + r.out());
    assertTrue(Files.exists(dir.resolve("data").resolve("intake.db")));
  }

  @Test
  void demoWithItsOwnDataFolder_printsTheTicketsCommandThatReadsIt() throws Exception {
    Result demo =
        java(
            dir,
            "demo",
            "--imap-port",
            "0",
            "--smtp-port",
            "0",
            "--data",
            "elsewhere",
            "--exit-after",
            "8s");
    assertEquals(0, demo.exit(), demo.out());
    String hint =
        demo.out()
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("java -jar target/output-intake.jar tickets list"))
            .findFirst()
            .orElseThrow();
    assertTrue(hint.endsWith("--config " + Path.of("elsewhere", "intake.yaml")), hint);

    Result list =
        java(dir, "tickets", "list", "--config", Path.of("elsewhere", "intake.yaml").toString());
    assertEquals(0, list.exit(), list.out());
    assertTrue(list.out().contains("STATS10001"), list.out());
    assertTrue(
        !Files.exists(dir.resolve("data").resolve("intake.db")),
        "a database appeared under ./data");
  }

  @Test
  void aSecondRunOnTheSameDataDir_isRefused_andSigtermStopsTheFirstCleanly() throws Exception {
    Files.copy(Path.of("config", "projects.csv"), dir.resolve("projects.csv"));
    Files.copy(Path.of("config", "bank-holidays.yaml"), dir.resolve("bank-holidays.yaml"));
    // no mail login, and ports where no server listens: the bot runs and retries
    Files.writeString(
        dir.resolve("intake.yaml"),
        "mailbox:\n"
            + "  imap: { host: 127.0.0.1, port: 1, username: \"\" }\n"
            + "  smtp: { host: 127.0.0.1, port: 1, username: \"\" }\n"
            + "projects: { registry: projects.csv }\n"
            + "security: { trusted-authserv-id: mx.example.org }\n"
            + "sla: { bank-holidays: bank-holidays.yaml }\n");
    Path log = dir.resolve("first.log");
    Process first =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "run",
                "--config",
                "intake.yaml")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Files.readString(log).contains("polling INBOX"));

      Result second = java(dir, "run", "--config", "intake.yaml");
      assertEquals(2, second.exit(), second.out());
      assertTrue(second.out().contains("another Output Intake is already running"), second.out());
      assertTrue(second.out().contains("pid " + first.pid()), second.out());
    } finally {
      first.destroy(); // SIGTERM
      assertTrue(first.waitFor(60, TimeUnit.SECONDS), "SIGTERM did not stop the bot");
    }
    assertTrue(Files.readString(log).contains("stopped"), Files.readString(log));
    assertTrue(!Files.readString(log).contains("Exception"), Files.readString(log));
  }
}
