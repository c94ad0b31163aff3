package org.outputintake.app;

import java.nio.file.Path;
import java.time.Clock;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.InboxPoller;
import org.outputintake.intake.IntakeContext;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.intake.LoopGuard;
import org.outputintake.intake.RegistrySync;
import org.outputintake.intake.SubjectParser;
import org.outputintake.mail.MailLogin;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.SendMailPort;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.DeskFiles;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.RefusedFiles;
import org.outputintake.workflow.Workflow;
import org.outputintake.workflow.WorkflowContext;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: every part built from one validated configuration, a Quartz scheduler ({@link
 * QuartzJobs}) for the inbox poll, the outbox and the digests, and the mailboxes' lease-gated polls
 * with their IDLE watchers ({@link MailboxPolling}).
 */
public final class IntakeApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeApp.class);
  private static final JobKey POLL = JobKey.jobKey("inbox-poll", "intake");
  private static final JobKey OUTBOX = JobKey.jobKey("outbox-send", "intake");
  private final IntakeConfig config;
  private final Database db;
  private final MailboxPolling polling;
  private final OutboxSender outbox;
  private final IntakeContext context;
  private final SendMailPort smtp;
  private final ScheduledMail scheduled;
  private static final JobKey SCHEDULES = JobKey.jobKey("digests-and-reminders", "intake");
  private static final JobKey REFUSED_SWEEP = JobKey.jobKey("refused-files-sweep", "intake");
  private final RefusedFiles refused;
  private final OpsMetrics metrics;
  private final LeaseKeeper leases;
  private OpsServer ops;
  private QuartzJobs jobs;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final OutboxNow outboxNow;

  private IntakeApp(
      IntakeConfig config,
      Database db,
      OutboxSender outbox,
      IntakeContext context,
      SendMailPort smtp,
      OpsMetrics metrics,
      java.util.List<InboxPoller> pollers,
      RefusedFiles refused) {
    this.config = config;
    this.refused = refused;
    this.metrics = metrics;
    this.smtp = smtp;
    this.db = db;
    this.outbox = outbox;
    this.context = context;
    this.leases =
        new LeaseKeeper(
            db,
            config.ha(),
            context.clock(),
            pollers.stream().map(InboxPoller::mailboxKey).toList(),
            hostName());
    this.polling = new MailboxPolling(pollers, db, leases, outbox);
    this.outboxNow = new OutboxNow(outbox);
    outbox.claimAs(leases.instanceId(), config.ha().takeover());
    this.scheduled = ScheduledMail.of(config, db, context);
  }

  public static IntakeApp create(IntakeConfig config, Clock clock, IntakeEvents events) {
    MailLogin imap = MailboxParts.imapLogin(config.mailbox(), 0, clock);
    return create(config, clock, events, MailboxParts.senders(config, imap, clock), imap);
  }

  /** With another way to send mail (tests use this to make SMTP fail on purpose). */
  public static IntakeApp create(
      IntakeConfig config, Clock clock, IntakeEvents events, SendMailPort smtp) {
    return create(config, clock, events, smtp, MailboxParts.imapLogin(config.mailbox(), 0, clock));
  }

  private static IntakeApp create(
      IntakeConfig config,
      Clock clock,
      IntakeEvents events,
      SendMailPort smtp,
      MailLogin imapLogin) {
    Path data = WritableDirs.require(config.storage().dataDir(), "data-dir");
    RegistrySync registry =
        new RegistrySync(
            config.projects().registry(),
            config.scanning().policies(),
            config.scanning().defaultPolicy());
    if (config.storage().sharedDir() != null)
      WritableDirs.require(config.storage().sharedDir(), "shared-dir");
    Database db = Database.open(config.database());
    try {
      DeskFiles desk = DeskFiles.of(config.storage(), db);
      Templates templates = new Templates(config.replies().templates());
      TicketRepository tickets =
          new TicketRepository(config.tickets().prefix(), config.tickets().firstNumber());
      ReplyComposer composer = MailboxParts.composer(config, templates, config.mailbox().address());
      Workflow workflow =
          new Workflow(
              new WorkflowContext(
                  config,
                  tickets,
                  registry::get,
                  composer,
                  clock,
                  StaffMailReading.newText(),
                  StaffMailReading.senderCheck(config.security()),
                  data.resolve("reports"),
                  desk));
      IntakeContext ctx =
          new IntakeContext(
              config,
              db,
              desk.files(),
              tickets,
              registry::get,
              Reviews.standard(config, registry::policy, clock),
              composer,
              templates,
              new LoopGuard(org.outputintake.config.DeskAddresses.of(config)),
              new SubjectParser(config.projects().minDigits(), config.projects().maxDigits()),
              clock,
              events,
              workflow);
      registry.bind(ctx);
      // after the registry and the database, whose mistakes an operator meets first
      config.security().requireUsableWith(config.staff());
      java.util.List<InboxPoller> pollers =
          MailboxParts.pollers(ctx, db, desk.messages(), registry, imapLogin, clock);
      java.util.Map<String, org.outputintake.intake.PollStatus> polls =
          new java.util.LinkedHashMap<>();
      for (int i = 0; i < pollers.size(); i++)
        polls.put(config.mailboxes().get(i).address(), pollers.get(i).status());
      OpsMetrics metrics = OpsMetrics.create(db, polls);
      RefusedFiles refused = new RefusedFiles(db, desk, clock);
      // a copy a failed deletion left, or this host cached before another instance purged it
      refused.sweep(RefusedFiles.Sweep.EVERYWHERE);
      OutboxSender outbox =
          new OutboxSender(
              db,
              metrics.timed(smtp),
              clock,
              refusedFilesGoAfter(events, refused),
              config.replies().giveUpAfter(),
              config.replies().maxAttempts());
      outbox.shareWaits(new org.outputintake.backoff.SharedWaits(db), config.smtpServers());
      outbox.findFilesIn(desk.files());
      outbox.onChangedAttachment(
          (c, mail, why, now) ->
              workflow.attachmentChanged(c, mail.ticketId(), mail.kind(), why, now));
      return new IntakeApp(config, db, outbox, ctx, smtp, metrics, pollers, refused);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The watcher hears of each sent reply, then a refusal's files with direct identifiers go. */
  private static java.util.function.Consumer<org.outputintake.reply.OutgoingMail>
      refusedFilesGoAfter(IntakeEvents events, RefusedFiles refused) {
    return mail -> {
      events.replySent(mail);
      refused.replySent(mail);
    };
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown host";
    }
  }

  /**
   * The OAuth2 logins' state by server ({@code imap}, {@code smtp}), for a health check: empty for
   * a server that logs in with a password.
   */
  public java.util.Map<String, org.outputintake.mail.oauth2.OAuth2Status> oauth2Status() {
    return new OAuth2Logins(config.mailbox(), poller().imapLogin(), smtp).status();
  }

  /** Before the daemon starts: a refused OAuth2 login stops it with the provider's own words. */
  public void checkOAuth2Logins() {
    new OAuth2Logins(config.mailbox(), poller().imapLogin(), smtp).check();
  }

  /** The operations endpoint's port once started (the one chosen for {@code server.port: 0}). */
  public java.util.OptionalInt operationsPort() {
    return ops == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ops.port());
  }

  /** This instance's mailbox leases and heartbeat. */
  public LeaseKeeper leases() {
    return leases;
  }

  public InboxPoller poller() {
    return polling.first();
  }

  /** Every mailbox's poller, the first mailbox's first. */
  public java.util.List<InboxPoller> pollers() {
    return polling.all();
  }

  public OutboxSender outbox() {
    return outbox;
  }

  public Database db() {
    return db;
  }

  public IntakeContext context() {
    return context;
  }

  public org.outputintake.digest.Digests digests() {
    return scheduled.digests();
  }

  public org.outputintake.digest.ServiceLevelReminders reminders() {
    return scheduled.reminders();
  }

  public org.outputintake.digest.Chasing chasing() {
    return scheduled.chasing();
  }

  public org.outputintake.digest.DailySummaries summaries() {
    return scheduled.summaries();
  }

  /**
   * One poll followed by sending what it queued: what a scheduled cycle does, for tests and the
   * demo.
   */
  public InboxPoller.PollResult cycle() throws MailboxUnavailable {
    InboxPoller.PollResult r = polling.pollAll();
    outbox.sendDue();
    return r;
  }

  /**
   * Removes what this host still holds of refused files already marked removed (hourly): another
   * instance may have purged a file this one had cached.
   *
   * @return how many copies were removed
   */
  public int sweepRefusedFiles() {
    return refused.sweep(RefusedFiles.Sweep.THIS_HOST);
  }

  public void start() throws SchedulerException {
    start(org.outputintake.store.MailboxLeases.Takeover.WHEN_EXPIRED);
  }

  /**
   * @param takeover {@code AT_ONCE} when the caller holds the data-directory lock on a SQLite
   *     database: no other process can be reading the mailbox, so a lease that looks live was left
   *     by a killed one and waiting it out would only delay the first poll
   */
  public void start(org.outputintake.store.MailboxLeases.Takeover takeover)
      throws SchedulerException {
    // first: a port in use refuses the start before any mail is read
    if (config.server().enabled())
      ops =
          OpsServer.start(
              config.server(),
              () -> Health.check(db, polling.statuses(), oauth2Status()),
              metrics::scrape);
    jobs = QuartzJobs.create();
    // before the first poll, which runs only under a lease
    leases.start(takeover);
    jobs.every(POLL, polling::pollSafely, config.poll().interval().toMillis());
    jobs.every(OUTBOX, outbox::sendDue, config.poll().outboxInterval().toMillis());
    // every minute, and at once on start: a digest or reminder that fell due while the bot was down
    // goes now
    jobs.every(SCHEDULES, this::schedulesSafely, 60_000);
    jobs.every(REFUSED_SWEEP, this::sweepRefusedFiles, 3_600_000);
    // a digest's own cron trigger, so it leaves on time; what it runs is the same idempotent tick
    for (Digest d : config.digests())
      jobs.cron(
          JobKey.jobKey("digest-" + d.name(), "intake"),
          d.cron(),
          config.sla().zone(),
          this::schedulesSafely);
    jobs.start();
    polling.afterEachCommit(outboxNow::sendSoon);
    polling.watchIdle(config, this::wakePoll);
    LOG.info(
        "polling {} every {}s (IDLE {}), replies from {}",
        config.mailbox().folders().inbox(),
        config.poll().interval().toSeconds(),
        config.poll().idle() ? "on" : "off",
        config.mailbox().address());
  }

  private void schedulesSafely() {
    scheduled.tick();
    outboxNow.sendSoon();
  }

  /** {@link #pollIfHolder(InboxPoller)} of the first (or only) mailbox. */
  public java.util.Optional<InboxPoller.PollResult> pollIfHolder() throws MailboxUnavailable {
    return polling.pollIfHolder(polling.first());
  }

  /**
   * One poll of a mailbox, if this instance holds its lease, with every transaction of it fenced by
   * that lease; empty on a standby, or when the lease turned out to be lost.
   */
  public java.util.Optional<InboxPoller.PollResult> pollIfHolder(InboxPoller poller)
      throws MailboxUnavailable {
    return polling.pollIfHolder(poller);
  }

  private void wakePoll() {
    try {
      if (jobs != null) jobs.runNow(POLL);
    } catch (SchedulerException e) {
      LOG.warn("could not trigger a poll after IDLE: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    // the daemon's shutdown hook and its try-with-resources both close it
    if (!closed.compareAndSet(false, true)) return;
    if (ops != null) ops.close();
    polling.stopIdle();
    try {
      if (jobs != null) jobs.shutdown();
    } catch (SchedulerException e) {
      LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
    }
    // after the scheduler: no poll is running, so giving the leases up interrupts nothing
    leases.close();
    outboxNow.close();
    polling.disconnect();
    db.close();
    LOG.info("stopped");
  }
}
