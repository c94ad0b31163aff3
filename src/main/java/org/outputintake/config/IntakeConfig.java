package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

/**
 * The whole configuration, validated once at start-up by {@link ConfigLoader}. Every record checks
 * its own invariants so that an invalid configuration cannot be constructed in tests either. Its
 * sections are records of their own in this package; a configuration is made with {@link
 * #builder()}, or copied with some sections changed with {@link #toBuilder()}.
 */
public record IntakeConfig(
    java.util.List<Mailbox> mailboxes,
    Poll poll,
    DatabaseSettings database,
    Tickets tickets,
    Projects projects,
    Storage storage,
    Replies replies,
    Scanning scanning,
    Staff staff,
    Security security,
    Sla sla,
    java.util.List<Digest> digests,
    WorkflowSettings workflow,
    ServerSettings server,
    HaSettings ha) {

  /** A configuration built section by section; see {@link IntakeConfigBuilder} for the defaults. */
  public static IntakeConfigBuilder builder() {
    return new IntakeConfigBuilder();
  }

  /** A builder holding every section of this configuration: a copy with some sections changed. */
  public IntakeConfigBuilder toBuilder() {
    return new IntakeConfigBuilder(this);
  }

  public IntakeConfig {
    require(
        mailboxes != null && !mailboxes.isEmpty(),
        "mailboxes: name at least one mailbox, or write mailbox: instead");
    mailboxes = java.util.List.copyOf(mailboxes);
    java.util.Set<String> addresses = new java.util.HashSet<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Mailbox m : mailboxes) {
      require(
          addresses.add(m.address().toLowerCase(java.util.Locale.ROOT)),
          "mailboxes: the address " + m.address() + " is given twice: each mailbox has its own");
      require(
          keys.add(m.key()),
          "mailboxes: "
              + m.key()
              + " is read by two entries: each entry names its own IMAP login or inbox folder");
    }
    present(poll, "poll");
    present(database, "database");
    present(tickets, "tickets");
    present(projects, "projects");
    present(storage, "storage");
    present(replies, "replies");
    present(scanning, "scanning");
    present(staff, "staff");
    present(security, "security");
    present(sla, "sla");
    workflow = workflow == null ? WorkflowSettings.DEFAULT : workflow;
    server = server == null ? ServerSettings.OFF : server;
    ha = ha == null ? HaSettings.DEFAULT : ha;
    digests = digests == null ? java.util.List.of() : java.util.List.copyOf(digests);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Digest d : digests)
      require(names.add(d.name()), "digests: the name '" + d.name() + "' is used twice");
  }

  /**
   * The first mailbox: the one desk-wide mail (digests, daily summaries) leaves from; mail about a
   * ticket leaves from the ticket's own mailbox.
   */
  public Mailbox mailbox() {
    return mailboxes.get(0);
  }

  /** The SMTP servers the outbox sends through: what its shared pause is keyed by. */
  public java.util.List<Server> smtpServers() {
    return mailboxes.stream().map(Mailbox::smtp).toList();
  }

  /** The mailbox that accepts requests of this kind (by code), if any does: the first that does. */
  public java.util.Optional<Mailbox> mailboxFor(String kindCode) {
    return mailboxes.stream().filter(m -> m.accepts().contains(kindCode)).findFirst();
  }

  /** The digest named {@code name}, or the first one when name is null. */
  public java.util.Optional<Digest> digest(String name) {
    return digests.stream().filter(d -> name == null || d.name().equals(name)).findFirst();
  }

  private static void present(Object section, String name) {
    require(
        section != null,
        "the "
            + name
            + " section is missing: give it (IntakeConfig.builder()."
            + name
            + "(...)), or write it in the configuration file");
  }
}
