package org.outputintake.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.outputintake.config.DeskAddresses;
import org.outputintake.intake.PollStatus;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.SendMailPort;
import org.outputintake.store.Database;
import org.outputintake.store.DeskCounts;
import org.outputintake.ticket.TicketState;

/**
 * The bot's metrics in Prometheus form. Counts that the database already holds (requests, tickets
 * by state, the outbox, breach alerts) are read from it at scrape time, so they are right across
 * restarts and across instances sharing one database; the latencies are this process's own.
 */
final class OpsMetrics {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpsMetrics.class);
  private final Database db;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Read once per scrape, before it: the gauges of one scrape show one moment of the database. */
  private volatile Counts counts = Counts.UNKNOWN;

  /**
   * @param requests tickets opened, by the address of the mailbox their request came to
   */
  private record Counts(
      Map<TicketState.Kind, Long> byState,
      Map<String, Long> requests,
      long outboxPending,
      long outboxFailed,
      long breaches) {
    static final Counts UNKNOWN = new Counts(Map.of(), Map.of(), -1, -1, -1);
  }

  private final DeskAddresses desk;

  private OpsMetrics(Database db, DeskAddresses desk) {
    this.db = db;
    this.desk = desk;
  }

  /** The Prometheus text of every meter, the database's counts read afresh. */
  String scrape() {
    counts = read();
    return registry.scrape();
  }

  /**
   * Registers every {@code intake_…} meter read from the database and the poll status. The gauges
   * take suppliers, which Micrometer holds strongly: they keep the counts object alive for the
   * function counters too, which Micrometer holds weakly and would otherwise report as 0.
   *
   * @param polls each mailbox's poll status by the mailbox's address, the first configured first:
   *     requests and polls are counted by mailbox (label {@code mailbox})
   */
  static OpsMetrics create(Database db, Map<String, PollStatus> polls) {
    OpsMetrics m = new OpsMetrics(db, new DeskAddresses(java.util.List.copyOf(polls.keySet())));
    MeterRegistry registry = m.registry;
    for (String mailbox : polls.keySet())
      FunctionCounter.builder(
              "intake.requests.received",
              m,
              x -> x.value(x.counts().requests().getOrDefault(mailbox, x.unknown())))
          .description(
              "Requests received: tickets opened since the database was created, by the mailbox"
                  + " their request came to")
          .tag("mailbox", mailbox)
          .register(registry);
    for (TicketState.Kind kind : TicketState.Kind.values()) {
      Gauge.builder("intake.tickets", () -> m.value(m.counts().byState().getOrDefault(kind, 0L)))
          .description("Tickets now in each state")
          .tag("state", kind.stored())
          .register(registry);
    }
    Gauge.builder("intake.outbox.pending", () -> m.value(m.counts().outboxPending()))
        .description("Replies waiting to be sent or retried")
        .register(registry);
    Gauge.builder("intake.outbox.failed", () -> m.value(m.counts().outboxFailed()))
        .description("Replies given up on (dead letters)")
        .register(registry);
    FunctionCounter.builder("intake.sla.breaches", m, x -> x.value(x.counts().breaches()))
        .description("Tickets that passed their service-level due time (breach alerts sent)")
        .register(registry);
    for (Map.Entry<String, PollStatus> p : polls.entrySet()) {
      FunctionTimer.builder(
              "intake.poll.latency",
              p.getValue(),
              PollStatus::polls,
              PollStatus::totalNanos,
              TimeUnit.NANOSECONDS)
          .description("Inbox polls finished and the time they took, by mailbox")
          .tag("mailbox", p.getKey())
          .register(registry);
      FunctionCounter.builder("intake.poll.failures", p.getValue(), PollStatus::failures)
          .description("Inbox polls that failed, by mailbox")
          .tag("mailbox", p.getKey())
          .register(registry);
    }
    return m;
  }

  /** {@code smtp} with each send timed as {@code intake_reply_latency_seconds}. */
  SendMailPort timed(SendMailPort smtp) {
    Timer timer =
        Timer.builder("intake.reply.latency")
            .description("Time to hand one reply to the SMTP server, failures included")
            .register(registry);
    return new SendMailPort() {
      @Override
      public void send(OutgoingMail mail) throws Exception {
        long started = System.nanoTime();
        try {
          smtp.send(mail);
        } finally {
          timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
      }

      @Override
      public void endBatch() {
        smtp.endBatch();
      }
    };
  }

  /** A database that does not answer shows as NaN: no number is better than a wrong one. */
  private double value(long n) {
    return n < 0 ? Double.NaN : n;
  }

  private Counts counts() {
    return counts;
  }

  /** A count the database did not give: 0 once it answered, NaN while it does not. */
  private long unknown() {
    return counts == Counts.UNKNOWN ? -1 : 0;
  }

  private Counts read() {
    try {
      DeskCounts d = db.read(DeskCounts::read);
      Map<TicketState.Kind, Long> byState = new EnumMap<>(TicketState.Kind.class);
      for (TicketState.Kind k : TicketState.Kind.values())
        byState.put(k, d.ticketsByState().getOrDefault(k.stored(), 0L));
      // a ticket that does not record its mailbox, or came to one since removed, counts where its
      // mail leaves from: the first mailbox
      Map<String, Long> requests = new java.util.HashMap<>();
      d.ticketsByMailbox()
          .forEach(
              (mailbox, n) -> requests.merge(desk.sendingFor(mailbox, desk.first()), n, Long::sum));
      return new Counts(byState, requests, d.outboxPending(), d.outboxFailed(), d.breachAlerts());
    } catch (RuntimeException e) {
      LOG.warn("metrics could not read the database ({})", e.getClass().getSimpleName());
      return Counts.UNKNOWN;
    }
  }
}
