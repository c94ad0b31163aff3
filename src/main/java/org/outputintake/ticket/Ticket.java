package org.outputintake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request's permanent record.
 *
 * @param researcher the requester's email address, lower-case
 * @param subject the request subject as the researcher wrote it, without reply prefixes or gateway tags
 * @param requestDate the date named in the subject
 * @param rootMessageId the Message-ID of the researcher's first email, for threading replies
 */
public record Ticket(
    TicketId id,
    String projectNumber,
    String researcher,
    String subject,
    LocalDate requestDate,
    TicketState state,
    String policy,
    String folderName,
    Integer folderVersion,
    Instant createdAt,
    String rootMessageId) {

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectNumber, "projectNumber");
    Objects.requireNonNull(researcher, "researcher");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public Ticket withState(TicketState next) {
    return new Ticket(id, projectNumber, researcher, subject, requestDate, next, policy, folderName, folderVersion,
        createdAt, rootMessageId);
  }

  public Ticket withFolder(String name, Integer version) {
    return new Ticket(id, projectNumber, researcher, subject, requestDate, state, policy, name, version, createdAt,
        rootMessageId);
  }
}
