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
  private final OutboxSender outbox;
  private final IntakeContext context;
  private final SendMailPort smtp;
  private final org.outputintake.digest.Digests digests;
  private final org.outputintake.digest.ServiceLevelReminders reminders;
  private final org.outputintake.digest.Chasing chasing;
  private final org.outputintake.digest.DailySummaries summaries;
  private static final JobKey SCHEDULES = JobKey.jobKey("digests-and-reminders", "intake");
  private final OpsMetrics metrics;
  private OpsServer ops;
  private Scheduler scheduler;
  private IdleWatcher idle;
  private Thread idleThread;
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
      OpsMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
    this.smtp = smtp;
    this.db = db;
    this.poller = poller;
    this.outbox = outbox;
    this.context = context;
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
    return create(
        config, clock, events, new SmtpMailSender(smtp, config.mailbox().address(), clock), imap);
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
              new LoopGuard(config.mailbox().address()),
              new SubjectParser(config.projects().minDigits(), config.projects().maxDigits()),
              clock,
              events,
              workflow);
      registry.bind(ctx);
      // after the registry and the database, whose mistakes an operator meets first
      config.security().requireUsableWith(config.staff());
      InboxPoller poller =
          new InboxPoller(
              config.mailbox(),
              db,
              desk.messages(),
              new IntakeService(ctx),
              registry,
              config.poll().workers(),
              clock,
              imapLogin);
      OpsMetrics metrics = OpsMetrics.create(db, poller.status());
      OutboxSender outbox =
          new OutboxSender(
              db,
              metrics.timed(smtp),
              clock,
              events::replySent,
              config.replies().giveUpAfter(),
              config.replies().maxAttempts());
      outbox.findFilesIn(desk.files());
      outbox.onChangedAttachment(
          (c, mail, why, now) ->
              workflow.attachmentChanged(c, mail.ticketId(), mail.kind(), why, now));
      return new IntakeApp(config, db, poller, outbox, ctx, smtp, metrics);
    } catch (RuntimeException e) {
      db.close();
      throw e;
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

  public InboxPoller poller() {
    return poller;
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
    outbox.sendDue();
    return r;
  }

  public void start() throws SchedulerException {
    // first: a port in use refuses the start before any mail is read
    if (config.server().enabled())
      ops =
          OpsServer.start(
              config.server(),
              () -> Health.check(db, poller.status(), oauth2Status()),
              metrics::scrape);
    Properties q = new Properties();
    q.setProperty("org.quartz.scheduler.instanceName", "output-intake");
    q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    q.setProperty("org.quartz.threadPool.threadCount", "3");
    q.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    q.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    scheduler = new StdSchedulerFactory(q).getScheduler();
    schedule(POLL, this::pollSafely, config.poll().interval().toMillis());
    schedule(OUTBOX, outbox::sendDue, config.poll().outboxInterval().toMillis());
    // every minute, and at once on start: a digest or reminder that fell due while the bot was down
    // goes now
    schedule(SCHEDULES, this::schedulesSafely, 60_000);
    for (IntakeConfig.Digest d : config.digests()) scheduleCron(d);
    scheduler.start();
    poller.afterEachCommit(this::sendSoon);
    if (config.poll().idle()) {
      idle =
          new IdleWatcher(
              config.mailbox(),
              config.poll().idleRenew(),
              this::wakePoll,
              poller.loginBackoff(),
              poller.imapLogin());
      idleThread = new Thread(idle, "imap-idle");
      idleThread.setDaemon(true);
      idleThread.start();
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

  private void pollSafely() {
    try {
      InboxPoller.PollResult r = poller.pollOnce();
      if (r.seen() > 0) outbox.sendDue();
    } catch (MailboxUnavailable e) {
      // a refused login has logged its own line, with its back-off
      if (!e.loginRefused())
        LOG.warn("IMAP poll failed ({}); will retry at the next poll", e.getMessage());
    }
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
    if (idle != null) idle.stop();
    try {
      if (scheduler != null) scheduler.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
    }
    sender.shutdown();
    try {
      if (!sender.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) sender.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poller.disconnect();
    db.close();
    LOG.info("stopped");
  }
}
