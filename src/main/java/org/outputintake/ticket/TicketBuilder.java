package org.outputintake.ticket;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Builds a {@link Ticket} field by field. What a new request has not got yet defaults to what a
 * freshly opened ticket means: no request date, folder, Message-ID or mailbox, version 0, round 1,
 * an output request. {@link #build()} validates the whole, as the record's constructor does.
 */
public final class TicketBuilder {
  private TicketId id;
  private String projectNumber;
  private String researcher;
  private String subject;
  private LocalDate requestDate;
  private TicketState state;
  private String policy;
  private String folderName;
  private Integer folderVersion;
  private Instant createdAt;
  private String rootMessageId;
  private long version;
  private int round = 1;
  private RequestKind kind = RequestKind.OUTPUT;
  private String destinationProject;
  private String mailbox;

  TicketBuilder() {}

  TicketBuilder(Ticket t) {
    id = t.id();
    projectNumber = t.projectNumber();
    researcher = t.researcher();
    subject = t.subject();
    requestDate = t.requestDate();
    state = t.state();
    policy = t.policy();
    folderName = t.folderName();
    folderVersion = t.folderVersion();
    createdAt = t.createdAt();
    rootMessageId = t.rootMessageId();
    version = t.version();
    round = t.round();
    kind = t.kind();
    destinationProject = t.destinationProject();
    mailbox = t.mailbox();
  }

  public TicketBuilder id(TicketId id) {
    this.id = id;
    return this;
  }

  public TicketBuilder projectNumber(String projectNumber) {
    this.projectNumber = projectNumber;
    return this;
  }

  public TicketBuilder researcher(String researcher) {
    this.researcher = researcher;
    return this;
  }

  public TicketBuilder subject(String subject) {
    this.subject = subject;
    return this;
  }

  public TicketBuilder requestDate(LocalDate requestDate) {
    this.requestDate = requestDate;
    return this;
  }

  public TicketBuilder state(TicketState state) {
    this.state = state;
    return this;
  }

  public TicketBuilder policy(String policy) {
    this.policy = policy;
    return this;
  }

  /** The share folder the request names and the snapshot of it taken; either may be null. */
  public TicketBuilder folder(String name, Integer version) {
    this.folderName = name;
    this.folderVersion = version;
    return this;
  }

  public TicketBuilder createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public TicketBuilder rootMessageId(String rootMessageId) {
    this.rootMessageId = rootMessageId;
    return this;
  }

  /** The row's version when read (see {@link Ticket#version()}). */
  public TicketBuilder version(long version) {
    this.version = version;
    return this;
  }

  public TicketBuilder round(int round) {
    this.round = round;
    return this;
  }

  /** The kind of request; a transfer, and only a transfer, names its destination project. */
  public TicketBuilder kind(RequestKind kind, String destinationProject) {
    this.kind = kind;
    this.destinationProject = destinationProject;
    return this;
  }

  public TicketBuilder mailbox(String mailbox) {
    this.mailbox = mailbox;
    return this;
  }

  public Ticket build() {
    return new Ticket(
        id,
        projectNumber,
        researcher,
        subject,
        requestDate,
        state,
        policy,
        folderName,
        folderVersion,
        createdAt,
        rootMessageId,
        version,
        round,
        kind,
        destinationProject,
        mailbox);
  }
}
