package org.outputintake.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.outputintake.app.IntakeApp;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Poll;
import org.outputintake.config.Projects;
import org.outputintake.config.Scanning;
import org.outputintake.config.Security;
import org.outputintake.config.Server;
import org.outputintake.config.Staff;
import org.outputintake.config.Storage;
import org.outputintake.intake.IntakeEvents;
import org.outputintake.reply.SendMailPort;
import org.outputintake.ticket.Ticket;

/**
 * A bot wired to a GreenMail server and a SQLite file in a temp directory, with a fixed clock.
 * Tests drive it through the real IMAP/SMTP path: deliver mail, run {@link #cycle()}, read what
 * researchers received.
 */
public final class TestBot implements AutoCloseable {
  public static final String SUPPORT = "statistical.support@example.org";
  public static final String ADA = "ada.lovelace@uni.example.ac.uk";
  public static final Instant NOW = Instant.parse("2024-01-16T10:00:00Z");
  public static final String REGISTRY =
      """
      number,title,status,type,researchers,threshold,policy,data_owner_review,data_owners
      1234567,Energy use modelling,live,full,ada.lovelace@uni.example.ac.uk;alan.turing@uni.example.ac.uk,10,ons-srs,none,
      2345678,Labour markets,live,full,grace.hopper@lab.example.org,10,ons-srs,none,
      3456789,Feasibility study,live,exploratory,katherine.johnson@uni.example.ac.uk,,,,
      4567890,Archived study,closed,full,mary.somerville@uni.example.ac.uk,,,,
      5678901,Not yet started,pending,full,ada.lovelace@uni.example.ac.uk,,,,
      6600001,Approval study,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,for-approval,owner@dataowner.example.org
      7700001,Information study,live,full,ada.lovelace@uni.example.ac.uk,10,ons-srs,for-information,owner@dataowner.example.org
      8800001,An officer's own study,live,full,bob.officer@example.org,10,ons-srs,none,
      """;
  public static final String ALICE = "alice.officer@example.org";
  public static final String BOB = "bob.officer@example.org";
  public static final String CAROL = "carol.officer@example.org";
  public static final String OFFICERS_LIST = "srs-officers@example.org";
  public static final String OWNER = "owner@dataowner.example.org";
  public static final String MANAGER = "srs-manager@example.org";

  /** The desk as the officers' tests see it: three officers and a distribution list. */
  public static final Staff STAFF =
      Staff.of(OFFICERS_LIST, List.of(ALICE, BOB, CAROL), List.of(MANAGER));

  private final GreenMailExtension mail;
  private IntakeConfig config;
  private final MutableClock clock = new MutableClock(NOW);
  private IntakeApp app;

  public TestBot(GreenMailExtension mail, Path dir) throws IOException {
    this(mail, dir, c -> c);
  }

  /**
   * A bot whose configuration is adjusted first (officers, security), e.g. {@code
   * TestBot::withStaff}.
   */
  public TestBot(
      GreenMailExtension mail, Path dir, java.util.function.UnaryOperator<IntakeConfig> adjust)
      throws IOException {
    this.mail = mail;
    mail.setUser(SUPPORT, "support", "secret");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("projects.csv"), REGISTRY);
    IntakeConfig base = new ConfigLoader(n -> null).loadDefaults();
    this.config =
        IntakeConfig.builder()
            .mailbox(
                Mailbox.forEveryKind(
                    SUPPORT,
                    Server.withoutOAuth2(
                        "127.0.0.1",
                        mail.getImap().getPort(),
                        Server.Transport.PLAIN,
                        "support",
                        "secret",
                        "password",
                        Duration.ofSeconds(10)),
                    Server.withoutOAuth2(
                        "127.0.0.1",
                        mail.getSmtp().getPort(),
                        Server.Transport.PLAIN,
                        "support",
                        "secret",
                        "password",
                        Duration.ofSeconds(10)),
                    base.mailbox().folders()))
            .poll(
                Poll.withDefaultWorkers(
                    Duration.ofSeconds(1), false, Duration.ofMinutes(20), Duration.ofSeconds(1)))
            .database(DatabaseSettings.withoutLogin(TestDatabases.newUrl(dir)))
            .tickets(base.tickets())
            .projects(new Projects(dir.resolve("projects.csv"), 4, 10))
            .storage(Storage.at(dir.resolve("data")))
            .replies(base.replies())
            .scanning(base.scanning())
            .build();
    this.config = adjust.apply(config);
    start();
  }

  public static IntakeConfig withStaff(IntakeConfig c) {
    return with(c, STAFF, c.security());
  }

  public static IntakeConfig with(IntakeConfig c, Staff staff, Security security) {
    return c.toBuilder().staff(staff).security(security).build();
  }

  public IntakeConfig config() {
    return config;
  }

  public MutableClock clock() {
    return clock;
  }

  public IntakeApp app() {
    return app;
  }

  public void start() {
    app = IntakeApp.create(config, clock, IntakeEvents.NONE);
  }

  /** Restarts the bot in folder mode, reading project folders under {@code shareRoot}. */
  public void restartWithShareRoot(Path shareRoot) {
    stop();
    IntakeConfig c = config;
    config =
        c.toBuilder()
            .scanning(
                new Scanning(c.scanning().defaultPolicy(), c.scanning().policies(), shareRoot))
            .build();
    start();
  }

  /** Restarts the bot on the same data with its configuration adjusted, e.g. its security. */
  public void restartWith(java.util.function.UnaryOperator<IntakeConfig> adjust) {
    stop();
    config = adjust.apply(config);
    start();
  }

  /** Restarts the bot talking IMAP to another port (a dead one, to play an outage). */
  public void restartWithImapPort(int port) {
    stop();
    Server imap = config.mailbox().imap();
    config =
        withServers(
            config,
            Server.withoutOAuth2(
                imap.host(),
                port,
                imap.transport(),
                imap.username(),
                imap.password(),
                imap.auth(),
                imap.timeout()),
            config.mailbox().smtp());
    start();
  }

  /** {@code c} talking to other IMAP and SMTP servers, everything else kept. */
  public static IntakeConfig withServers(IntakeConfig c, Server imap, Server smtp) {
    return c.toBuilder()
        .mailbox(Mailbox.forEveryKind(c.mailbox().address(), imap, smtp, c.mailbox().folders()))
        .build();
  }

  /** {@code c} on another instance's database: two bots, one desk. */
  public static IntakeConfig onDatabase(IntakeConfig c, String url) {
    return c.toBuilder()
        .database(org.outputintake.config.DatabaseSettings.withoutLogin(url))
        .build();
  }

  /** {@code s} logging in with another password (a wrong one, to play a refused login). */
  public static Server withPassword(Server s, String password) {
    return Server.withoutOAuth2(
        s.host(), s.port(), s.transport(), s.username(), password, s.auth(), s.timeout());
  }

  public void startWith(SendMailPort smtp) {
    app = IntakeApp.create(config, clock, IntakeEvents.NONE, smtp);
  }

  /** Stops the bot as a crash would (no further work), keeping database and mailbox. */
  public void stop() {
    if (app != null) app.close();
    app = null;
  }

  public void cycle() throws org.outputintake.mail.MailboxUnavailable {
    app.cycle();
  }

  public void writeRegistry(String csv) throws IOException {
    Files.writeString(config.projects().registry(), csv);
  }

  public Session session() {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    return Session.getInstance(p);
  }

  /**
   * Delivers raw RFC 822 text straight into the support inbox (byte-exact, even when malformed).
   */
  public void deliverRaw(String raw) throws MessagingException {
    MimeMessage m =
        new MimeMessage(session(), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    mail.getUserManager().getUser("support").deliver(m);
  }

  public void deliver(MimeMessage m) {
    mail.getUserManager().getUser("support").deliver(m);
  }

  /** Messages the bot sent to an address. */
  public List<MimeMessage> receivedBy(String address) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      try {
        if (Arrays.stream(m.getAllRecipients())
            .anyMatch(a -> a.toString().equalsIgnoreCase(address))) out.add(m);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** What is in one user's inbox: unlike {@link #receivedBy}, this sees blind copies. */
  public List<MimeMessage> mailbox(String address) {
    try {
      var user = mail.getUserManager().getUserByEmail(address);
      if (user == null) return List.of();
      List<MimeMessage> out = new ArrayList<>();
      for (var m : mail.getManagers().getImapHostManager().getInbox(user).getMessages())
        out.add(m.getMimeMessage());
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every message GreenMail received (what the bot sent, and what tests delivered by SMTP). */
  public List<MimeMessage> receivedAll() {
    return List.of(mail.getReceivedMessages());
  }

  public static String body(MimeMessage m) {
    return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("\r\n", "\n");
  }

  /** One email as a mail client shows it: its subject and its text (the text/plain part). */
  public record ImapMail(String subject, String text) {}

  /**
   * A user's inbox read over IMAP, as their mail client would, oldest first (GreenMail creates the
   * user on first login when authentication is disabled).
   */
  public List<ImapMail> imapInbox(String login, String password) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), login, password);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<ImapMail> out = new ArrayList<>();
      for (Message m : inbox.getMessages())
        out.add(new ImapMail(m.getSubject() == null ? "" : m.getSubject(), plainText(m)));
      inbox.close(false);
      return out;
    } finally {
      store.close();
    }
  }

  private static String plainText(jakarta.mail.Part p) throws Exception {
    if (p.isMimeType("text/plain")) return String.valueOf(p.getContent()).replace("\r\n", "\n");
    if (p.getContent() instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        String text = plainText(mp.getBodyPart(i));
        if (!text.isEmpty()) return text;
      }
    }
    return "";
  }

  /** How many messages are in a folder of the support mailbox. */
  public int folderCount(String folder) throws MessagingException {
    Properties p = new Properties();
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), "support", "secret");
    try {
      Folder f = store.getFolder(folder);
      if (!f.exists()) return 0;
      f.open(Folder.READ_ONLY);
      Message[] all = f.getMessages();
      f.close(false);
      return all.length;
    } finally {
      store.close();
    }
  }

  /**
   * Writes {@code file}: a configuration with which the command line ({@code tickets}, {@code
   * outbox}, {@code digest}) reads this bot's database, registry and data directory; each extra
   * line is appended as written (YAML).
   */
  public Path cliConfig(Path file, String... extraYaml) throws IOException {
    StringBuilder yaml =
        new StringBuilder()
            .append("database: { url: \"")
            .append(config.database().url())
            .append("\" }\nprojects: { registry: \"")
            .append(config.projects().registry())
            .append("\" }\n");
    boolean storage = false;
    for (String line : extraYaml) {
      yaml.append(line).append('\n');
      storage |= line.startsWith("storage:");
    }
    if (!storage)
      yaml.append("storage: { data-dir: \"").append(config.storage().dataDir()).append("\" }\n");
    return java.nio.file.Files.writeString(file, yaml.toString());
  }

  public List<Ticket> tickets() {
    return app.db().read(c -> app.context().tickets().list(c));
  }

  @Override
  public void close() {
    stop();
  }

  /** A clock tests can move. */
  public static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    public static MutableClock at(Instant now) {
      return new MutableClock(now);
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
