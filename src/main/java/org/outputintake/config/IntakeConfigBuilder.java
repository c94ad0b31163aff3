package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link IntakeConfig} section by section. The mailboxes, poll, database, tickets,
 * projects, storage, replies and scanning sections must be given; the rest default to what a
 * configuration file without them means: no staff, the default service level, no digests, the
 * workflow defaults, no operations endpoint, the default takeover. {@link #build()} validates the
 * whole once, as the record's constructor does, and names what to set.
 */
public final class IntakeConfigBuilder {
  private List<Mailbox> mailboxes;
  private Poll poll;
  private DatabaseSettings database;
  private Tickets tickets;
  private Projects projects;
  private Storage storage;
  private Replies replies;
  private Scanning scanning;
  private Staff staff = Staff.NONE;
  // Unset until given: with staff, whether their mail must prove its sender is never a default.
  private Security security;
  private Sla sla = Sla.DEFAULT;
  private List<Digest> digests = List.of();
  private WorkflowSettings workflow = WorkflowSettings.DEFAULT;
  private ServerSettings server = ServerSettings.OFF;
  private HaSettings ha = HaSettings.DEFAULT;

  IntakeConfigBuilder() {}

  IntakeConfigBuilder(IntakeConfig c) {
    mailboxes = c.mailboxes();
    poll = c.poll();
    database = c.database();
    tickets = c.tickets();
    projects = c.projects();
    storage = c.storage();
    replies = c.replies();
    scanning = c.scanning();
    staff = c.staff();
    security = c.security();
    sla = c.sla();
    digests = c.digests();
    workflow = c.workflow();
    server = c.server();
    ha = c.ha();
  }

  /** The only mailbox ({@code mailbox:}), in place of any others. */
  public IntakeConfigBuilder mailbox(Mailbox mailbox) {
    this.mailboxes = List.of(Objects.requireNonNull(mailbox, "mailbox"));
    return this;
  }

  /** Several mailboxes ({@code mailboxes:}); the first is the one staff mail leaves from. */
  public IntakeConfigBuilder mailboxes(List<Mailbox> mailboxes) {
    this.mailboxes = mailboxes;
    return this;
  }

  public IntakeConfigBuilder poll(Poll poll) {
    this.poll = poll;
    return this;
  }

  public IntakeConfigBuilder database(DatabaseSettings database) {
    this.database = database;
    return this;
  }

  public IntakeConfigBuilder tickets(Tickets tickets) {
    this.tickets = tickets;
    return this;
  }

  public IntakeConfigBuilder projects(Projects projects) {
    this.projects = projects;
    return this;
  }

  public IntakeConfigBuilder storage(Storage storage) {
    this.storage = storage;
    return this;
  }

  public IntakeConfigBuilder replies(Replies replies) {
    this.replies = replies;
    return this;
  }

  public IntakeConfigBuilder scanning(Scanning scanning) {
    this.scanning = scanning;
    return this;
  }

  /** Who works the tickets; without it no staff command is possible (tests of intake alone). */
  public IntakeConfigBuilder staff(Staff staff) {
    this.staff = staff;
    return this;
  }

  public IntakeConfigBuilder security(Security security) {
    this.security = security;
    return this;
  }

  public IntakeConfigBuilder sla(Sla sla) {
    this.sla = sla;
    return this;
  }

  public IntakeConfigBuilder digests(List<Digest> digests) {
    this.digests = digests;
    return this;
  }

  public IntakeConfigBuilder workflow(WorkflowSettings workflow) {
    this.workflow = workflow;
    return this;
  }

  /** The operations endpoint; without it no HTTP port is opened. */
  public IntakeConfigBuilder server(ServerSettings server) {
    this.server = server;
    return this;
  }

  public IntakeConfigBuilder ha(HaSettings ha) {
    this.ha = ha;
    return this;
  }

  /**
   * The configuration, validated.
   *
   * @throws ConfigException naming the section or key to set
   */
  public IntakeConfig build() {
    require(
        security != null || Staff.NONE.equals(staff),
        "the security section is missing while staff are set: say whether staff mail must prove"
            + " its sender (security(...)); Security.OFF obeys staff on the From address alone");
    return new IntakeConfig(
        mailboxes,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security == null ? Security.OFF : security,
        sla,
        digests,
        workflow,
        server,
        ha);
  }
}
