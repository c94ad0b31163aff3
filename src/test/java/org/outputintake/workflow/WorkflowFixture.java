package org.outputintake.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.DatabaseSettings;
import org.outputintake.config.DeskAddresses;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Projects;
import org.outputintake.config.Storage;
import org.outputintake.intake.MailLog;
import org.outputintake.mail.InboundMessage;
import org.outputintake.mail.text.ReplyText;
import org.outputintake.project.Project;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.reply.Outbox;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.Templates;
import org.outputintake.scan.Finding;
import org.outputintake.store.Database;
import org.outputintake.store.DeskFiles;
import org.outputintake.store.RawStore;
import org.outputintake.testing.TestBot;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.ticket.TicketState;

/**
 * The officers' desk below mail: a real SQLite file with the project's migrations, tickets and
 * their files written as intake writes them, and staff mail handed to {@link Workflow#staffMail} as
 * intake hands it, on a clock the test moves. No mail server: what the bot would send is read back
 * from the outbox. A command takes milliseconds here, where an end-to-end test takes seconds, so
 * mutation testing can run the commands' guards.
 */
final class WorkflowFixture implements AutoCloseable {
  /** When the fixture's clock starts. */
  static final Instant T0 = TestBot.NOW;

  static final String ALICE = TestBot.ALICE;
  static final String BOB = TestBot.BOB;
  static final String CAROL = TestBot.CAROL;
  static final String MANAGER = TestBot.MANAGER;
  static final String OWNER = TestBot.OWNER;
  static final String ADA = TestBot.ADA;
  static final String OFFICERS_LIST = TestBot.OFFICERS_LIST;

  /** Projects of {@link TestBot#REGISTRY}: no data-owner review, for approval, for information. */
  static final String PLAIN = "1234567";

  static final String FOR_APPROVAL = "6600001";
  static final String FOR_INFORMATION = "7700001";

  /** Bob's own project: he is a researcher on it. */
  static final String BOBS_PROJECT = "8800001";

  /**
   * What the receiving server said of a staff email's sender, as the test header {@value
   * #PROOF_HEADER} plays it: no header is a passing Authentication-Results.
   */
  enum Proof {
    /** No proof where proof is required: nothing the email asks for is done. */
    UNPROVEN,
    /** Believed on its From address, as with {@code require-authenticated-sender: false}. */
    NOT_CHECKED;

    SenderProof said() {
      return this == UNPROVEN
          ? new SenderProof.Unproven("no pass from our server")
          : new SenderProof.NotChecked();
    }

    Map<String, String> header() {
      return Map.of(PROOF_HEADER, name());
    }
  }

  static final String PROOF_HEADER = "x-test-proof";

  private static final SenderProof PASSED = new SenderProof.Authenticated("dmarc=pass");

  private final Path dir;
  private final Database db;
  private final IntakeConfig config;
  private final TestBot.MutableClock clock = TestBot.MutableClock.at(TestBot.NOW);
  private final ProjectRegistry registry;
  private final TicketRepository tickets;
  private final DeskFiles desk;
  private final Workflow workflow;
  private int serial;

  private WorkflowFixture(Path dir, UnaryOperator<IntakeConfig> adjust) throws IOException {
    this.dir = dir;
    Files.writeString(dir.resolve("projects.csv"), TestBot.REGISTRY);
    IntakeConfig base = new ConfigLoader(n -> null).loadDefaults();
    this.config =
        adjust.apply(
            base.toBuilder()
                .database(DatabaseSettings.withoutLogin("jdbc:sqlite:" + dir.resolve("intake.db")))
                .projects(new Projects(dir.resolve("projects.csv"), 4, 10))
                .storage(Storage.at(dir.resolve("data")))
                .staff(TestBot.STAFF)
                .build());
    this.db = Database.open(config.database());
    this.registry = ProjectRegistry.load(dir.resolve("projects.csv"));
    this.tickets = new TicketRepository(config.tickets().prefix(), config.tickets().firstNumber());
    this.desk = DeskFiles.of(config.storage(), db);
    ReplyComposer composer =
        new ReplyComposer(
            new Templates(config.replies().templates()),
            config.mailbox().address(),
            config.tickets().subjectFormat(),
            !config.security().requireAuthenticatedSender(),
            DeskAddresses.of(config));
    this.workflow =
        new Workflow(
            new WorkflowContext(
                config,
                tickets,
                () -> registry,
                composer,
                clock,
                m -> ReplyText.of(m).newText(),
                // the receiving server's verdict, as the bot reads it from Authentication-Results
                m -> m.header(PROOF_HEADER).map(Proof::valueOf).map(Proof::said).orElse(PASSED),
                dir.resolve("reports"),
                desk));
  }

  static WorkflowFixture open(Path dir) throws IOException {
    return new WorkflowFixture(dir, c -> c);
  }

  /** With the configuration adjusted first, e.g. the number of checkers. */
  static WorkflowFixture open(Path dir, UnaryOperator<IntakeConfig> adjust) throws IOException {
    return new WorkflowFixture(dir, adjust);
  }

  IntakeConfig config() {
    return config;
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /**
   * A new request from Ada on {@code project} with one CSV output per name, stored, recorded and
   * queued as intake does it, the officers' list notified: returns the ticket's id.
   */
  String request(String project, String... outputs) throws IOException {
    return requestFrom(ADA, project, outputs);
  }

  String requestFrom(String researcher, String project, String... outputs) throws IOException {
    return request(RequestKind.OUTPUT, researcher, project, outputs);
  }

  /**
   * A request from Ada whose one output the scanners found {@code blockers} in (each a finding
   * code), stored with the submission as intake stores a review's findings.
   */
  String requestWithBlockers(String project, String... blockers) throws IOException {
    String id = request(project, "table.csv");
    db.inTransaction(
        c -> {
          String key = TicketFiles.latestSubmissionKey(c, id).orElseThrow();
          List<TicketFiles.StoredFinding> found = new ArrayList<>();
          for (String code : blockers) {
            found.add(
                new TicketFiles.StoredFinding(
                    "table.csv", Finding.blocker(code, "B2", "the scanner's " + code)));
          }
          TicketFiles.addFindings(c, id, key, found);
          return null;
        });
    return id;
  }

  /** An ingest or transfer request (a transfer goes to {@link #PLAIN}'s sibling 2345678). */
  String requestOf(RequestKind kind, String project, String... files) throws IOException {
    return request(kind, ADA, project, files);
  }

  private String request(RequestKind kind, String researcher, String project, String... outputs)
      throws IOException {
    Instant now = clock.instant();
    InboundMessage m = message(researcher, "Output request " + project, "", null, List.of());
    String key = nextKey();
    List<RawStore.Stored> stored = new ArrayList<>();
    for (String name : outputs) stored.add(store(name, "region,n\nNorth," + (10 + serial) + "\n"));
    return db.inTransaction(
        c -> {
          TicketId id = tickets.allocate(c, config.tickets().prefix(kind.code()));
          Ticket t =
              Ticket.builder()
                  .id(id)
                  .projectNumber(project)
                  .researcher(researcher)
                  .subject("Output request " + project)
                  .requestDate(LocalDate.of(2024, 1, 15))
                  .state(new TicketState.Queued(now))
                  .policy(ProjectRegistry.DEFAULT_POLICY)
                  .createdAt(now)
                  .rootMessageId(m.messageId())
                  .kind(kind, kind == RequestKind.TRANSFER ? "2345678" : null)
                  .build();
          tickets.insert(c, new StateChange(t, researcher, "new request", now));
          MailLog.record(c, key, m, id.toString(), "new-request", "processed", null, raw(), now);
          for (int i = 0; i < outputs.length; i++) {
            RawStore.Stored s = stored.get(i);
            TicketFiles.addAttachment(
                c,
                id.toString(),
                key,
                new TicketFiles.StoredAttachment(
                    outputs[i], s.path().toString(), "text/csv", s.size(), s.sha256(), "output"));
          }
          workflow.ticketQueued(c, t, OfficerNotifier.Arrival.NEW_REQUEST, now);
          return id.toString();
        });
  }

  /**
   * The researcher answers the officers' {@code #revise} or {@code #ask} without files: the block
   * lifts as intake lifts it ({@link TicketState.Blocked#researcherReplied}), back to the queue,
   * and a round whose verdicts were all in gives way to a new one on the same files.
   */
  void researcherAnswers(String id) {
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          Ticket t = tickets.lock(c, id).orElseThrow();
          TicketState.Blocked b = (TicketState.Blocked) t.state();
          Ticket back = t.withState(b.researcherReplied(now));
          if (WorkflowStore.verdictCount(c, id, t.round())
              >= WorkflowStore.checksNeeded(config.workflow().checkers(), t)) {
            back = back.nextRound();
          }
          tickets.update(c, new StateChange(back, t.researcher(), "researcher answered", now));
          workflow.ticketQueued(
              c, tickets.find(c, id).orElseThrow(), OfficerNotifier.Arrival.REVISED, now);
          return null;
        });
  }

  /**
   * {@code from} replies to the latest bot email about the ticket that went to them, or the list.
   */
  StaffCommands.Result say(String from, String id, String text) {
    String answered = latestTo(from, id).or(() -> latestTo(OFFICERS_LIST, id)).orElse(null);
    return answer(from, id, answered, text);
  }

  /** {@code from} replies to one particular bot email (an old notification, say). */
  StaffCommands.Result answer(String from, String id, String answeredMessageId, String text) {
    return handle(id, message(from, "Re: [" + id + "]", text, answeredMessageId, List.of()));
  }

  /** A new email with only the ticket's tag in its subject: it answers none of the bot's. */
  StaffCommands.Result newMail(String from, String id, String text) {
    return answer(from, id, null, text);
  }

  /** A reply like {@link #say} that carries {@code headers} (To, Cc, the proof marker). */
  StaffCommands.Result sayWith(String from, String id, String text, Map<String, String> headers) {
    String answered = latestTo(from, id).or(() -> latestTo(OFFICERS_LIST, id)).orElse(null);
    InboundMessage m = message(from, "Re: [" + id + "]", text, answered, List.of(), headers);
    return handle(id, m);
  }

  /** The same as {@link #say} with one file attached (name and text). */
  StaffCommands.Result sayWithFile(String from, String id, String text, String name)
      throws IOException {
    Path file = dir.resolve("attached-" + nextKey() + ".csv");
    Files.writeString(file, "a,b\n1,2\n", StandardCharsets.UTF_8);
    String answered = latestTo(from, id).or(() -> latestTo(OFFICERS_LIST, id)).orElse(null);
    InboundMessage.Attachment a =
        new InboundMessage.Attachment(name, "text/csv", file, Files.size(file), null, false);
    return handle(id, message(from, "Re: [" + id + "]", text, answered, List.of(a)));
  }

  private StaffCommands.Result handle(String id, InboundMessage m) {
    String key = nextKey();
    Instant now = clock.instant();
    return db.inTransaction(
        c -> {
          Ticket t = tickets.lock(c, id).orElseThrow();
          Project p = registry.find(t.projectNumber()).orElse(null);
          Set<Role> roles = workflow.roles(m.from(), t, p);
          if (!workflow.isStaffMail(roles, m)) {
            throw new IllegalStateException(m.from() + " is not staff on " + id + ": " + roles);
          }
          MailLog.record(c, key, m, id, "staff", "processed", null, raw(), now);
          return workflow.staffMail(c, t, p, m, key, "0".repeat(64), roles, now);
        });
  }

  Ticket ticket(String id) {
    return db.read(c -> tickets.find(c, id)).orElseThrow();
  }

  TicketState state(String id) {
    return ticket(id).state();
  }

  List<String> checkers(String id) {
    return db.read(c -> WorkflowStore.checkers(c, id));
  }

  int verdicts(String id, int round) {
    return db.read(c -> WorkflowStore.verdictCount(c, id, round));
  }

  /** Every mail the bot wrote about the ticket, oldest first. */
  List<OutgoingMail> outbox(String id) {
    return db.read(c -> Outbox.forTicket(c, id)).stream().map(Outbox.Entry::mail).toList();
  }

  /** The mails about the ticket to {@code to}, oldest first. */
  List<OutgoingMail> mailTo(String to, String id) {
    return outbox(id).stream().filter(m -> m.to().equalsIgnoreCase(to)).toList();
  }

  /** The latest mail about the ticket to {@code to}. */
  OutgoingMail lastTo(String to, String id) {
    List<OutgoingMail> all = mailTo(to, id);
    if (all.isEmpty()) throw new AssertionError("no mail to " + to + " about " + id);
    return all.get(all.size() - 1);
  }

  /** The body of the latest mail about the ticket to {@code to}. */
  String lastBodyTo(String to, String id) {
    return lastTo(to, id).body();
  }

  /** The latest mail to {@code to}, which must be a refusal ("Not done:"): its text. */
  String refusalTo(String to, String id) {
    return lastOfKind(to, id, "officer-refused");
  }

  /** The latest mail to {@code to}, which must be a command's confirmation: its text. */
  String confirmationTo(String to, String id) {
    return lastOfKind(to, id, "officer-confirmation");
  }

  private String lastOfKind(String to, String id, String kind) {
    OutgoingMail m = lastTo(to, id);
    if (!m.kind().equals(kind)) {
      throw new AssertionError("the latest mail to " + to + " is " + m.kind() + ":\n" + m.body());
    }
    return m.body();
  }

  /** The kinds of the mails about the ticket, oldest first. */
  List<String> kinds(String id) {
    return outbox(id).stream().map(OutgoingMail::kind).toList();
  }

  private Optional<String> latestTo(String to, String id) {
    List<OutgoingMail> all = mailTo(to, id);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).messageId());
  }

  /** The audit trail's {@code type: detail} lines of the ticket, oldest first. */
  List<String> audit(String id) {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT type, detail FROM audit_event WHERE ticket_id = ? ORDER BY id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) out.add(rs.getString(1) + ": " + rs.getString(2));
            }
          }
          return out;
        });
  }

  /** Runs {@code work} on a connection, for the tables the fixture does not name. */
  <T> T read(Database.TransactionWork<T> work) {
    return db.read(work);
  }

  private RawStore.Stored store(String name, String content) throws IOException {
    Path file = dir.resolve("upload-" + nextKey() + "-" + name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return desk.files().putFile(file, "");
  }

  private static RawStore.Stored raw() {
    return new RawStore.Stored("0".repeat(64), 1, Path.of("raw.eml"));
  }

  private String nextKey() {
    return "k" + (++serial);
  }

  private InboundMessage message(
      String from,
      String subject,
      String text,
      String inReplyTo,
      List<InboundMessage.Attachment> files) {
    return message(from, subject, text, inReplyTo, files, Map.of());
  }

  private InboundMessage message(
      String from,
      String subject,
      String text,
      String inReplyTo,
      List<InboundMessage.Attachment> files,
      Map<String, String> headers) {
    Map<String, String> h = new HashMap<>(headers);
    h.putIfAbsent("to", config.mailbox().address());
    return new InboundMessage(
        "<m" + (++serial) + "@example.org>",
        inReplyTo,
        inReplyTo == null ? List.of() : List.of(inReplyTo),
        from,
        null,
        subject,
        clock.instant(),
        h,
        text,
        files,
        List.of());
  }

  @Override
  public void close() {
    db.close();
  }
}
