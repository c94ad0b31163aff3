package org.outputintake.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.outputintake.config.IntakeConfig;
import org.outputintake.reply.Outbox;
import org.outputintake.store.Database;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The operator's view of outgoing mail: {@code outbox list [--failed]}, {@code outbox retry ID}.
 */
@Command(
    name = "outbox",
    mixinStandardHelpOptions = true,
    description = "See outgoing mail and resend dead letters.",
    subcommands = {OutboxCommand.ListOutbox.class, OutboxCommand.RetryOutbox.class})
final class OutboxCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How a reply's delivery reads in a listing. */
  static String delivery(Outbox.Entry e) {
    return switch (e.status()) {
      case SENT -> "sent " + e.sentAt();
      case PENDING ->
          e.attempts() == 0 && e.lastError() == null
              ? "waiting"
              : "waiting, attempts "
                  + e.attempts()
                  + (e.lastError() == null ? "" : ", last: " + e.lastError());
      case FAILED -> "FAILED (dead letter, see 'outbox retry " + e.id() + "'): " + e.lastError();
      case BOUNCED -> "BOUNCE REPORTED: " + e.lastError();
    };
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List outgoing mail, newest last; with --failed only the dead letters.")
  static final class ListOutbox implements Callable<Integer> {
    @Mixin ConfigOption options;

    @Option(names = "--failed", description = "only replies that failed for good (dead letters)")
    boolean failed;

    @Option(
        names = "--limit",
        defaultValue = "200",
        description = "at most this many rows (default ${DEFAULT-VALUE})")
    int limit;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (limit < 1) {
        spec.commandLine().getErr().println("error: --limit is " + limit + ": write 1 or more");
        return 2;
      }
      IntakeConfig config = options.load();
      PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
      try (Database db = Database.openExisting(config.database())) {
        List<Outbox.Entry> rows = db.read(c -> failed ? Outbox.failed(c) : Outbox.all(c));
        Map<Outbox.Status, Integer> counts = db.read(Outbox::counts);
        out.printf(
            "Outbox: %s%n",
            counts.isEmpty()
                ? "empty"
                : counts.entrySet().stream()
                    .map(c -> c.getValue() + " " + c.getKey().db())
                    .collect(java.util.stream.Collectors.joining(", ")));
        if (rows.isEmpty()) {
          out.println(failed ? "No dead letters." : "No outgoing mail.");
          return 0;
        }
        out.printf("%-6s %-12s %-20s %-36s %s%n", "ID", "TICKET", "KIND", "TO", "DELIVERY");
        for (Outbox.Entry e : rows.subList(Math.max(0, rows.size() - limit), rows.size())) {
          out.printf(
              "%-6d %-12s %-20s %-36s %s%n",
              e.id(),
              e.mail().ticketId() == null ? "-" : e.mail().ticketId(),
              e.mail().kind(),
              e.mail().to(),
              delivery(e));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Send a dead letter again (after fixing its cause); the running bot picks it up in its next pass.")
  static final class RetryOutbox implements Callable<Integer> {
    @Mixin ConfigOption options;

    @Parameters(paramLabel = "ID", description = "the outbox id shown by 'outbox list --failed'")
    long id;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      IntakeConfig config = options.load();
      PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
      java.time.Instant now = Clock.systemUTC().instant();
      try (Database db = Database.openExisting(config.database())) {
        return db.inTransaction(
            c -> {
              var row = Outbox.find(c, id);
              if (row.isEmpty()) {
                spec.commandLine()
                    .getErr()
                    .println("error: no outbox row " + id + " (see 'outbox list')");
                return 2;
              }
              if (!Outbox.retry(c, id, now)) {
                spec.commandLine()
                    .getErr()
                    .printf(
                        "error: row %d is %s, not a dead letter; only failed rows are retried%n",
                        id, row.get().status().db());
                return 1;
              }
              AuditLog.append(
                  c,
                  row.get().mail().ticketId(),
                  now,
                  "operator",
                  AuditType.Action.EMAIL_RETRY,
                  row.get().mail().kind() + " " + row.get().mail().messageId());
              out.printf(
                  "Row %d (%s to %s) will be sent again in the bot's next outbox pass.%n",
                  id, row.get().mail().kind(), row.get().mail().to());
              return 0;
            });
      }
    }
  }
}
