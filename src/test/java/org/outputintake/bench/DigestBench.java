package org.outputintake.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.Digest;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Storage;
import org.outputintake.digest.Digests;
import org.outputintake.reply.Templates;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;

/**
 * Not a test: the daily digest over 100,000 tickets (two years of requests, each with its audit
 * events and checkers; a few hundred open) rendered as text, HTML and chart. Prints the median of 7
 * renders after 10 warm-ups.
 */
public final class DigestBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("digest-bench");
    IntakeConfig base = new ConfigLoader(x -> null).loadDefaults();
    IntakeConfig config =
        IntakeConfig.builder()
            .mailbox(base.mailbox())
            .poll(base.poll())
            .database(DatabaseSettings.withoutLogin("jdbc:sqlite:" + dir.resolve("bench.db")))
            .tickets(base.tickets())
            .projects(base.projects())
            .storage(Storage.at(dir))
            .replies(base.replies())
            .scanning(base.scanning())
            .staff(base.staff())
            .security(base.security())
            .sla(base.sla())
            .digests(base.digests())
            .build();
    Instant now = Instant.parse("2026-11-23T08:00:00Z");
    try (Database db = Database.open(config.database().url())) {
      long t0 = System.nanoTime();
      int events = generate(db, n, now);
      System.out.printf(
          "generated %,d tickets with %,d audit events in %.1f s%n",
          n, events, (System.nanoTime() - t0) / 1e9);
      Digests digests =
          new Digests(
              config,
              db,
              new Templates(null),
              new ServiceLevel(config.sla()),
              Clock.fixed(now, ZoneOffset.UTC));
      Digest daily = config.digest("daily").orElseThrow();
      Digest weekly = config.digest("weekly").orElseThrow();
      for (Digest d : List.of(daily, weekly)) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
          long s = System.nanoTime();
          Digests.Rendered r = digests.render(d, now);
          if (i >= 10) ms.add((System.nanoTime() - s) / 1e6);
          if (i == 0)
            System.out.printf(
                "%s digest: %,d characters of text, %,d of HTML, chart %,d bytes%n",
                d.name(), r.text().length(), r.html().length(), Files.size(r.chart()));
        }
        Collections.sort(ms);
        List<Double> text = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          long s = System.nanoTime();
          digests.renderText(d, now);
          text.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(text);
        System.out.printf(
            "%s digest, text only (the database reads and the clock of every open ticket): median %.0f ms%n",
            d.name(), text.get(3));
        System.out.printf(
            "%s digest over %,d tickets (text + HTML + chart): median %.0f ms, max %.0f ms (%d cores)%n",
            d.name(),
            n,
            ms.get(ms.size() / 2),
            ms.get(ms.size() - 1),
            Runtime.getRuntime().availableProcessors());
      }
    }
  }

  /** Two years of tickets, oldest first; the last few hundred still open in every state. */
  private static int generate(Database db, int n, Instant now) {
    return db.inTransaction(
        c -> {
          Random rnd = new Random(42);
          long span = Duration.ofDays(730).toSeconds();
          int events = 0;
          try (PreparedStatement t =
                  c.prepareStatement(
                      """
          INSERT INTO ticket(id, number, project_number, researcher, subject, request_date, state, state_reason,
            policy, created_at, updated_at, queued_at, blocked_at, closed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ons-srs', ?, ?, ?, ?, ?)""");
              PreparedStatement e =
                  c.prepareStatement(
                      "INSERT INTO audit_event(ticket_id, at, actor, type, detail) VALUES (?, ?, 'system', ?, NULL)");
              PreparedStatement k =
                  c.prepareStatement(
                      "INSERT INTO checker(ticket_id, officer, taken_at) VALUES (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
              String id = "STATS" + (10001 + i);
              Instant created = now.minusSeconds(span - span * i / n);
              int fromEnd = n - i;
              String state =
                  fromEnd <= 150
                      ? "queued"
                      : fromEnd <= 250
                          ? "checking"
                          : fromEnd <= 300
                              ? "blocked"
                              : fromEnd <= 320
                                  ? "with-data-owner"
                                  : fromEnd <= 340 ? "checked" : "closed";
              Instant taken = created.plus(Duration.ofHours(20));
              Instant checked = created.plus(Duration.ofHours(40 + rnd.nextInt(60)));
              Instant closed = checked.plus(Duration.ofHours(2));
              String reason = rnd.nextInt(10) == 0 ? "rejected: disclosive" : "released";
              t.setString(1, id);
              t.setLong(2, 10001 + i);
              t.setString(3, String.valueOf(1000000 + rnd.nextInt(500)));
              t.setString(4, "researcher" + rnd.nextInt(2000) + "@uni.example.ac.uk");
              t.setString(5, "Output request " + i);
              t.setString(6, created.toString().substring(0, 10));
              t.setString(7, state);
              t.setString(
                  8,
                  state.equals("closed")
                      ? reason
                      : state.equals("blocked") ? "revisions requested" : null);
              t.setString(9, DbTime.of(created));
              t.setString(10, DbTime.of(created));
              t.setString(11, DbTime.of(created));
              t.setString(12, state.equals("blocked") ? DbTime.of(taken) : null);
              t.setString(13, state.equals("closed") ? DbTime.of(closed) : null);
              t.addBatch();
              List<String[]> ev = new ArrayList<>();
              ev.add(new String[] {DbTime.of(created), "email-received"});
              ev.add(new String[] {DbTime.of(created), "ticket-created"});
              ev.add(new String[] {DbTime.of(created), "state-queued"});
              ev.add(new String[] {DbTime.of(created), "reply-queued"});
              if (!state.equals("queued")) {
                ev.add(new String[] {DbTime.of(taken), "state-checking"});
                k.setString(1, id);
                k.setString(2, "officer" + rnd.nextInt(8) + "@example.org");
                k.setString(3, DbTime.of(taken));
                k.addBatch();
              }
              if (state.equals("blocked")) ev.add(new String[] {DbTime.of(taken), "state-blocked"});
              if (state.equals("closed")
                  || state.equals("checked")
                  || state.equals("with-data-owner")) {
                ev.add(new String[] {DbTime.of(checked), "state-checked"});
              }
              if (state.equals("with-data-owner"))
                ev.add(new String[] {DbTime.of(checked), "state-with-data-owner"});
              if (state.equals("closed")) {
                ev.add(new String[] {DbTime.of(closed), "state-closed"});
                ev.add(new String[] {DbTime.of(closed), "reply-queued"});
              }
              for (String[] x : ev) {
                e.setString(1, id);
                e.setString(2, x[0]);
                e.setString(3, x[1]);
                e.addBatch();
                events++;
              }
              if (i % 5000 == 4999) {
                t.executeBatch();
                e.executeBatch();
                k.executeBatch();
              }
            }
            t.executeBatch();
            e.executeBatch();
            k.executeBatch();
          }
          return events;
        });
  }
}
