package org.outputintake.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.outputintake.form.Answer;
import org.outputintake.form.Declaration;
import org.outputintake.form.FileEntry;
import org.outputintake.form.FileUse;
import org.outputintake.form.FormDocuments;
import org.outputintake.form.RequestForm;
import org.outputintake.testing.Mails;

/**
 * GreenMail in its own JVM for the benchmarks, so the bot's heap limit (-Xmx128m) measures the bot
 * and not the mail server, which keeps every message in memory. Args: N (requests of form + 3 x 200
 * KB) or "big" (one 25 MB email). The same N requests also wait in a second mailbox (login
 * "warmup") for a warm-up pass. Prints "READY imapPort smtpPort" once the mail is delivered, then
 * serves until stdin closes.
 */
public final class BenchMailServer {
  static final String SUPPORT = "statistical.support@example.org";
  static final String WARM_UP = "warm.up@example.org";

  public static void main(String[] args) throws Exception {
    boolean big = args[0].equals("big");
    int n = big ? 1 : Integer.parseInt(args[0]);
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", "smtp"), new ServerSetup(0, "127.0.0.1", "imap")
            });
    mail.start();
    mail.setUser(SUPPORT, "support", "pw");
    // a second mailbox with the same load, for the warm-up pass that brings the bot's JVM to its
    // steady state
    mail.setUser(WARM_UP, "warmup", "pw");
    // and a third, for the steady state with the officers' notifications on
    mail.setUser("notify@example.org", "notify", "pw");
    // and the same two passes with the database on PostgreSQL (IntakeBench prints them beside)
    mail.setUser("postgres@example.org", "postgres", "pw");
    mail.setUser("pg-notify@example.org", "pg-notify", "pw");
    // and two mailboxes with half the requests each, for two instances reading one each
    mail.setUser("duo-a@example.org", "duo-a", "pw");
    mail.setUser("duo-b@example.org", "duo-b", "pw");
    Path dir = Files.createTempDirectory("bench-mail");
    byte[] form = Files.readAllBytes(form(dir));
    Session session = Session.getInstance(new Properties());
    Random random = new Random(42);
    for (int i = 0; i < n; i++) {
      Mails m =
          Mails.request().attach("output-request-form.docx", form, "application/octet-stream");
      if (big) {
        m.attachCsv("table1.csv", csv(random, 25 * 1024 * 1024));
      } else {
        for (String name : List.of("table1.csv", "table2.csv", "table3.csv"))
          m.attachCsv(name, csv(random, 200 * 1024));
      }
      var message = m.build(session);
      mail.getUserManager().getUser("support").deliver(message);
      if (!big) mail.getUserManager().getUser("warmup").deliver(message);
      if (!big)
        for (String login : List.of("notify", "postgres", "pg-notify"))
          mail.getUserManager().getUser(login).deliver(message);
      if (!big) mail.getUserManager().getUser(i % 2 == 0 ? "duo-a" : "duo-b").deliver(message);
    }
    System.out.println("READY " + mail.getImap().getPort() + " " + mail.getSmtp().getPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // serve until the benchmark closes our stdin
    }
    mail.stop();
  }

  static Path form(Path dir) throws Exception {
    var ticks = new EnumMap<Declaration, Boolean>(Declaration.class);
    for (Declaration d : Declaration.values()) ticks.put(d, true);
    List<FileEntry> files =
        List.of("table1.csv", "table2.csv", "table3.csv").stream()
            .map(
                f ->
                    new FileEntry(
                        f,
                        "Counts by region",
                        Answer.YES,
                        "Threshold 10",
                        "None",
                        FileUse.OUTPUT,
                        List.of()))
            .toList();
    Path out = dir.resolve("form.docx");
    FormDocuments.writeDocx(
        new RequestForm(
            "1234567",
            "Bench project",
            "Ada Lovelace",
            "ada.lovelace@uni.example.ac.uk",
            "2024-01-16",
            "2024_01_16_Bench_v1",
            "",
            files,
            ticks),
        out,
        0);
    return out;
  }

  /** A table of counts and rates: realistic text for the scanners, about {@code bytes} long. */
  static String csv(Random r, int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 100).append("region,year,n,rate\n");
    while (sb.length() < bytes) {
      sb.append("Region ")
          .append(r.nextInt(400))
          .append(',')
          .append(2000 + r.nextInt(24))
          .append(',')
          .append(10 + r.nextInt(5000))
          .append(',')
          .append(r.nextInt(1000) / 10.0)
          .append('\n');
    }
    return sb.toString();
  }
}
