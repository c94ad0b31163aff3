package org.outputintake.app;

import org.outputintake.config.IntakeConfig;
import org.outputintake.digest.Chasing;
import org.outputintake.digest.DailySummaries;
import org.outputintake.digest.Digests;
import org.outputintake.digest.ServiceLevelReminders;
import org.outputintake.intake.IntakeContext;
import org.outputintake.store.Database;

/**
 * The mail the bot sends on its own schedule rather than in answer to a message: the managers'
 * digests, the service-level reminders, the chasing of blocked requests and the officers' daily
 * summaries. Each claims its own due times, so {@link #tick} may run on every instance and as often
 * as the scheduler likes.
 */
record ScheduledMail(
    Digests digests, ServiceLevelReminders reminders, Chasing chasing, DailySummaries summaries) {

  static ScheduledMail of(IntakeConfig config, Database db, IntakeContext context) {
    return new ScheduledMail(
        new Digests(
            config, db, context.templates(), context.workflow().serviceLevel(), context.clock()),
        new ServiceLevelReminders(db, context.tickets(), context.workflow(), context.clock()),
        new Chasing(config, db, context.tickets(), context.workflow(), context.clock()),
        new DailySummaries(
            config,
            db,
            context.tickets(),
            context.templates(),
            context.workflow().serviceLevel().calendar(),
            context.clock()));
  }

  /** Sends whatever has fallen due since the last tick, here or on another instance. */
  void tick() {
    digests.tick();
    reminders.tick();
    chasing.tick();
    summaries.tick();
  }
}
