package org.outputintake.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Poll;
import org.outputintake.config.Projects;
import org.outputintake.config.Security;
import org.outputintake.config.SenderProofRule;
import org.outputintake.config.Server;
import org.outputintake.config.Storage;
import org.outputintake.demo.SampleRequests;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.intake.RequestReview;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The bot on embedded defaults: an in-process GreenMail server, a SQLite database under {@code
 * ./data/}, the sample registry, and a handful of sample requests; then it keeps running so a
 * person can send their own.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the bot against an embedded mail server with sample requests (Ctrl-C stops).")
final class DemoCommand implements Callable<Integer> {
  static final String PASSWORD = "demo";

  @Option(
      names = "--imap-port",
      defaultValue = "3143",
      description = "IMAP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
  int imapPort;

  @Option(
      names = "--smtp-port",
      defaultValue = "3025",
      description = "SMTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
  int smtpPort;

  @Option(
      names = "--data",
      defaultValue = "data",
      description = "data directory (default ${DEFAULT-VALUE})")
  Path data;

  @Option(
      names = "--exit-after",
      description = "stop after this long, e.g. 20s (default: run until Ctrl-C)")
  String exitAfter;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    // every option is checked before anything starts or is sent
    Duration stopAfter = exitAfter == null ? null : parseExitAfter(exitAfter);
    requireFree(imapPort, "IMAP", "--imap-port");
    requireFree(smtpPort, "SMTP", "--smtp-port");
    // the demo's folder is also run's default (data/), so the two must not share it at once
    // closed last: a SIGTERM waits for the app and the lock to close
    try (StopSignal stop = new StopSignal("demo-stop");
        DataDirLock lock = DataDirLock.acquire(data, Clock.systemUTC().instant().toString())) {
      return runDemo(out, stopAfter, stop);
    }
  }

  private int runDemo(PrintWriter out, Duration stopAfter, StopSignal stop) throws Exception {
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    try {
      mail.start();
    } catch (RuntimeException e) {
      mail.stop();
      throw new IllegalArgumentException(
          "the demo's mail server could not start on ports "
              + imapPort
              + "/"
              + smtpPort
              + " ("
              + e.getMessage()
              + "): run demo --imap-port 0 --smtp-port 0 to pick free ports");
    }
    try {
      int smtp = mail.getSmtp().getPort();
      int imap = mail.getImap().getPort();
      IntakeConfig base = ConfigLoader.fromSystemEnvironment().loadDefaults();
      String address = base.mailbox().address();
      mail.setUser(address, "support", PASSWORD);
      IntakeConfig config = demoConfig(base, imap, smtp);
      // the officers log in to send, as they would to their own server, which vouches for them
      DemoAuthResults.install(mail.getUserManager());
      for (String officer : config.staff().officers()) mail.setUser(officer, officer, officer);
      out.printf(
          "Output Intake demo%n  IMAP  127.0.0.1:%d   SMTP 127.0.0.1:%d   (user 'support', password '%s')%n",
          imap, smtp, PASSWORD);
      Path configFile = writeConfigFile(config, address);
      out.printf(
          "  mailbox %s, database %s, registry %s%n",
          address, config.database().url(), config.projects().registry());
      out.printf(
          "  Every address is a mailbox on this server whose login and password are the address itself:%n"
              + "  read a researcher's replies with login ada.lovelace@uni.example.ac.uk, password the same.%n%n");
      out.flush();
      try (IntakeApp app = IntakeApp.create(config, Clock.systemUTC(), printer(out))) {
        // the demo holds the data-directory lock on its own SQLite database
        app.start(org.outputintake.store.MailboxLeases.Takeover.AT_ONCE);
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtp));
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        String complete = null;
        for (SampleRequests.Sample s :
            SampleRequests.build(
                session, address, data.resolve("samples"), LocalDate.now(config.sla().zone()))) {
          out.printf(
              "-> sending sample: %s%n   \"%s\" from %s%n",
              s.description(), s.message().getSubject(), s.message().getFrom()[0]);
          out.flush();
          Transport.send(s.message());
          if (complete == null) complete = s.message().getMessageID();
        }
        out.printf("%nTwo officers now work the complete request to release, by email:%n");
        out.flush();
        new org.outputintake.demo.DemoOfficers(app, session, out).workToRelease(complete);
        out.printf(
            "%nSamples sent. Point a mail client at the ports above to send your own requests to %s.%n"
                + "To see the database, run in another terminal:%n"
                + "  java -jar target/output-intake.jar tickets list --config %s%n%n",
            address, configFile);
        out.flush();
        if (stopAfter != null) stop.await(stopAfter);
        else stop.await();
      }
    } finally {
      mail.stop();
    }
    return 0;
  }

  private static Duration parseExitAfter(String text) {
    try {
      return ConfigLoader.parseDuration("--exit-after", text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--exit-after is '" + text + "', not a duration: write e.g. 30s, 5m or 1h");
    }
  }

  /** A port in use is named in one line instead of GreenMail's stack trace. */
  private static void requireFree(int port, String protocol, String option) {
    if (port == 0) return;
    if (port < 0 || port > 65535)
      throw new IllegalArgumentException(
          option + " is " + port + ", not a port: write 1 to 65535, or 0 to pick a free one");
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          protocol
              + " port "
              + port
              + " on 127.0.0.1 is in use (another demo or "
              + "mail server?): stop it, choose another "
              + option
              + ", or run demo --imap-port 0 --smtp-port 0 to "
              + "pick free ports");
    }
  }

  /**
   * The configuration the demo runs on, written into its data folder so that {@code tickets
   * --config} reads this demo's database and not {@code ./data/intake.db}. Paths are absolute so
   * the command works from anywhere.
   */
  private Path writeConfigFile(IntakeConfig c, String address) throws IOException {
    Files.createDirectories(data);
    Path file = data.resolve("intake.yaml");
    String yaml =
        "# written by 'demo': the configuration of the running demo\n"
            + "mailbox:\n"
            + "  address: "
            + quote(address)
            + "\n"
            + "  imap: { host: 127.0.0.1, port: "
            + c.mailbox().imap().port()
            + ", username: support, password: "
            + PASSWORD
            + " }\n"
            + "  smtp: { host: 127.0.0.1, port: "
            + c.mailbox().smtp().port()
            + ", username: support, password: "
            + PASSWORD
            + " }\n"
            + "database: { url: "
            + quote("jdbc:sqlite:" + data.toAbsolutePath().resolve("intake.db"))
            + " }\n"
            + "projects: { registry: "
            + quote(c.projects().registry().toAbsolutePath().toString())
            + " }\n"
            + "storage: { data-dir: "
            + quote(data.toAbsolutePath().toString())
            + " }\n"
            + "security: { require-authenticated-sender: true, trusted-authserv-id: "
            + DemoAuthResults.AUTHSERV_ID
            + " }\n";
    Files.writeString(file, yaml);
    return file;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private IntakeConfig demoConfig(IntakeConfig base, int imap, int smtp) throws IOException {
    Path registry = Path.of("config", "projects.csv");
    if (!Files.isRegularFile(registry)) {
      Files.createDirectories(data);
      registry = data.resolve("projects.csv");
      try (InputStream in = DemoCommand.class.getResourceAsStream("/defaults/projects.csv")) {
        Files.copy(in, registry, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Mailbox mb = base.mailbox();
    Server i = mb.imap();
    Server s = mb.smtp();
    return IntakeConfig.builder()
        .mailbox(
            Mailbox.forEveryKind(
                mb.address(),
                Server.withoutOAuth2(
                    "127.0.0.1",
                    imap,
                    Server.Transport.PLAIN,
                    "support",
                    PASSWORD,
                    "password",
                    i.timeout()),
                Server.withoutOAuth2(
                    "127.0.0.1",
                    smtp,
                    Server.Transport.PLAIN,
                    "support",
                    PASSWORD,
                    "password",
                    s.timeout()),
                mb.folders()))
        .poll(
            Poll.withDefaultWorkers(
                Duration.ofSeconds(10), true, Duration.ofMinutes(20), Duration.ofSeconds(1)))
        .database(DatabaseSettings.withoutLogin("jdbc:sqlite:" + data.resolve("intake.db")))
        .tickets(base.tickets())
        .projects(new Projects(registry, base.projects().minDigits(), base.projects().maxDigits()))
        .storage(Storage.at(data))
        .replies(base.replies())
        .scanning(base.scanning())
        .staff(base.staff())
        .security(
            new Security(
                SenderProofRule.REQUIRED,
                DemoAuthResults.AUTHSERV_ID,
                SenderProofRule.NOT_REQUIRED))
        .build();
  }

  private static IntakeEvents printer(PrintWriter out) {
    return new IntakeEvents() {
      @Override
      public void ticketOpened(Ticket t, RequestReview.Result review) {
        print(
            "<- ticket %s opened for project %s by %s: %s, %d file(s)%s",
            t.id(),
            t.projectNumber(),
            t.researcher(),
            t.state().name(),
            review.files().size(),
            review.blocked()
                ? " - problems: "
                    + review.problems().stream().map(f -> f.code()).distinct().toList()
                : "");
      }

      @Override
      public void ticketUpdated(Ticket t, String what) {
        print("<- ticket %s: %s", t.id(), what);
      }

      @Override
      public void refused(String sender, String code) {
        print("<- request from %s refused: [%s], no ticket", sender, code);
      }

      @Override
      public void notARequest(String sender, String subject) {
        print(
            "<- \"%s\" from %s is not an output request: explained the subject format, no ticket",
            subject, sender);
      }

      @Override
      public void ignored(String sender, String reason) {
        print("<- message from %s stored without reply: %s", sender, reason);
      }

      @Override
      public void quarantined(String key, String reason) {
        print("<- message %s quarantined: %s", key, reason);
      }

      @Override
      public void replySent(OutgoingMail m) {
        print("   reply sent to %s: \"%s\"%n%s", m.to(), m.subject(), indent(m.body()));
      }

      private synchronized void print(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
      }
    };
  }

  static String indent(String body) {
    return "   | " + body.strip().replace("\n", "\n   | ");
  }
}
