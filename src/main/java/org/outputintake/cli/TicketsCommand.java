package org.outputintake.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.MailLog;
import org.outputintake.reply.Outbox;
import org.outputintake.store.Database;
import org.outputintake.store.DeskFiles;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.BlindVerdicts;
import org.outputintake.workflow.DeskViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What is in the database: {@code tickets list}, {@code tickets show STATS10001}, {@code tickets
 * export}.
 */
@Command(
    name = "tickets",
    mixinStandardHelpOptions = true,
    description = "List tickets, show one, or export one.",
    subcommands = {
      TicketsCommand.ListTickets.class,
      TicketsCommand.ShowTicket.class,
      TicketsCommand.SearchTickets.class,
      ExportTicketCommand.class
    })
final class TicketsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every ticket, oldest first.")
  static final class ListTickets implements Callable<Integer> {
    @Mixin ConfigOption options;

    @picocli.CommandLine.Option(
        names = "--state",
        paramLabel = "STATE",
        description =
            "only tickets in this state: queued, checking, checked, with-data-owner, approved, blocked, closed")
    String state;

    @picocli.CommandLine.Option(
        names = "--queue",
        description =
            "the queue: queued tickets in order of receipt, with position, age and checkers, then"
                + " tickets being checked that need a checker")
    boolean queue;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      IntakeConfig config = options.load();
      PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
      if (state != null && !TicketViews.STATES.contains(state)) {
        spec.commandLine()
            .getErr()
            .println("error: --state must be one of " + String.join(", ", TicketViews.STATES));
        return 2;
      }
      try (Database db = Database.openExisting(config.database())) {
        if (queue)
          return TicketViews.printQueue(
              db, repo(config), config.workflow().checkers(), out, java.time.Clock.systemUTC());
        List<Ticket> tickets =
            db.read(c -> repo(config).list(c)).stream()
                .filter(t -> state == null || t.state().name().equals(state))
                .toList();
        if (tickets.isEmpty()) {
          out.println("No tickets yet.");
          return 0;
        }
        String row = "%-12s %-8s %-10s %8s %8s %-34s %-20s %s%n";
        out.printf(
            row,
            "TICKET",
            "STATE",
            "PROJECT",
            "BLOCKERS",
            "WARNINGS",
            "RESEARCHER",
            "CREATED (UTC)",
            "SUBJECT");
        for (Ticket t : tickets) {
          // counts of the latest submission: what the ticket stands on now
          var n = db.read(c -> SubmissionsView.latestCounts(c, t.id().toString()));
          out.printf(
              row,
              t.id(),
              t.state().name(),
              t.projectNumber(),
              n.blockers(),
              n.warnings(),
              t.researcher(),
              t.createdAt().toString().substring(0, 19).replace('T', ' '),
              t.subject());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show one ticket: each submission's files and findings (latest first), emails, replies and its "
              + "audit trail.")
  static final class ShowTicket implements Callable<Integer> {
    @Mixin ConfigOption options;

    @Parameters(paramLabel = "TICKET", description = "the ticket id, e.g. STATS10001")
    String id;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      IntakeConfig config = options.load();
      PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
      String key = id.trim().toUpperCase(java.util.Locale.ROOT);
      try (Database db = Database.openExisting(config.database())) {
        Optional<Ticket> found = db.read(c -> repo(config).find(c, key));
        if (found.isEmpty()) {
          spec.commandLine().getErr().println("error: no ticket " + key + " (see 'tickets list')");
          return 1;
        }
        Ticket t = found.get();
        db.read(
            c -> {
              new DeskViews(c, repo(config), config.workflow().checkers())
                  .summary(
                      t,
                      new org.outputintake.sla.ServiceLevel(config.sla()),
                      java.time.Clock.systemUTC().instant())
                  .forEach(out::println);
              SubmissionsView.print(out, c, key);
              // while a verdict of this round is awaited nothing below may say what one was
              BlindVerdicts blind = BlindVerdicts.of(c, t, config.workflow().checkers());
              out.println("Emails in:");
              StoredEmailText texts =
                  new StoredEmailText(DeskFiles.of(config.storage(), db).messages(), blind);
              for (var m : MailLog.forTicket(c, key)) {
                out.printf(
                    "  - %s %s from %s: %s%n",
                    m.at(), m.classification(), m.sender(), blind.mask(m.subject()));
                texts.print(out, m.rawSha256(), "      ");
              }
              out.println("Replies:");
              for (var e : Outbox.forTicket(c, key)) {
                out.printf(
                    "  - %s %s to %s: %s [%s]%n",
                    e.createdAt(),
                    e.mail().kind(),
                    e.mail().to(),
                    blind.mask(e.mail().subject()),
                    OutboxCommand.delivery(e));
              }
              TicketViews.printWorkflow(c, out, t, blind);
              printFolderChanges(out, config, repo(config).folderSnapshot(c, key));
              out.println("Audit trail:");
              for (var ev : AuditLog.forTicket(c, key)) {
                out.printf(
                    "  - %s %-16s %-18s %s%n",
                    ev.at(),
                    ev.actor(),
                    ev.type(),
                    ev.detail() == null ? "" : blind.mask(ev.detail()));
              }
              return null;
            });
      }
      return 0;
    }

    /**
     * Folder mode: what changed in the researcher's folder since it was submitted (officers work on
     * the copy).
     */
    private static void printFolderChanges(
        PrintWriter out, IntakeConfig config, Optional<String> json) {
      if (json.isEmpty() || config.scanning().shareRoot() == null) return;
      var snapshot = org.outputintake.sharefolder.FolderSnapshot.fromJson(json.get());
      out.printf(
          "Folder %s (snapshot %s, %d files):%n",
          snapshot.folder(), snapshot.takenAt(), snapshot.files().size());
      try {
        var changes =
            new org.outputintake.sharefolder.FolderSnapshots(
                    config.scanning().shareRoot(),
                    config.storage().dataDir().resolve("snapshots"),
                    java.time.Clock.systemUTC(),
                    org.outputintake.sharefolder.FolderSnapshots.Limits.DEFAULT)
                .compare(snapshot);
        if (changes.isEmpty()) out.println("  unchanged on the share since submission");
        for (var ch : changes)
          out.printf("  - %s since submission: %s%n", ch.kind(), ch.relativePath());
      } catch (java.io.IOException e) {
        out.printf("  the share could not be read: %s%n", e.getMessage());
      }
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description =
          "Tickets in which every word appears: researcher, project, folder, subject, a file's name"
              + " or a note's text (the search #find gives by email).")
  static final class SearchTickets implements Callable<Integer> {
    @Mixin ConfigOption options;

    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "the words to look for")
    List<String> words;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      IntakeConfig config = options.load();
      PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
      List<String> lower =
          words.stream()
              .flatMap(
                  w -> java.util.Arrays.stream(w.toLowerCase(java.util.Locale.ROOT).split("\\s+")))
              .filter(w -> !w.isBlank())
              .toList();
      try (Database db = Database.openExisting(config.database())) {
        return TicketViews.printSearch(db, repo(config), config.workflow().checkers(), out, lower);
      }
    }
  }

  static TicketRepository repo(IntakeConfig config) {
    return new TicketRepository(config.tickets().prefix(), config.tickets().firstNumber());
  }
}
