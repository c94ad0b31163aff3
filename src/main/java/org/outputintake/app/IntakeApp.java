package org.outputintake.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.InboxPoller;
import org.outputintake.intake.IntakeContext;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.intake.IntakeService;
import org.outputintake.intake.LoopGuard;
import org.outputintake.intake.RegistrySync;
import org.outputintake.intake.SubjectParser;
import org.outputintake.mail.IdleWatcher;
import org.outputintake.mail.MailLogin;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.mail.SmtpMailSender;
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
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: every part built from one validated configuration, a Quartz scheduler for the
 * inbox poll and the outbox, and an IDLE watcher that wakes the poll when mail arrives. Quartz
 * keeps its jobs in memory (RAMJobStore): SQLite cannot host Quartz's JDBC store, and all due-state
 * that matters (the outbox) lives in the bot's own tables.
 */
public final class IntakeApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeApp.class);
  private static final JobKey POLL = JobKey.jobKey("inbox-poll", "intake");
  private static final JobKey OUTBOX = JobKey.jobKey("outbox-send", "intake");
  private final IntakeConfig config;
  private final Database db;
  private final InboxPoller poller;

  /** One per mailbox, the first first (it is {@link #poller}). */
  private final java.util.List<InboxPoller> pollers;

  private final java.util.List<IdleWatcher> idles = new java.util.ArrayList<>();
  private final OutboxSender outbox;
  private final IntakeContext context;
  private final SendMailPort smtp;
  private final org.outputintake.digest.Digests digests;
  private final org.outputintake.digest.ServiceLevelReminders reminders;
  private final org.outputintake.digest.Chasing chasing;
  private final org.outputintake.digest.DailySummaries summaries;
  private static final JobKey SCHEDULES = JobKey.jobKey("digests-and-reminders", "intake");
  private final OpsMetrics metrics;
  private final LeaseKeeper leases;
  private OpsServer ops;
  private Scheduler scheduler;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean sendRequested =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.ExecutorService sender =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-now");
            t.setDaemon(true);
            return t;
          });

  private IntakeApp(
      IntakeConfig config,
      Database db,
      InboxPoller poller,
      OutboxSender outbox,
      IntakeContext context,
      SendMailPort smtp,
      OpsMetrics metrics,
      java.util.List<InboxPoller> pollers) {
    this.config = config;
    this.pollers = java.util.List.copyOf(pollers);
    this.metrics = metrics;
    this.smtp = smtp;
    this.db = db;
    this.poller = poller;
    this.outbox = outbox;
    this.context = context;
    this.leases =
        new LeaseKeeper(
            db,
            config.ha(),
            context.clock(),
            this.pollers.stream().map(InboxPoller::mailboxKey).toList(),
            hostName());
    outbox.claimAs(leases.instanceId(), config.ha().takeover());
    this.digests =
        new org.outputintake.digest.Digests(
            config, db, context.templates(), context.workflow().serviceLevel(), context.clock());
    this.reminders =
        new org.outputintake.digest.ServiceLevelReminders(
            db, context.tickets(), context.workflow(), context.clock());
    this.chasing =
        new org.outputintake.digest.Chasing(
            config, db, context.tickets(), context.workflow(), context.clock());
    this.summaries =
        new org.outputintake.digest.DailySummaries(
            config,
            db,
            context.tickets(),
            context.templates(),
            context.workflow().serviceLevel().calendar(),
            context.clock());
  }

  public static IntakeApp create(IntakeConfig config, Clock clock, IntakeEvents events) {
    MailLogin imap = MailLogin.of(config.mailbox().imap(), "mailbox.imap", clock);
    // one OAuth2 token for both servers when they share the settings
    MailLogin smtp = imap.sharedWith(config.mailbox().smtp(), "mailbox.smtp");
    java.util.Map<String, SendMailPort> senders = new java.util.LinkedHashMap<>();
    senders.put(
        config.mailbox().address(), new SmtpMailSender(smtp, config.mailbox().address(), clock));
    for (int i = 1; i < config.mailboxes().size(); i++) {
      IntakeConfig.Mailbox mb = config.mailboxes().get(i);
      MailLogin own = MailLogin.of(mb.imap(), "mailboxes." + i + ".imap", clock);
      senders.put(
          mb.address(),
          new SmtpMailSender(
              own.sharedWith(mb.smtp(), "mailboxes." + i + ".smtp"), mb.address(), clock));
    }
    return create(
        config, clock, events, new org.outputintake.reply.SendersByMailbox(senders), imap);
  }

  /** With another way to send mail (tests use this to make SMTP fail on purpose). */
  public static IntakeApp create(
      IntakeConfig config, Clock clock, IntakeEvents events, SendMailPort smtp) {
    return create(
        config, clock, events, smtp, MailLogin.of(config.mailbox().imap(), "mailbox.imap", clock));
  }

  private static IntakeApp create(
      IntakeConfig config,
      Clock clock,
      IntakeEvents events,
      SendMailPort smtp,
      MailLogin imapLogin) {
    Path data = writableDataDir(config.storage().dataDir());
    RegistrySync registry =
        new RegistrySync(
            config.projects().registry(),
            config.scanning().policies(),
            config.scanning().defaultPolicy());
    if (config.storage().sharedDir() != null)
      writableDir(config.storage().sharedDir(), "shared-dir");
    Database db = Database.open(config.database());
    try {
      DeskFiles desk = DeskFiles.of(config.storage(), db);
      Templates templates = new Templates(config.replies().templates());
      TicketRepository tickets =
          new TicketRepository(config.tickets().prefix(), config.tickets().firstNumber());
      ReplyComposer composer =
          new ReplyComposer(
              templates,
              config.mailbox().address(),
              config.tickets().subjectFormat(),
              !config.security().requireAuthenticatedSender());
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
              new LoopGuard(
                  config.mailboxes().stream().map(IntakeConfig.Mailbox::address).toList()),
              new SubjectParser(config.projects().minDigits(), config.projects().maxDigits()),
              clock,
              events,
              workflow);
      registry.bind(ctx);
      // after the registry and the database, whose mistakes an operator meets first
      config.security().requireUsableWith(config.staff());
      java.util.List<InboxPoller> pollers = new java.util.ArrayList<>();
      for (int i = 0; i < config.mailboxes().size(); i++) {
        IntakeConfig.Mailbox mb = config.mailboxes().get(i);
        // each mailbox answers from its own address; the first's context is the shared one
        IntakeContext own =
            i == 0
                ? ctx
                : ctx.forMailbox(
                    mb,
                    new ReplyComposer(
                        templates,
                        mb.address(),
                        config.tickets().subjectFormat(),
                        !config.security().requireAuthenticatedSender()));
        pollers.add(
            new InboxPoller(
                mb,
                db,
                desk.messages(),
                new IntakeService(own),
                registry,
                config.poll().workers(),
                clock,
                i == 0 ? imapLogin : MailLogin.of(mb.imap(), "mailboxes." + i + ".imap", clock)));
      }
      InboxPoller poller = pollers.get(0);
      OpsMetrics metrics = OpsMetrics.create(db, poller.status());
      OutboxSender outbox =
          new OutboxSender(
              db,
              metrics.timed(smtp),
              clock,
              refusedFilesGoAfter(events, new RefusedFiles(db, desk, clock)),
              config.replies().giveUpAfter(),
              config.replies().maxAttempts());
      outbox.findFilesIn(desk.files());
      outbox.onChangedAttachment(
          (c, mail, why, now) ->
              workflow.attachmentChanged(c, mail.ticketId(), mail.kind(), why, now));
      return new IntakeApp(config, db, poller, outbox, ctx, smtp, metrics, pollers);
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

  /** Checked now: otherwise the first request would fail, and every one after it. */
  private static Path writableDataDir(Path data) {
    return writableDir(data, "data-dir");
  }

  private static Path writableDir(Path data, String key) {
    try {
      java.nio.file.Files.createDirectories(data);
    } catch (java.io.IOException e) {
      throw new org.outputintake.config.ConfigException(
          "storage."
              + key
              + " is '"
              + data
              + "', which cannot be created ("
              + org.outputintake.config.ConfigException.reason(e)
              + "): set it to a directory the bot's user can write",
          e);
    }
    if (!java.nio.file.Files.isWritable(data))
      throw new org.outputintake.config.ConfigException(
          "storage."
              + key
              + " is '"
              + data
              + "', which the bot's user cannot write: change its owner or set another directory");
    return data;
  }

  /**
   * The OAuth2 logins' state by server ({@code imap}, {@code smtp}), for a health check: empty for
   * a server that logs in with a password.
   */
  public java.util.Map<String, org.outputintake.mail.oauth2.OAuth2Status> oauth2Status() {
    return new OAuth2Logins(config.mailbox(), poller.imapLogin(), smtp).status();
  }

  /** Before the daemon starts: a refused OAuth2 login stops it with the provider's own words. */
  public void checkOAuth2Logins() {
    new OAuth2Logins(config.mailbox(), poller.imapLogin(), smtp).check();
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
    return poller;
  }

  /** Every mailbox's poller, the first mailbox's first. */
  public java.util.List<InboxPoller> pollers() {
    return pollers;
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
    return digests;
  }

  public org.outputintake.digest.ServiceLevelReminders reminders() {
    return reminders;
  }

  public org.outputintake.digest.Chasing chasing() {
    return chasing;
  }

  public org.outputintake.digest.DailySummaries summaries() {
    return summaries;
  }

  /**
   * One poll followed by sending what it queued: what a scheduled cycle does, for tests and the
   * demo.
   */
  public InboxPoller.PollResult cycle() throws MailboxUnavailable {
    InboxPoller.PollResult r = poller.pollOnce();
    for (InboxPoller p : pollers.subList(1, pollers.size())) p.pollOnce();
    outbox.sendDue();
    return r;
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
              () -> Health.check(db, pollStatuses(), oauth2Status()),
              metrics::scrape);
    Properties q = new Properties();
    q.setProperty("org.quartz.scheduler.instanceName", "output-intake");
    q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    q.setProperty("org.quartz.threadPool.threadCount", "3");
    q.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    q.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    scheduler = new StdSchedulerFactory(q).getScheduler();
    // before the first poll, which runs only under a lease
    leases.start(takeover);
    schedule(POLL, this::pollSafely, config.poll().interval().toMillis());
    schedule(OUTBOX, outbox::sendDue, config.poll().outboxInterval().toMillis());
    // every minute, and at once on start: a digest or reminder that fell due while the bot was down
    // goes now
    schedule(SCHEDULES, this::schedulesSafely, 60_000);
    for (IntakeConfig.Digest d : config.digests()) scheduleCron(d);
    scheduler.start();
    for (InboxPoller p : pollers) p.afterEachCommit(this::sendSoon);
    if (config.poll().idle()) {
      for (int i = 0; i < pollers.size(); i++) {
        InboxPoller p = pollers.get(i);
        IdleWatcher w =
            new IdleWatcher(
                config.mailboxes().get(i),
                config.poll().idleRenew(),
                this::wakePoll,
                p.loginBackoff(),
                p.imapLogin());
        idles.add(w);
        Thread t = new Thread(w, "imap-idle-" + i);
        t.setDaemon(true);
        t.start();
      }
    }
    LOG.info(
        "polling {} every {}s (IDLE {}), replies from {}",
        config.mailbox().folders().inbox(),
        config.poll().interval().toSeconds(),
        config.poll().idle() ? "on" : "off",
        config.mailbox().address());
  }

  private void schedule(JobKey key, Runnable task, long intervalMillis) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(QuartzTask.class).withIdentity(key).storeDurably().build();
    job.getJobDataMap().put(QuartzTask.TASK, task);
    // a missed run is skipped, not replayed: one poll after an outage catches up with everything
    scheduler.scheduleJob(
        job,
        TriggerBuilder.newTrigger()
            .withIdentity(key.getName(), key.getGroup())
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(intervalMillis)
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  /**
   * A digest's own cron trigger, so it leaves on time; what it runs is the same idempotent tick.
   */
  private void scheduleCron(IntakeConfig.Digest d) throws SchedulerException {
    JobKey key = JobKey.jobKey("digest-" + d.name(), "intake");
    JobDetail job = JobBuilder.newJob(QuartzTask.class).withIdentity(key).storeDurably().build();
    job.getJobDataMap().put(QuartzTask.TASK, (Runnable) this::schedulesSafely);
    scheduler.scheduleJob(
        job,
        TriggerBuilder.newTrigger()
            .withIdentity(key.getName(), key.getGroup())
            .withSchedule(
                org.quartz.CronScheduleBuilder.cronSchedule(d.cron())
                    .inTimeZone(java.util.TimeZone.getTimeZone(config.sla().zone()))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build());
  }

  private void schedulesSafely() {
    digests.tick();
    reminders.tick();
    chasing.tick();
    summaries.tick();
    sendSoon();
  }

  /** The polls of each mailbox this instance holds, by its key, for the health check. */
  private java.util.Map<String, org.outputintake.intake.PollStatus> pollStatuses() {
    java.util.Map<String, org.outputintake.intake.PollStatus> out = new java.util.LinkedHashMap<>();
    for (InboxPoller p : pollers) {
      if (leases.held(p.mailboxKey()).isPresent()) out.put(p.mailboxKey(), p.status());
    }
    return out;
  }

  /** {@link #pollIfHolder(InboxPoller)} of the first (or only) mailbox. */
  public java.util.Optional<InboxPoller.PollResult> pollIfHolder() throws MailboxUnavailable {
    return pollIfHolder(pollers.get(0));
  }

  /**
   * One poll of a mailbox, if this instance holds its lease, with every transaction of it fenced by
   * that lease; empty on a standby, or when the lease turned out to be lost (the poll's last
   * transaction rolled back and polling stops until the lease is taken again).
   */
  public java.util.Optional<InboxPoller.PollResult> pollIfHolder(InboxPoller poller)
      throws MailboxUnavailable {
    var lease = leases.held(poller.mailboxKey());
    if (lease.isEmpty()) {
      // a standby keeps no IMAP session open: the holder's is the one the server should see
      poller.disconnect();
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          db.fenced(
              LeaseKeeper.fence(lease.get()),
              () -> {
                InboxPoller.PollResult r = poller.pollOnce();
                leases.polled(lease.get());
                return r;
              }));
    } catch (org.outputintake.store.Database.FenceLost e) {
      leases.lost(lease.get());
      poller.disconnect();
      LOG.warn(
          "{}: this instance stops polling it; its last decision was rolled back", e.getMessage());
      return java.util.Optional.empty();
    }
  }

  /** Every mailbox in turn: one mailbox's failure never keeps another's mail waiting. */
  private void pollSafely() {
    boolean seen = false;
    for (InboxPoller p : pollers) {
      try {
        var r = pollIfHolder(p);
        seen |= r.isPresent() && r.get().seen() > 0;
      } catch (MailboxUnavailable e) {
        // a refused login has logged its own line, with its back-off
        if (!e.loginRefused())
          LOG.warn(
              "IMAP poll failed for {} ({}); will retry at the next poll",
              p.mailboxKey(),
              e.getMessage());
      }
    }
    if (seen) outbox.sendDue();
  }

  /**
   * Sends the outbox on its own thread as soon as a reply is committed, so an acknowledgement does
   * not wait for the IMAP moves or the rest of the poll. Requests coalesce: one pass picks up
   * everything written before it starts.
   */
  private void sendSoon() {
    if (sendRequested.compareAndSet(false, true)) {
      sender.execute(
          () -> {
            sendRequested.set(false);
            try {
              outbox.sendDue();
            } catch (RuntimeException e) {
              LOG.warn("outbox pass failed: {}", e.getMessage());
            }
          });
    }
  }

  private void wakePoll() {
    try {
      if (scheduler != null && !scheduler.isShutdown()) scheduler.triggerJob(POLL);
    } catch (SchedulerException e) {
      LOG.warn("could not trigger a poll after IDLE: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    // the daemon's shutdown hook and its try-with-resources both close it
    if (!closed.compareAndSet(false, true)) return;
    if (ops != null) ops.close();
    idles.forEach(IdleWatcher::stop);
    try {
      if (scheduler != null) scheduler.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
    }
    // after the scheduler: no poll is running, so giving the leases up interrupts nothing
    leases.close();
    sender.shutdown();
    try {
      if (!sender.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) sender.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pollers.forEach(InboxPoller::disconnect);
    db.close();
    LOG.info("stopped");
  }
}
