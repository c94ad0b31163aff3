package org.outputintake.app;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the task placed in the job's data map. Never two at once for the same job: a slow poll
 * delays the next one rather than racing it.
 */
@DisallowConcurrentExecution
public final class QuartzTask implements Job {
  static final String TASK = "task";
  private static final Logger LOG = LoggerFactory.getLogger(QuartzTask.class);

  @Override
  public void execute(JobExecutionContext context) {
    Runnable task = (Runnable) context.getMergedJobDataMap().get(TASK);
    try {
      task.run();
    } catch (RuntimeException e) {
      // the schedule must survive anything one run throws; the next run tries again
      LOG.error("{} failed: {}", context.getJobDetail().getKey().getName(), e.toString(), e);
    }
  }
}
