package org.outputintake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request's permanent record.
 *
 * @param researcher the requester's email address, lower-case
 * @param subject the request subject as the researcher wrote it, without reply prefixes or gateway
 *     tags
 * @param requestDate the date named in the subject
 * @param rootMessageId the Message-ID of the researcher's first email, for threading replies
 * @param version the row's version when read: an update applies only if nobody changed the ticket
 *     since
 * @param round the check round: a new submission of files starts a new one, and verdicts belong to
 *     a round
 * @param kind which of the SRS's doors the request came through: an output, an ingest or a transfer
 * @param destinationProject a transfer's destination project; {@code null} for every other kind
 * @param mailbox the address of the bot's mailbox the request came to, which mail about the ticket
 *     leaves from; {@code null} for a ticket opened before the bot recorded it
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
    String rootMessageId,
    long version,
    int round,
    RequestKind kind,
    String destinationProject,
    String mailbox) {

  /**
   * A ticket built field by field; see {@link TicketBuilder} for what a new request defaults to.
   */
  public static TicketBuilder builder() {
    return new TicketBuilder();
  }

  /** A builder holding every field of this ticket: a copy with some fields changed. */
  public TicketBuilder toBuilder() {
    return new TicketBuilder(this);
  }

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectNumber, "projectNumber");
    Objects.requireNonNull(researcher, "researcher");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (round < 1) throw new IllegalArgumentException("round starts at 1");
    Objects.requireNonNull(kind, "kind");
    if ((kind == RequestKind.TRANSFER) != (destinationProject != null)) {
      throw new IllegalArgumentException(
          "a transfer, and only a transfer, names a destination project");
    }
  }

  /** The same request as another kind; a transfer names its destination project. */
  public Ticket asKind(RequestKind newKind, String destination) {
    return toBuilder().kind(newKind, destination).build();
  }

  public Ticket withState(TicketState next) {
    return toBuilder().state(next).build();
  }

  public Ticket withFolder(String name, Integer version) {
    return toBuilder().folder(name, version).build();
  }

  /** A new submission of files: verdicts of the earlier round no longer apply. */
  public Ticket nextRound() {
    return toBuilder().round(round + 1).build();
  }

  /** The same request, recorded as come to the bot's mailbox at {@code address}. */
  public Ticket withMailbox(String address) {
    return toBuilder().mailbox(address).build();
  }

  public String idText() {
    return id.toString();
  }
}
