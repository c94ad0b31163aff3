package org.outputintake.app;

import java.time.ZoneId;
import java.util.Properties;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The bot's Quartz scheduler, each job a {@link QuartzTask} running a {@link Runnable}. Quartz
 * keeps its jobs in memory (RAMJobStore): SQLite cannot host Quartz's JDBC store, and all due-state
 * that matters (the outbox) lives in the bot's own tables.
 */
final class QuartzJobs {
  private final Scheduler scheduler;

  private QuartzJobs(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** A scheduler not yet started: jobs are added first, then {@link #start()}. */
  static QuartzJobs create() throws SchedulerException {
    Properties q = new Properties();
    q.setProperty("org.quartz.scheduler.instanceName", "output-intake");
    q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    q.setProperty("org.quartz.threadPool.threadCount", "3");
    q.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    q.setProperty("org.quartz.jobStore.misfireThreshold", "10000");
    return new QuartzJobs(new StdSchedulerFactory(q).getScheduler());
  }

  /** {@code task} at once, then every {@code intervalMillis}. */
  void every(JobKey key, Runnable task, long intervalMillis) throws SchedulerException {
    // a missed run is skipped, not replayed: one poll after an outage catches up with everything
    scheduler.scheduleJob(
        job(key, task),
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

  /** {@code task} whenever the Quartz cron expression {@code cron}, read in {@code zone}, fires. */
  void cron(JobKey key, String cron, ZoneId zone, Runnable task) throws SchedulerException {
    scheduler.scheduleJob(
        job(key, task),
        TriggerBuilder.newTrigger()
            .withIdentity(key.getName(), key.getGroup())
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone(zone))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build());
  }

  private static JobDetail job(JobKey key, Runnable task) {
    JobDetail job = JobBuilder.newJob(QuartzTask.class).withIdentity(key).storeDurably().build();
    job.getJobDataMap().put(QuartzTask.TASK, task);
    return job;
  }

  void start() throws SchedulerException {
    scheduler.start();
  }

  /** Runs the job now, unless the scheduler has stopped. */
  void runNow(JobKey key) throws SchedulerException {
    if (!scheduler.isShutdown()) scheduler.triggerJob(key);
  }

  /** Waits for running jobs to finish. */
  void shutdown() throws SchedulerException {
    scheduler.shutdown(true);
  }
}
