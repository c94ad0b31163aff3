package org.outputintake.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.Addresses;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.Templates;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.store.Database;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managers' digests: rendered from the templates {@code digest} (text) and {@code digest-html} with
 * the chart as an inline image, queued in the outbox to each recipient, and scheduled by their
 * cron. {@link #tick} sends each digest that has fallen due since its last run, once: the run is
 * recorded in {@code schedule_run} in the same transaction as the outbox rows, so a daemon that was
 * down sends the missed digest once when it returns, and a crash before the commit leaves neither.
 */
public final class Digests {
  private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
  private final IntakeConfig config;
  private final Database db;
  private final Templates templates;
  private final ServiceLevel serviceLevel;
  private final Clock clock;
  private final Path chartsDir;

  public Digests(
      IntakeConfig config,
      Database db,
      Templates templates,
      ServiceLevel serviceLevel,
      Clock clock) {
    this.config = config;
    this.db = db;
    this.templates = templates;
    this.serviceLevel = serviceLevel;
    this.clock = clock;
    this.chartsDir = config.storage().dataDir().resolve("digests");
    Instant now = clock.instant();
    for (Digest d : config.digests()) schedule(d).check(now);
  }

  /**
   * A digest rendered: the text part, the HTML part, the chart file, and whether it had anything to
   * report.
   */
  public record Rendered(
      String subject, String text, String html, Path chart, String chartCid, boolean empty) {}

  /** Renders one digest as of {@code at} (the chart is written under the data directory). */
  public Rendered render(Digest digest, Instant at) {
    return render(digest, at, at);
  }

  /**
   * Renders the digest that stands for the scheduled time {@code due}, as of {@code at}: its period
   * runs from the previous scheduled digest (or {@code period} back, if that is earlier) to {@code
   * at}.
   */
  Rendered render(Digest digest, Instant due, Instant at) {
    Instant from = schedule(digest).periodStart(due);
    DigestBuilder.Content content =
        db.read(
            c ->
                new DigestBuilder(serviceLevel, DigestBuilder.MAX_ROWS, config.workflow())
                    .build(c, digest, from, at));
    String cid = "chart-" + digest.name() + "-" + UUID.randomUUID() + "@output-intake";
    Map<String, Object> facts = new HashMap<>(content.facts());
    facts.put("chartCid", cid);
    Path chart =
        chartsDir.resolve(
            digest.name()
                + "-"
                + FILE_TIME.format(at.atZone(serviceLevel.config().zone()))
                + "-"
                + cid.substring(cid.length() - 20, cid.indexOf('@'))
                + ".png");
    try {
      QueueChart.writePng(content.chart(), chart);
    } catch (IOException e) {
      throw new UncheckedIOException("the digest chart could not be written to " + chart, e);
    }
    return new Rendered(
        content.subject(),
        templates.render("digest", facts),
        templates.renderHtml("digest-html", facts),
        chart,
        cid,
        content.empty());
  }

  /** Only the text, for the terminal ({@code digest --print}); writes no chart. */
  public String renderText(Digest digest, Instant at) {
    return renderText(digest, at, false);
  }

  /**
   * The same; with {@code all}, every row of every list ({@code digest --print --all}), where the
   * mail shows the first few.
   */
  public String renderText(Digest digest, Instant at, boolean all) {
    Instant from = schedule(digest).periodStart(at);
    DigestBuilder builder =
        new DigestBuilder(
            serviceLevel, all ? Integer.MAX_VALUE : DigestBuilder.MAX_ROWS, config.workflow());
    DigestBuilder.Content content = db.read(c -> builder.build(c, digest, from, at));
    return content.subject() + "\n\n" + templates.render("digest", content.facts());
  }

  /**
   * Sends a digest now, whatever its schedule ({@code digest --send}); returns how many mails were
   * queued.
   */
  public List<String> sendNow(Digest digest) {
    Instant now = clock.instant();
    return queue(digest, now, Optional.empty());
  }

  /**
   * Sends every digest whose schedule fell due since its last run (the latest due time only: a
   * daemon down for a week sends one daily digest, not five). The first tick of a schedule only
   * records where it starts.
   */
  public void tick() {
    Instant now = clock.instant();
    for (Digest d : config.digests()) {
      try {
        tick(d, now);
      } catch (RuntimeException e) {
        LOG.warn("digest {} failed: {}", d.name(), e.toString());
      }
    }
  }

  private void tick(Digest d, Instant now) {
    String name = "digest:" + d.name();
    Optional<Instant> last = db.read(c -> ScheduleRuns.latest(c, name));
    if (last.isEmpty()) {
      db.inTransaction(
          c ->
              ScheduleRuns.claim(
                  c,
                  name,
                  org.outputintake.store.DbTime.of(now),
                  ScheduleRuns.BASELINE,
                  now,
                  null));
      return;
    }
    Instant due = latestDue(d, last.get(), now);
    if (due != null) queue(d, now, Optional.of(due));
  }

  /** The latest time the cron fired after {@code after} and not after {@code now}, or null. */
  Instant latestDue(Digest d, Instant after, Instant now) {
    return schedule(d).latestDue(after, now);
  }

  private DigestSchedule schedule(Digest d) {
    return new DigestSchedule(d, serviceLevel.config().zone());
  }

  /** Queues the digest; returns the Message-IDs of the mails queued (none when skipped). */
  private List<String> queue(Digest d, Instant now, Optional<Instant> due) {
    List<String> to =
        d.recipients(config.staff()).stream().filter(a -> Addresses.problem(a).isEmpty()).toList();
    String name = "digest:" + d.name();
    if (to.isEmpty()) {
      LOG.warn(
          "digest {} has nobody to go to: set staff.managers or digests.{}.to", d.name(), d.name());
      due.ifPresent(
          x ->
              db.inTransaction(
                  c ->
                      ScheduleRuns.claim(
                          c,
                          name,
                          org.outputintake.store.DbTime.of(x),
                          ScheduleRuns.SKIPPED,
                          now,
                          null)));
      return List.of();
    }
    Rendered r = render(d, due.orElse(now), now);
    if (r.empty() && d.whenEmpty() == Digest.WhenEmpty.SKIP && due.isPresent()) {
      db.inTransaction(
          c ->
              ScheduleRuns.claim(
                  c,
                  name,
                  org.outputintake.store.DbTime.of(due.get()),
                  ScheduleRuns.SKIPPED,
                  now,
                  null));
      LOG.info("digest {} skipped: nothing to report", d.name());
      return List.of();
    }
    return db.inTransaction(
        c -> {
          List<OutgoingMail> mails = new ArrayList<>();
          for (String address : to) mails.add(mail(d, r, address));
          if (due.isPresent()
              && !ScheduleRuns.claim(
                  c,
                  name,
                  org.outputintake.store.DbTime.of(due.get()),
                  ScheduleRuns.SENT,
                  now,
                  mails.get(0).messageId())) {
            return List.<String>of(); // another pass sent it meanwhile
          }
          for (OutgoingMail m : mails) Outbox.enqueue(c, m, now);
          AuditLog.append(
              c,
              null,
              now,
              "system",
              AuditType.Action.DIGEST_QUEUED,
              d.name() + " to " + to.size() + " recipient(s)");
          return mails.stream().map(OutgoingMail::messageId).toList();
        });
  }

  private OutgoingMail mail(Digest d, Rendered r, String to) {
    // desk-wide: from the first mailbox, as the outbox sends a mail that names none
    String own = org.outputintake.config.DeskAddresses.of(config).first();
    String id =
        "<digest."
            + d.name()
            + "."
            + UUID.randomUUID()
            + "@"
            + own.substring(own.indexOf('@') + 1)
            + ">";
    return new OutgoingMail(
        id,
        null,
        "digest",
        to,
        List.of(),
        r.subject(),
        r.text(),
        null,
        List.of(),
        List.of(),
        r.html(),
        List.of(
            new OutgoingMail.InlineImage(r.chartCid(), "queue-chart.png", r.chart(), "image/png")));
  }
}
