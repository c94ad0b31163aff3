package org.outputintake.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Projects;
import org.outputintake.config.Replies;
import org.outputintake.config.Server;
import org.outputintake.config.Staff;
import org.outputintake.config.Storage;
import org.outputintake.intake.IntakeEvents;

/**
 * Intake throughput: N generated requests (form + 3 attachments of ~200 KB) through GreenMail on
 * loopback. Prints requests per second end to end and the time of a bare IMAP fetch of the same
 * messages, as a ratio. {@code IntakeBench big} instead pushes one 25 MB email through (run it with
 * -Xmx128m). Targets: >= 20 requests/s on 2 cores, intake within 3x of the bare fetch.
 */
public final class IntakeBench {
  private static final String SUPPORT = BenchMailServer.SUPPORT;

  public static void main(String[] args) throws Exception {
    boolean big = args.length > 0 && args[0].equals("big");
    // one log line per message would drown the figures
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.outputintake"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int n = big ? 1 : args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("intake-bench");
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BenchMailServer.class.getName(),
                big ? "big" : String.valueOf(n))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      var reader =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  server.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String line;
      do {
        line = reader.readLine();
        if (line == null) throw new IllegalStateException("the bench mail server did not start");
      } while (!line.startsWith("READY "));
      String[] ports = line.split(" ");
      int imap = Integer.parseInt(ports[1]);
      int smtp = Integer.parseInt(ports[2]);
      if (!big) {
        // the first pass after start pays for class loading and JIT compilation (several
        // CPU-seconds of the
        // compiler on 2 cores); a daemon pays that once, so the steady state is what its capacity
        // is
        System.out.println("cold pass (fresh JVM, mailbox 'warmup'):");
        run(n, config(dir.resolve("cold"), imap, smtp, "warmup"));
        System.out.println("steady state (same JVM, mailbox 'support'):");
      }
      if (big) System.out.println("one 25 MB email (24 MB CSV attachment):");
      double sqlite = run(n, config(dir.resolve("warm"), imap, smtp, "support"));
      if (!big) {
        // each ticket also notifies the officers' list, with the scan report written and attached
        System.out.println(
            "steady state with the officers' notifications on (same JVM, mailbox 'notify'):");
        double sqliteNotified =
            run(n, notified(config(dir.resolve("notify"), imap, smtp, "notify")));
        // the same two passes on PostgreSQL (embedded, same host): the files then go into the
        // database too, as on a desk of several instances
        System.out.println("steady state on PostgreSQL (same JVM, mailbox 'postgres'):");
        double pg = run(n, onPostgres(config(dir.resolve("pg"), imap, smtp, "postgres")));
        System.out.println(
            "steady state on PostgreSQL, officers' notifications on (mailbox 'pg-notify'):");
        double pgNotified =
            run(n, notified(onPostgres(config(dir.resolve("pg-notify"), imap, smtp, "pg-notify"))));
        System.out.printf(
            "PostgreSQL / SQLite: %.2f (%.1f against %.1f requests/s); with notifications %.2f"
                + " (%.1f against %.1f) (target >= 0.80)%n",
            pg / sqlite, pg, sqlite, pgNotified / sqliteNotified, pgNotified, sqliteNotified);
        // two instances reading two mailboxes beside one: the same N requests, half in each of
        // two mailboxes, two bots on one PostgreSQL, the leases spread one mailbox per instance
        System.out.println(
            "steady state, two instances on one PostgreSQL reading two mailboxes ('duo-a',"
                + " 'duo-b', N/2 each):");
        double two = runTwoInstances(n, dir.resolve("duo"), imap, smtp);
        System.out.printf(
            "two instances + two mailboxes / one instance + one mailbox (PostgreSQL, same N): %.2f"
                + " (%.1f against %.1f requests/s)%n",
            two / pg, two, pg);
      }
    } finally {
      server.getOutputStream().close();
      server.destroy();
    }
  }

  private static IntakeConfig notified(IntakeConfig c) {
    return c.toBuilder()
        .staff(
            Staff.of(
                "srs-officers@example.org",
                java.util.List.of("alice.officer@example.org", "bob.officer@example.org"),
                java.util.List.of()))
        .build();
  }

  private static IntakeConfig onPostgres(IntakeConfig c) {
    return c.toBuilder()
        .database(
            DatabaseSettings.withoutLogin(org.outputintake.testing.TestDatabases.newPostgres()))
        .build();
  }

  /**
   * Two bots with the same configuration (two mailboxes, one PostgreSQL database), each with its
   * own data directory, as on two hosts: each joins, then a second round of the leases spreads the
   * mailboxes one per instance, and each instance polls what it holds and drains the shared outbox
   * on its own thread. Returns the requests per second end to end, from the bots' start to the last
   * reply sent.
   */
  private static double runTwoInstances(int n, Path dir, int imap, int smtp) throws Exception {
    IntakeConfig one = onPostgres(config(dir.resolve("a"), imap, smtp, "duo-a"));
    org.outputintake.config.Mailbox a = one.mailbox();
    org.outputintake.config.Mailbox b =
        org.outputintake.config.Mailbox.forEveryKind(
            "duo-b@example.org",
            org.outputintake.config.Server.withoutOAuth2(
                "127.0.0.1",
                imap,
                org.outputintake.config.Server.Transport.PLAIN,
                "duo-b",
                "pw",
                "password",
                Duration.ofSeconds(30)),
            a.smtp(),
            a.folders());
    long start = System.nanoTime();
    try (IntakeApp first =
            IntakeApp.create(
                twoMailboxes(one, a, b, dir.resolve("a")), Clock.systemUTC(), IntakeEvents.NONE);
        IntakeApp second =
            IntakeApp.create(
                twoMailboxes(one, a, b, dir.resolve("b")), Clock.systemUTC(), IntakeEvents.NONE)) {
      first.leases().join(org.outputintake.store.MailboxLeases.Takeover.WHEN_EXPIRED);
      second.leases().join(org.outputintake.store.MailboxLeases.Takeover.WHEN_EXPIRED);
      // the first took both before the second was alive; now it gives one up, which the second
      // takes
      first.leases().tick();
      second.leases().tick();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var doneA = pool.submit(() -> drain(first));
        var doneB = pool.submit(() -> drain(second));
        int[] a1 = doneA.get();
        int[] b1 = doneB.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "  instance 1: %d request(s) from %d mailbox(es); instance 2: %d from %d; %d"
                + " repl(ies) sent in %.2f s%n",
            a1[0], a1[2], b1[0], b1[2], a1[1] + b1[1], seconds);
        if (a1[2] != 1 || b1[2] != 1)
          throw new IllegalStateException("the leases were not spread one mailbox per instance");
        if (a1[0] + b1[0] != n) throw new IllegalStateException("not every request was processed");
        System.out.printf("  intake: %.1f requests/s end to end%n", n / seconds);
        return n / seconds;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * One instance's work: a poll of every mailbox it holds, then the outbox until it is empty.
   * Returns requests processed, replies sent and mailboxes held.
   */
  private static int[] drain(IntakeApp app) throws Exception {
    int processed = 0;
    int held = 0;
    for (var p : app.pollers()) {
      var r = app.pollIfHolder(p);
      if (r.isPresent()) {
        held++;
        processed += r.get().processed();
      }
    }
    int sent = 0;
    for (int k = app.outbox().sendDue(); k > 0; k = app.outbox().sendDue()) sent += k;
    return new int[] {processed, sent, held};
  }

  private static IntakeConfig twoMailboxes(
      IntakeConfig c,
      org.outputintake.config.Mailbox a,
      org.outputintake.config.Mailbox b,
      Path dataDir) {
    return c.toBuilder()
        .mailboxes(java.util.List.of(a, b))
        .storage(org.outputintake.config.Storage.at(dataDir))
        .build();
  }

  /** Returns the requests per second end to end. */
  private static double run(int n, IntakeConfig config) throws Exception {
    long fetchNanos = bareFetch(config);
    long start = System.nanoTime();
    try (HeapPeak heap = HeapPeak.start();
        IntakeApp app = IntakeApp.create(config, Clock.systemUTC(), IntakeEvents.NONE)) {
      long created = System.nanoTime();
      var result = app.poller().pollOnce();
      long polled = System.nanoTime();
      int sent = 0;
      for (int k = app.outbox().sendDue(); k > 0; k = app.outbox().sendDue()) sent += k;
      long nanos = System.nanoTime() - start;
      double seconds = nanos / 1e9;
      System.out.printf(
          "  intake: %d request(s) processed (%d quarantined), %d repl(ies) sent in %.2f s%n",
          result.processed(), result.quarantined(), sent, seconds);
      if (n > 1)
        System.out.printf("  intake: %.1f requests/s end to end (target >= 20)%n", n / seconds);
      System.out.printf(
          "    of which: start %.2f s, poll %.2f s, sending replies %.2f s%n",
          (created - start) / 1e9, (polled - created) / 1e9, (System.nanoTime() - polled) / 1e9);
      System.out.printf(
          "  bare IMAP fetch of the same messages: %.2f s; intake/fetch ratio %.2f (target <= 3)%n",
          fetchNanos / 1e9, (double) nanos / fetchNanos);
      System.out.printf(
          "  peak heap used: %.1f MB (max heap %.0f MB)%n",
          heap.megabytes(), Runtime.getRuntime().maxMemory() / 1048576.0);
      if (result.processed() != n)
        throw new IllegalStateException("not every request was processed");
      return n / seconds;
    }
  }

  /**
   * The same session settings as the bot (1 MB fetch size), so the ratio compares like with like.
   */
  private static long bareFetch(IntakeConfig config) throws Exception {
    Store store =
        org.outputintake.mail.MailSessions.imap(config.mailbox().imap(), 30_000).getStore();
    store.connect(
        "127.0.0.1", config.mailbox().imap().port(), config.mailbox().imap().username(), "pw");
    long start = System.nanoTime();
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    for (Message m : inbox.getMessages()) m.writeTo(OutputStream.nullOutputStream());
    long nanos = System.nanoTime() - start;
    inbox.close(false);
    store.close();
    return nanos;
  }

  private static IntakeConfig config(Path dir, int imap, int smtp, String login) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("projects.csv"),
        """
        number,title,status,type,researchers
        1234567,Bench project,live,full,ada.lovelace@uni.example.ac.uk
        """);
    IntakeConfig base = new ConfigLoader(v -> null).loadDefaults();
    return IntakeConfig.builder()
        .mailbox(
            Mailbox.forEveryKind(
                SUPPORT,
                Server.withoutOAuth2(
                    "127.0.0.1",
                    imap,
                    Server.Transport.PLAIN,
                    login,
                    "pw",
                    "password",
                    Duration.ofSeconds(30)),
                Server.withoutOAuth2(
                    "127.0.0.1",
                    smtp,
                    Server.Transport.PLAIN,
                    "support",
                    "pw",
                    "password",
                    Duration.ofSeconds(30)),
                base.mailbox().folders()))
        .poll(base.poll())
        .database(DatabaseSettings.withoutLogin("jdbc:sqlite:" + dir.resolve("intake.db")))
        .tickets(base.tickets())
        .projects(new Projects(dir.resolve("projects.csv"), 4, 10))
        .storage(Storage.at(dir.resolve("data")))
        .replies(Replies.withDefaultRetries(1_000_000, null))
        .scanning(base.scanning())
        .build();
  }
}
