package org.outputintake.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigException;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Server;
import org.outputintake.intake.IntakeEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The daemon: polls the mailbox and sends replies until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the intake daemon against the configured mailbox until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOption options;

  @Override
  public Integer call() throws Exception {
    IntakeConfig config = options.load();
    requireSecrets(config);
    // closed last: a SIGTERM waits for the app (which logs "stopped") and the lock to close
    try (StopSignal stop = new StopSignal("shutdown");
        AutoCloseable lock = dataDirLock(config);
        IntakeApp app = create(config)) {
      app.checkOAuth2Logins();
      // on SQLite the lock just taken proves no other process reads the mailbox
      app.start(
          org.outputintake.store.Vendor.of(config.database().url())
                  == org.outputintake.store.Vendor.SQLITE
              ? org.outputintake.store.MailboxLeases.Takeover.AT_ONCE
              : org.outputintake.store.MailboxLeases.Takeover.WHEN_EXPIRED);
      stop.await();
    }
    return 0;
  }

  /**
   * On SQLite one process per database, refused with the reason: SQLite is one file on one disk. On
   * PostgreSQL several instances share the database, each with its own data directory, and the
   * mailbox leases decide which reads what.
   */
  private static AutoCloseable dataDirLock(IntakeConfig config) {
    if (org.outputintake.store.Vendor.of(config.database().url())
        == org.outputintake.store.Vendor.POSTGRESQL) return () -> {};
    return DataDirLock.acquire(config.storage().dataDir(), Clock.systemUTC().instant().toString());
  }

  private IntakeApp create(IntakeConfig config) throws java.io.IOException {
    refuseTheDemosFolder(config.storage().dataDir());
    return IntakeApp.create(config, Clock.systemUTC(), IntakeEvents.NONE);
  }

  /**
   * The demo keeps its database in {@code data/}, which is also the daemon's default: the first
   * real run would carry on the demo's tickets and numbers, and digest them to the managers.
   */
  private void refuseTheDemosFolder(java.nio.file.Path dataDir) throws java.io.IOException {
    java.nio.file.Path demo = dataDir.resolve("intake.yaml");
    if (!java.nio.file.Files.isRegularFile(demo)
        || demo.toAbsolutePath().normalize().equals(options.config.toAbsolutePath().normalize()))
      return;
    if (java.nio.file.Files.readString(demo).startsWith("# written by 'demo'"))
      throw new ConfigException(
          "storage.data-dir "
              + dataDir
              + " holds the demo's tickets ("
              + demo
              + " was written by 'demo'): delete or move that folder, or set storage.data-dir and"
              + " database.url to another place, before the bot's first real run");
  }

  /**
   * Every mailbox's logins have their secrets, checked before anything starts: a mailbox without
   * one would only show as a refused login at each of its polls. {@code mailbox:} reads {@code
   * INTAKE_IMAP_PASSWORD} / {@code INTAKE_SMTP_PASSWORD}; entry N of {@code mailboxes:} its own
   * keys or {@code INTAKE_MAILBOXES_N_IMAP_PASSWORD} (the first entry also the two above).
   */
  private static void requireSecrets(IntakeConfig config) {
    if (config.mailboxes().size() == 1) {
      requireSecret(config.mailbox().imap(), "mailbox.imap", "INTAKE_IMAP_PASSWORD");
      requireSecret(config.mailbox().smtp(), "mailbox.smtp", "INTAKE_SMTP_PASSWORD");
      return;
    }
    for (int i = 0; i < config.mailboxes().size(); i++) {
      Mailbox mb = config.mailboxes().get(i);
      for (String server : java.util.List.of("imap", "smtp")) {
        String upper = server.toUpperCase(java.util.Locale.ROOT);
        String own = "INTAKE_MAILBOXES_" + i + "_" + upper + "_PASSWORD";
        requireSecret(
            server.equals("imap") ? mb.imap() : mb.smtp(),
            "mailboxes." + i + "." + server,
            i == 0 ? "INTAKE_" + upper + "_PASSWORD or " + own : own,
            mb.address());
      }
    }
  }

  private static void requireSecret(Server s, String key, String variable) {
    requireSecret(s, key, variable, null);
  }

  private static void requireSecret(Server s, String key, String variable, String mailbox) {
    if (s.hasCredentials() && !s.usesOAuth2() && (s.password() == null || s.password().isEmpty())) {
      throw new ConfigException(
          key
              + ".password is not set"
              + (mailbox == null ? "" : " (the mailbox " + mailbox + ")")
              + ": export "
              + variable
              + " (or set "
              + key
              + ".password-file to a file outside the repository)");
    }
  }
}
