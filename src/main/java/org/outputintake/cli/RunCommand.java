package org.outputintake.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigException;
import org.outputintake.config.IntakeConfig;
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
    requireSecret(config.mailbox().imap(), "mailbox.imap", "INTAKE_IMAP_PASSWORD");
    requireSecret(config.mailbox().smtp(), "mailbox.smtp", "INTAKE_SMTP_PASSWORD");
    CountDownLatch stopped = new CountDownLatch(1);
    try (DataDirLock lock =
            DataDirLock.acquire(
                config.storage().dataDir(), Clock.systemUTC().instant().toString());
        IntakeApp app = IntakeApp.create(config, Clock.systemUTC(), IntakeEvents.NONE)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    stopped.countDown();
                  },
                  "shutdown"));
      app.start();
      stopped.await();
    }
    return 0;
  }

  private static void requireSecret(IntakeConfig.Server s, String key, String variable) {
    if (s.hasCredentials() && (s.password() == null || s.password().isEmpty())) {
      throw new ConfigException(
          key
              + ".password is not set: export "
              + variable
              + " (or set "
              + key
              + ".password-file to a file outside the repository)");
    }
  }
}
