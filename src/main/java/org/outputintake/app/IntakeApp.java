package org.outputintake.app;

import jakarta.mail.MessagingException;
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
import org.outputintake.mail.SmtpMailSender;
import org.outputintake.reply.OutboxSender;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.SendMailPort;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.outputintake.ticket.TicketRepository;
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
 * The running bot: every part built from one validated configuration, a Quartz scheduler for the inbox poll and the
 * outbox, and an IDLE watcher that wakes the poll when mail arrives. Quartz keeps its jobs in memory (RAMJobStore):
 * SQLite cannot host Quartz's JDBC store, and all due-state that matters (the outbox) lives in the bot's own tables.
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
  private Scheduler scheduler;
  private IdleWatcher idle;
  private Thread idleThread;

  private IntakeApp(IntakeConfig config, Database db, InboxPoller poller, OutboxSender outbox, IntakeContext context) {
    this.config = config;
    this.db = db;
    this.poller = poller;
    this.outbox = outbox;
    this.context = context;
  }

  public static IntakeApp create(IntakeConfig config, Clock clock, IntakeEvents events) {
    return create(config, clock, events, new SmtpMailSender(config.mailbox().smtp(), config.mailbox().address()));
  }

  /** With another way to send mail (tests use this to make SMTP fail on purpose). */
  public static IntakeApp create(IntakeConfig config, Clock clock, IntakeEvents events, SendMailPort smtp) {
    Path data = config.storage().dataDir();
    RegistrySync registry = new RegistrySync(config.projects().registry(), config.scanning().policies());
    Database db = Database.open(config.database().url());
    try {
      Templates templates = new Templates(config.replies().templates());
      IntakeContext ctx = new IntakeContext(config, db, new RawStore(data.resolve("files")),
          new TicketRepository(config.tickets().prefix(), config.tickets().firstNumber()), registry::get,
          Reviews.standard(config), new ReplyComposer(templates, config.mailbox().address(),
              config.tickets().subjectFormat()), templates, new LoopGuard(config.mailbox().address()),
          new SubjectParser(config.projects().minDigits(), config.projects().maxDigits()), clock, events);
      registry.bind(ctx);
      InboxPoller poller = new InboxPoller(config.mailbox(), db, new RawStore(data.resolve("messages")),
          new IntakeService(ctx), registry, config.poll().workers());
      OutboxSender outbox = new OutboxSender(db, smtp, clock, events::replySent);
      return new IntakeApp(config, db, poller, outbox, ctx);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
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

  /** One poll followed by sending what it queued: what a scheduled cycle does, for tests and the demo. */
  public InboxPoller.PollResult cycle() throws MessagingException {
    InboxPoller.PollResult r = poller.pollOnce();
    outbox.sendDue();
    return r;
  }

  public void start() throws SchedulerException {
    Properties q = new Properties();
    q.setProperty("org.quartz.scheduler.instanceName", "output-intake");
    q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    q.setProperty("org.quartz.threadPool.threadCount", "3");
    q.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    q.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    scheduler = new StdSchedulerFactory(q).getScheduler();
    schedule(POLL, this::pollSafely, config.poll().interval().toMillis());
    schedule(OUTBOX, outbox::sendDue, config.poll().outboxInterval().toMillis());
    scheduler.start();
    if (config.poll().idle()) {
      idle = new IdleWatcher(config.mailbox(), config.poll().idleRenew(), this::wakePoll);
      idleThread = new Thread(idle, "imap-idle");
      idleThread.setDaemon(true);
      idleThread.start();
    }
    LOG.info("polling {} every {}s (IDLE {}), replies from {}", config.mailbox().folders().inbox(),
        config.poll().interval().toSeconds(), config.poll().idle() ? "on" : "off", config.mailbox().address());
  }

  private void schedule(JobKey key, Runnable task, long intervalMillis) throws SchedulerException {
    JobDetail job = JobBuilder.newJob(QuartzTask.class).withIdentity(key).storeDurably().build();
    job.getJobDataMap().put(QuartzTask.TASK, task);
    // a missed run is skipped, not replayed: one poll after an outage catches up with everything
    scheduler.scheduleJob(job, TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(intervalMillis)
            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
        .build());
  }

  private void pollSafely() {
    try {
      InboxPoller.PollResult r = poller.pollOnce();
      if (r.seen() > 0) outbox.sendDue();
    } catch (MessagingException e) {
      LOG.warn("IMAP server unavailable ({}); will retry at the next poll", e.getMessage());
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
    if (idle != null) idle.stop();
    try {
      if (scheduler != null) scheduler.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
    }
    db.close();
  }

}
