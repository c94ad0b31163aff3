package org.outputintake.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.digest.Digests;
import org.outputintake.mail.SmtpMailSender;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.Templates;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code digest --print [--at 2026-11-23T08:00] [--name daily]} and {@code digest --send [--name
 * daily]}.
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = "Print a managers' digest as text, or send it now to its addresses.")
final class DigestCommand implements Callable<Integer> {
  @Mixin ConfigOption options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Action action;

  static final class Action {
    @Option(
        names = "--print",
        required = true,
        description = "render the digest as text to the terminal")
    boolean print;

    @Option(names = "--send", required = true, description = "send the digest now to its addresses")
    boolean send;
  }

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description =
          "with --print: the clock for the digest, local time in sla.zone (2026-11-23T08:00) or UTC (...Z)")
  String at;

  @Option(
      names = "--all",
      description = "with --print: every row of every list (the mail shows the first 40 of each)")
  boolean all;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "which digest (default: the first configured)")
  String name;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    IntakeConfig config = options.load();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Digest digest = config.digest(name).orElse(null);
    if (digest == null) {
      err.println(
          "error: "
              + (name == null
                  ? "no digest is configured (digests: in the configuration)"
                  : "no digest named '"
                      + name
                      + "'; configured: "
                      + String.join(", ", config.digests().stream().map(Digest::name).toList())));
      return 2;
    }
    if ((at != null || all) && action.send) {
      err.println("error: --at and --all go with --print only; --send sends the digest as of now");
      return 2;
    }
    Instant when;
    try {
      when =
          at == null
              ? Instant.now()
              : at.endsWith("Z")
                  ? Instant.parse(at)
                  : LocalDateTime.parse(at).atZone(config.sla().zone()).toInstant();
    } catch (DateTimeParseException e) {
      err.println("error: --at is '" + at + "': write e.g. 2026-11-23T08:00");
      return 2;
    }
    Clock clock = Clock.fixed(when, ZoneOffset.UTC);
    try (Database db = Database.open(config.database())) {
      Digests digests =
          new Digests(
              config,
              db,
              new Templates(config.replies().templates()),
              new ServiceLevel(config.sla()),
              clock);
      if (action.print) {
        out.print(digests.renderText(digest, when, all));
        out.flush();
        return 0;
      }
      List<String> queued = digests.sendNow(digest);
      if (queued.isEmpty()) {
        err.println(
            "error: digest "
                + digest.name()
                + " has nobody to go to: set staff.managers or digests.to");
        return 1;
      }
      SmtpMailSender smtp =
          new SmtpMailSender(
              config.mailbox().smtp(), config.mailbox().address(), Clock.systemUTC());
      OutboxSender sender =
          new OutboxSender(
              db,
              smtp,
              Clock.systemUTC(),
              m -> {},
              config.replies().giveUpAfter(),
              config.replies().maxAttempts());
      // a running bot's outage or refused login holds this send too
      sender.shareWaits(new org.outputintake.backoff.SharedWaits(db), config.smtpServers());
      // only the digest's own rows: the running bot sends everything else, once
      int sent = sender.sendOnly(queued);
      out.printf(
          "digest %s queued to %d address(es); %d sent now%s (see 'outbox list')%n",
          digest.name(),
          queued.size(),
          sent,
          sent == queued.size() ? "" : ", the rest is left to the running bot's outbox");
      return 0;
    }
  }
}
