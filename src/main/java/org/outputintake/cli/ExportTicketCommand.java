package org.outputintake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.outputintake.archive.ArchiveException;
import org.outputintake.archive.ArchiveResult;
import org.outputintake.archive.TicketArchive;
import org.outputintake.config.IntakeConfig;
import org.outputintake.store.Database;
import org.outputintake.workflow.BlindVerdicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickets export STATS10001 DIR}: the ticket's permanent record as one folder. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write one ticket's permanent record into DIR/<ticket>: every email (.eml), every file version, "
          + "findings and audit trail (CSV), the ticket (JSON) and a manifest with the SHA-256 of each file.",
      "Exit 0: complete; 1: a stored file no longer matches its recorded SHA-256 (not copied, listed in the "
          + "manifest); 2: bad arguments, unknown ticket, or DIR already holds a different export."
    })
final class ExportTicketCommand implements Callable<Integer> {
  @Mixin ConfigOption options;

  @Parameters(index = "0", paramLabel = "TICKET", description = "the ticket id, e.g. STATS10001")
  String id;

  @Parameters(
      index = "1",
      paramLabel = "DIR",
      description = "the directory that receives the ticket's folder")
  Path dir;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    IntakeConfig config = options.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String key = id.trim().toUpperCase(Locale.ROOT);
    if (!Database.exists(config.database().url())) {
      err.println(
          "error: no database at "
              + config.database().url()
              + " (check database.url in the configuration)");
      return 2;
    }
    try (Database db = Database.open(config.database())) {
      Optional<String> blind = loneVerdict(db, config, key);
      if (blind.isPresent()) {
        err.println("error: " + blind.get());
        return 2;
      }
      ArchiveResult r =
          TicketArchive.forConfig(config, Clock.systemUTC()).exportAndRecord(db, key, dir, "cli");
      out.printf(
          "%s %s: %d emails, %d files; manifest.json sha256 %s%n",
          r.folder(), describe(r.outcome()), r.emails(), r.files(), r.manifestSha256());
      if (r.complete()) return 0;
      err.printf(
          "error: the export is INCOMPLETE: %d stored item(s) no longer match what was recorded and were not "
              + "copied (see manifest.json):%n",
          r.problems().size());
      for (ArchiveResult.Problem p : r.problems()) err.println("  - " + p);
      return 1;
    } catch (ArchiveException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println(
          "error: cannot write the export into "
              + dir
              + " ("
              + org.outputintake.config.ConfigException.reason(e)
              + "): give a directory you can write");
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The export holds every verdict and every email: while one verdict of a round is in and the
   * other awaited, it would show the first to whoever reads the folder.
   */
  private static Optional<String> loneVerdict(Database db, IntakeConfig config, String id) {
    return db.read(
        c -> {
          Optional<org.outputintake.ticket.Ticket> t = TicketsCommand.repo(config).find(c, id);
          if (t.isEmpty() || !BlindVerdicts.of(c, t.get(), config.workflow().checkers()).lone())
            return Optional.empty();
          return Optional.of(
              id
                  + " has a verdict in while the other checker's is awaited (check round "
                  + t.get().round()
                  + "), and the export would show it: export once both verdicts of the round are"
                  + " in, or once the ticket is closed");
        });
  }

  private static String describe(ArchiveResult.Outcome o) {
    return switch (o) {
      case WRITTEN -> "written";
      case UNCHANGED -> "already holds this export, unchanged";
      case REPLACED_INCOMPLETE -> "written, replacing an incomplete export";
    };
  }
}
