package org.outputintake.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.BrokenFetches;
import org.outputintake.intake.StuckMoves;
import org.outputintake.reply.Outbox;
import org.outputintake.store.Database;
import org.outputintake.store.Instances;
import org.outputintake.store.MailboxLeases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * What the instances on one database are doing, read from the database alone, so it answers on any
 * host: those alive, who reads each mailbox, the outbox, the next scheduled jobs.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the instances alive, which reads each mailbox and since when, the outbox, the last"
            + " poll and the next scheduled jobs.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ConfigOption options;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    IntakeConfig config = options.load();
    PrintWriter out = ShownWriter.of(spec.commandLine().getOut());
    Instant now = Clock.systemUTC().instant();
    try (Database db = Database.openExisting(config.database())) {
      List<Instances.Instance> alive =
          db.read(c -> Instances.alive(c, now.minus(config.ha().takeover())));
      Map<String, Instances.Instance> byId =
          alive.stream().collect(Collectors.toMap(Instances.Instance::id, Function.identity()));
      out.printf(
          "Instances alive (heartbeat in the last %ss): %d%n",
          config.ha().takeover().toSeconds(), alive.size());
      for (Instances.Instance i : alive)
        out.printf(
            "  %s pid %d, started %s, last heartbeat %s (%s)%n",
            i.host(), i.pid(), i.started(), i.heartbeat(), i.id());
      List<MailboxLeases.Lease> leases = db.read(MailboxLeases::all);
      Map<String, Instant> polls = db.read(MailboxLeases::lastPolls);
      Map<String, MailboxLeases.Lease> byKey =
          leases.stream()
              .collect(
                  Collectors.toMap(
                      MailboxLeases.Lease::mailboxKey,
                      Function.identity(),
                      (x, y) -> x,
                      java.util.LinkedHashMap::new));
      out.println("Mailboxes:");
      // every configured mailbox, read yet or not; then leases of mailboxes no longer configured
      for (org.outputintake.config.Mailbox mb : config.mailboxes()) {
        out.printf(
            "  %s (%s), accepts %s:%n", mb.address(), mb.key(), String.join(", ", mb.accepts()));
        lease(out, byKey.remove(mb.key()), byId, polls.get(mb.key()), now);
      }
      for (MailboxLeases.Lease l : byKey.values()) {
        out.printf("  %s (not in this configuration):%n", l.mailboxKey());
        lease(out, l, byId, polls.get(l.mailboxKey()), now);
      }
      leftForAPerson(out, db.read(StuckMoves::all), db.read(BrokenFetches::quarantined));
      Map<Outbox.Status, Integer> counts = db.read(Outbox::counts);
      out.printf(
          "Outbox: %d pending, %d dead letters (outbox list --failed)%n",
          counts.getOrDefault(Outbox.Status.PENDING, 0),
          counts.getOrDefault(Outbox.Status.FAILED, 0));
      out.println("Next scheduled:");
      for (Digest d : config.digests())
        out.printf("  digest %s at %s%n", d.name(), nextFire(d.cron(), config, now));
      out.println(
          "  service-level reminders, chases and daily summaries: checked every minute by every"
              + " instance, each due one sent once");
    }
    return 0;
  }

  /** How many of each are listed: the rest are counted. */
  private static final int LISTED = 20;

  /**
   * The messages the bot could not finish and a person must handle in the mail server: those it
   * handled but the server will not move, and those it could not download and sent unread to
   * quarantine.
   */
  private static void leftForAPerson(
      PrintWriter out, List<StuckMoves.Left> stuck, List<BrokenFetches.Quarantined> unread) {
    if (stuck.isEmpty() && unread.isEmpty()) {
      out.println("Messages left for a person: none");
      return;
    }
    out.println("Messages left for a person (in the mail server):");
    for (StuckMoves.Left l : stuck.subList(0, Math.min(LISTED, stuck.size())))
      out.printf(
          "  %s UID %d: handled and recorded, but the server will not move it to %s; move it"
              + " there by hand: %s%n",
          l.mailboxKey(), l.uid(), l.folder(), l.label());
    if (stuck.size() > LISTED) out.printf("  and %d more not moved%n", stuck.size() - LISTED);
    for (BrokenFetches.Quarantined q : unread.subList(0, Math.min(LISTED, unread.size())))
      out.printf(
          "  %s UID %d: sent unread to quarantine at %s, the server having refused its download"
              + " %d times (%s); open it there and ask its sender to send it again%n",
          q.mailboxKey(), q.uid(), q.at(), q.attempts(), q.lastError());
    if (unread.size() > LISTED)
      out.printf("  and %d more sent unread to quarantine%n", unread.size() - LISTED);
  }

  private static void lease(
      PrintWriter out,
      MailboxLeases.Lease l,
      Map<String, Instances.Instance> byId,
      Instant lastPoll,
      Instant now) {
    if (l == null) {
      out.println("    not read yet: no instance has held it");
      return;
    }
    Instances.Instance holder = byId.get(l.holder());
    String who = holder == null ? l.holder() : holder.host() + " pid " + holder.pid();
    out.printf(
        "    %s%n",
        l.liveAt(now)
            ? "read by " + who + " since " + l.since() + " (epoch " + l.epoch() + ")"
            : "no holder: the lease of " + who + " ran out at " + l.expires());
    out.printf(
        "    last poll: %s%n", Optional.ofNullable(lastPoll).map(Instant::toString).orElse("none"));
  }

  private static String nextFire(String cron, IntakeConfig config, Instant now) {
    try {
      org.quartz.CronExpression e = new org.quartz.CronExpression(cron);
      e.setTimeZone(java.util.TimeZone.getTimeZone(config.sla().zone()));
      java.util.Date next = e.getNextValidTimeAfter(java.util.Date.from(now));
      return next == null
          ? "never"
          : ZonedDateTime.ofInstant(next.toInstant(), config.sla().zone()).toString();
    } catch (java.text.ParseException ex) {
      return "unknown (cron '" + cron + "' does not parse)";
    }
  }
}
