package org.outputintake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.IntakeConfig;
import org.outputintake.store.Database;
import org.outputintake.store.DatabaseCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code database copy}: moving a desk from one database to another (SQLite to PostgreSQL). */
@Command(
    name = "database",
    mixinStandardHelpOptions = true,
    description = "Operations on the bot's database.",
    subcommands = {DatabaseCommand.Copy.class})
final class DatabaseCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      description = {
        "Copy everything of the desk configured by --config (database rows, history and audit"
            + " trail included, and the stored files under storage.data-dir) into the database and"
            + " data directory configured by --to, verifying every table's row count and every"
            + " file's SHA-256. Stop the bot first.",
        "Exit 0: copied and verified; 1: a count or a file differs (do not use the target);"
            + " 2: bad configuration, no source database, or a target that already holds tickets."
      })
  static final class Copy implements Callable<Integer> {
    @Mixin ConfigOption options;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "FILE",
        description = "the configuration whose database and data directory receive the copy")
    Path to;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      IntakeConfig source = options.load();
      IntakeConfig target = ConfigLoader.fromSystemEnvironment().load(to);
      if (source.database().url().equals(target.database().url())) {
        err.println("error: --config and --to name the same database: " + target.database().url());
        return 2;
      }
      try (Database from = Database.openExisting(source.database());
          Database into = Database.open(target.database())) {
        out.printf("copying %s into %s%n", source.database().url(), target.database().url());
        DatabaseCopy.Result r =
            new DatabaseCopy(out).copy(from, source.storage(), into, target.storage());
        if (r.verified()) {
          out.printf(
              "copied and verified: %d tickets, %d files%n",
              r.rows().getOrDefault("ticket", 0L), r.files());
          return 0;
        }
        for (String m : r.mismatches()) err.println("mismatch: " + m);
        err.println("error: the copy does not match its source: do not start the bot on it");
        return 1;
      } catch (DatabaseCopy.TargetNotEmpty e) {
        err.println("error: " + e.getMessage());
        return 2;
      }
    }
  }
}
