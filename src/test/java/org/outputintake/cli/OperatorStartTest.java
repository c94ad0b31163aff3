package org.outputintake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator meets when installing the bot for the first time: every mistake in the
 * configuration stops {@code run} at start-up with a message naming the key and what to write (exit
 * 2), never a stack trace and never a silent default.
 */
@org.junit.jupiter.api.Timeout(120)
class OperatorStartTest {
  @TempDir Path dir;

  /** A configuration that would start: no mail login, so no secret is needed. */
  private Path config(String extra) throws Exception {
    Path registry = dir.resolve("projects.csv");
    Files.copy(
        Path.of("config", "projects.csv"),
        registry,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path file = dir.resolve("intake.yaml");
    Files.writeString(
        file,
        "mailbox:\n"
            + "  imap: { host: 127.0.0.1, port: 1, username: \"\" }\n"
            + "  smtp: { host: 127.0.0.1, port: 1, username: \"\" }\n"
            + "projects: { registry: \""
            + registry
            + "\" }\n"
            + "sla: { bank-holidays: config/bank-holidays.yaml }\n"
            + extra);
    return file;
  }

  private Path withData(String extra) throws Exception {
    return config(
        "database: { url: \"jdbc:sqlite:"
            + dir.resolve("data/intake.db")
            + "\" }\n"
            + "storage: { data-dir: \""
            + dir.resolve("data")
            + "\" }\n"
            + extra);
  }

  private static CommandLineTest.Run refused(Path config) {
    CommandLineTest.Run r = CommandLineTest.run("run", "--config", config.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    return r;
  }

  @Test
  void aSectionWrittenAsOneValue_isRefused_notReplacedByTheDefaultsInSilence() throws Exception {
    var r = refused(withData("poll: 30s\n"));
    assertTrue(r.err().contains("'poll' is a section, not a single value"), r.err());
    assertTrue(r.err().contains("interval"), r.err());
  }

  @Test
  void aListOrSectionWhereOneValueGoes_isRefused() throws Exception {
    var r = refused(withData("poll: { interval: [30s] }\n"));
    assertTrue(r.err().contains("'poll.interval' takes a single value, not a list"), r.err());
    r = refused(withData("poll: { interval: { every: 30s } }\n"));
    assertTrue(r.err().contains("'poll.interval' takes a single value, not a section"), r.err());
  }

  @Test
  void invalidYaml_givesLineAndColumn_withoutEchoingTheLineThatMayHoldAPassword() throws Exception {
    Path file = dir.resolve("intake.yaml");
    Files.writeString(
        file,
        "mailbox:\n"
            + "  imap: { host: localhost, password: Hunter2-Secret, username: ${IMAP_USER} }\n");
    var r = refused(file);
    assertTrue(r.err().contains("is not valid YAML at line 2"), r.err());
    assertTrue(r.err().contains("must be quoted"), r.err());
    assertFalse(r.err().contains("Hunter2-Secret"), r.err());
  }

  @Test
  void theBotsAddressWithANameOrBrackets_isRefusedWithWhatToWrite() throws Exception {
    var r = refused(withData("mailbox: { address: \"<support@example.org>\" }\n"));
    assertTrue(r.err().contains("mailbox.address is '<support@example.org>'"), r.err());
    assertTrue(r.err().contains("without a name or <>"), r.err());
  }

  @Test
  void aPasswordFileThatIsNotThere_saysSo() throws Exception {
    var r =
        refused(
            withData(
                "mailbox: { imap: { password-file: \"" + dir.resolve("nope/imap") + "\" } }\n"));
    assertTrue(r.err().contains("mailbox.imap.password-file names"), r.err());
    assertTrue(r.err().contains("there is no such file"), r.err());
  }

  @Test
  void aDataDirThatCannotBeCreated_isRefusedAtStart_notAtTheFirstRequest() throws Exception {
    Files.writeString(dir.resolve("afile"), "x");
    var r =
        refused(
            config(
                "database: { url: \"jdbc:sqlite:"
                    + dir.resolve("db/intake.db")
                    + "\" }\n"
                    + "storage: { data-dir: \""
                    + dir.resolve("afile/data")
                    + "\" }\n"));
    assertTrue(r.err().contains("storage.data-dir"), r.err());
  }

  @Test
  void aDatabaseInADirectoryThatCannotBeCreated_isAConfigurationError_exit2() throws Exception {
    Files.writeString(dir.resolve("afile"), "x");
    var r =
        refused(
            config(
                "database: { url: \"jdbc:sqlite:"
                    + dir.resolve("afile/intake.db")
                    + "\" }\n"
                    + "storage: { data-dir: \""
                    + dir.resolve("data")
                    + "\" }\n"));
    assertTrue(r.err().contains("database.url names a file in"), r.err());
  }

  @Test
  void aMistypedDefaultPolicy_isRefusedAtStart() throws Exception {
    var r = refused(withData("scanning: { default-policy: ons-srz }\n"));
    assertTrue(r.err().contains("scanning.default-policy: unknown policy 'ons-srz'"), r.err());
  }

  @Test
  void aSecondBotOnTheSameDataDir_isRefused_sayingWhichProcessHoldsIt() throws Exception {
    Path config = withData("");
    try (DataDirLock held = DataDirLock.acquire(dir.resolve("data"), "2026-11-29T10:00:00Z")) {
      var r = refused(config);
      assertTrue(r.err().contains("another Output Intake is already running"), r.err());
      assertTrue(r.err().contains("pid " + ProcessHandle.current().pid()), r.err());
      assertTrue(r.err().contains("stop it first"), r.err());
    }
  }

  @Test
  void aFirstRunOnTheDemosFolder_isRefused_soTheDemosTicketsAreNotCarriedOn() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        dir.resolve("data/intake.yaml"),
        "# written by 'demo': the configuration of the running demo\n");
    var r = refused(withData(""));
    assertTrue(r.err().contains("holds the demo's tickets"), r.err());
    assertTrue(r.err().contains("set storage.data-dir and database.url"), r.err());
  }

  @Test
  void aDemoOnTheDataDirOfARunningBot_isRefused() {
    try (DataDirLock held = DataDirLock.acquire(dir, "2026-11-29T10:00:00Z")) {
      var r =
          CommandLineTest.run(
              "demo", "--imap-port", "0", "--smtp-port", "0", "--data", dir.toString());
      assertEquals(2, r.exit(), r.out() + r.err());
      assertTrue(r.err().contains("another Output Intake is already running"), r.err());
    }
  }

  @Test
  void aBadValueFromAnEnvironmentVariable_namesTheVariable_notOnlyTheKey() throws Exception {
    Path file = withData("");
    var loader =
        new org.outputintake.config.ConfigLoader(
            name -> name.equals("INTAKE_POLL_WORKERS") ? "two" : null);
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.outputintake.config.ConfigException.class, () -> loader.load(file));
    assertTrue(
        e.getMessage()
            .equals(
                "poll.workers is 'two', not a whole number"
                    + " (set by the environment variable INTAKE_POLL_WORKERS)"),
        e.getMessage());
  }

  @Test
  void anIntakeVariableThatNamesNoKey_isRefusedAtStart_withTheNearestKnownOne() throws Exception {
    Path file = withData("");
    // the real environment cannot be changed in-process: Main runs in a JVM of its own
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.outputintake.cli.Main",
            "run",
            "--config",
            file.toString());
    pb.environment().put("INTAKE_POLL_INTERVALL", "30s");
    pb.environment().put("INTAKE_IMAP_PASSWORD", "not-the-problem");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "Main did not stop");
    String err = Files.readString(dir.resolve("err.txt"));
    assertEquals(2, p.exitValue(), err);
    assertTrue(
        err.contains(
            "the environment variable INTAKE_POLL_INTERVALL names no configuration key:"
                + " did you mean INTAKE_POLL_INTERVAL?"),
        err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("not-the-problem"), err);
  }

  @Test
  void intakeVariablesThatNameAKeyOrThatTheConfigurationReads_areAccepted() throws Exception {
    Path file = withData("mailbox: { imap: { username: \"${INTAKE_IMAP_USER}\" } }\n");
    java.util.Map<String, String> env =
        java.util.Map.of(
            "INTAKE_IMAP_PASSWORD", "secret",
            "INTAKE_SMTP_PASSWORD", "secret",
            "INTAKE_IMAP_USER", "support",
            "INTAKE_STAFF_OFFICERS", "alice.officer@example.org",
            "INTAKE_POLL_INTERVAL", "30s",
            "INTAKE_MAILBOX_IMAP_PASSWORD_FILE", file.toString(),
            "PATH", "/usr/bin");
    var config = new org.outputintake.config.ConfigLoader(env::get, env.keySet()).load(file);
    assertEquals(java.time.Duration.ofSeconds(30), config.poll().interval());
  }

  /** The README documents INTAKE_LOG_LEVEL=DEBUG; the logging configuration reads it. */
  @Test
  void theLogLevelVariableTheReadmeDocuments_isAccepted() throws Exception {
    Path file = withData("");
    assertTrue(
        Files.readString(Path.of("README.md")).contains("INTAKE_LOG_LEVEL=DEBUG"),
        "the README documents it");
    java.util.Map<String, String> env =
        java.util.Map.of(
            "INTAKE_IMAP_PASSWORD", "secret",
            "INTAKE_SMTP_PASSWORD", "secret",
            "INTAKE_LOG_LEVEL", "DEBUG");
    var config = new org.outputintake.config.ConfigLoader(env::get, env.keySet()).load(file);
    assertEquals(dir.resolve("data"), config.storage().dataDir());
  }

  @Test
  void checkNamesAnIdentifierWithTheArticleItIsSaidWith() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "patient 943 476 5919\nUPN A801200109012\n");
    var r = CommandLineTest.run("check", notes.toString());
    assertTrue(r.out().contains("This looks like an NHS number."), r.out());
    assertFalse(r.out().contains("a NHS number"), r.out());
    assertFalse(r.out().contains("943 476 5919"), r.out());
  }

  @Test
  void demoWithAPortOutOfRange_saysWhatToWrite() {
    var r = CommandLineTest.run("demo", "--imap-port", "99999", "--data", dir.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--imap-port is 99999, not a port"), r.err());
  }
}
