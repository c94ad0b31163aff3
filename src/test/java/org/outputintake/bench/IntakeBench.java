package org.outputintake.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.IntakeConfig;
import org.outputintake.form.Answer;
import org.outputintake.form.Declaration;
import org.outputintake.form.FileEntry;
import org.outputintake.form.FileUse;
import org.outputintake.form.FormDocuments;
import org.outputintake.form.RequestForm;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.testing.Mails;

/**
 * Intake throughput: N generated requests (form + 3 attachments of ~200 KB) through GreenMail on loopback.
 * Prints requests per second end to end and the time of a bare IMAP fetch of the same messages, as a ratio.
 * {@code IntakeBench big} instead pushes one 25 MB email through (run it with -Xmx128m).
 * Targets: >= 20 requests/s on 2 cores, intake within 3x of the bare fetch.
 */
public final class IntakeBench {
  private static final String SUPPORT = "statistical.support@example.org";

  public static void main(String[] args) throws Exception {
    boolean big = args.length > 0 && args[0].equals("big");
    int n = big ? 1 : args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("intake-bench");
    GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"),
        new ServerSetup(0, "127.0.0.1", "imap")});
    mail.start();
    try {
      mail.setUser(SUPPORT, "support", "pw");
      Path form = form(dir);
      Session session = Session.getInstance(new Properties());
      Random random = new Random(42);
      for (int i = 0; i < n; i++) {
        Mails m = Mails.request().attach("output-request-form.docx", Files.readAllBytes(form), "application/octet-stream");
        if (big) {
          m.attachCsv("table1.csv", csv(random, 25 * 1024 * 1024));
        } else {
          for (String name : List.of("table1.csv", "table2.csv", "table3.csv")) m.attachCsv(name, csv(random, 200 * 1024));
        }
        mail.getUserManager().getUser("support").deliver(m.build(session));
      }
      IntakeConfig config = config(dir, mail);
      long fetchNanos = bareFetch(config);
      long start = System.nanoTime();
      try (IntakeApp app = IntakeApp.create(config, Clock.systemUTC(), IntakeEvents.NONE)) {
        var result = app.poller().pollOnce();
        int sent = app.outbox().sendDue();
        long nanos = System.nanoTime() - start;
        double seconds = nanos / 1e9;
        System.out.printf("intake: %d request(s) processed (%d quarantined), %d repl(ies) sent in %.2f s%n",
            result.processed(), result.quarantined(), sent, seconds);
        System.out.printf("intake: %.1f requests/s end to end (target >= 20)%n", n / seconds);
        System.out.printf("bare IMAP fetch of the same messages: %.2f s; intake/fetch ratio %.2f (target <= 3)%n",
            fetchNanos / 1e9, (double) nanos / fetchNanos);
        System.out.printf("peak heap used: %.1f MB (max heap %.0f MB)%n", peakHeapMb(),
            Runtime.getRuntime().maxMemory() / 1048576.0);
        if (result.processed() != n) throw new IllegalStateException("not every request was processed");
      }
    } finally {
      mail.stop();
    }
  }

  /** The same session settings as the bot (1 MB fetch size), so the ratio compares like with like. */
  private static long bareFetch(IntakeConfig config) throws Exception {
    Store store = org.outputintake.mail.MailSessions.imap(config.mailbox().imap(), 30_000).getStore();
    store.connect("127.0.0.1", config.mailbox().imap().port(), "support", "pw");
    long start = System.nanoTime();
    Folder inbox = store.getFolder("INBOX");
    inbox.open(Folder.READ_ONLY);
    for (Message m : inbox.getMessages()) m.writeTo(OutputStream.nullOutputStream());
    long nanos = System.nanoTime() - start;
    inbox.close(false);
    store.close();
    return nanos;
  }

  private static IntakeConfig config(Path dir, GreenMail mail) throws Exception {
    Files.writeString(dir.resolve("projects.csv"), """
        number,title,status,type,researchers
        1234567,Bench project,live,full,ada.lovelace@uni.example.ac.uk
        """);
    IntakeConfig base = new ConfigLoader(v -> null).loadDefaults();
    return new IntakeConfig(
        new IntakeConfig.Mailbox(SUPPORT,
            new IntakeConfig.Server("127.0.0.1", mail.getImap().getPort(), false, false, "support", "pw", "password",
                Duration.ofSeconds(30)),
            new IntakeConfig.Server("127.0.0.1", mail.getSmtp().getPort(), false, false, "support", "pw", "password",
                Duration.ofSeconds(30)),
            base.mailbox().folders()),
        base.poll(), new IntakeConfig.Database("jdbc:sqlite:" + dir.resolve("intake.db")), base.tickets(),
        new IntakeConfig.Projects(dir.resolve("projects.csv"), 4, 10), new IntakeConfig.Storage(dir.resolve("data")),
        new IntakeConfig.Replies(1_000_000, null), base.scanning());
  }

  private static Path form(Path dir) throws Exception {
    var ticks = new EnumMap<Declaration, Boolean>(Declaration.class);
    for (Declaration d : Declaration.values()) ticks.put(d, true);
    List<FileEntry> files = List.of("table1.csv", "table2.csv", "table3.csv").stream()
        .map(f -> new FileEntry(f, "Counts by region", Answer.YES, "Threshold 10", "None", FileUse.OUTPUT, List.of()))
        .toList();
    Path out = dir.resolve("form.docx");
    FormDocuments.writeDocx(new RequestForm("1234567", "Bench project", "Ada Lovelace", "ada.lovelace@uni.example.ac.uk",
        "2024-01-16", "2024_01_16_Bench_v1", "", files, ticks), out, 0);
    return out;
  }

  /** A table of counts and rates: realistic text for the scanners, about {@code bytes} long. */
  private static String csv(Random r, int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 100).append("region,year,n,rate\n");
    while (sb.length() < bytes) {
      sb.append("Region ").append(r.nextInt(400)).append(',').append(2000 + r.nextInt(24)).append(',')
          .append(10 + r.nextInt(5000)).append(',').append(r.nextInt(1000) / 10.0).append('\n');
    }
    return sb.toString();
  }

  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak / 1048576.0;
  }

}
