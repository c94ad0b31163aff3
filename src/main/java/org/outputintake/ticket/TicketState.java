package org.outputintake.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a ticket is in its life. One type per state; a transition is a method on the state it leaves and returns
 * the state it enters, so an illegal move does not compile. The officers' workflow (taking a ticket, two
 * independent verdicts, data-owner approval, release) adds states beside these without changing them.
 */
public sealed interface TicketState {
  /** The name stored in the database and shown to people. */
  String name();

  Instant since();

  default boolean isOpen() {
    return !(this instanceof Closed);
  }

  /** Waiting in the queue for officers; ordered by {@code since}, oldest first. */
  record Queued(Instant since) implements TicketState {
    public Queued {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "queued";
    }

    /** The request cannot progress until the researcher answers: it leaves the queue. */
    public Blocked block(String reason, Instant at) {
      return new Blocked(at, reason);
    }

    public Closed close(String reason, Instant at) {
      return new Closed(at, reason);
    }
  }

  /** Blocked: out of the queue until the researcher replies (seed 002, "Revisions to outputs"). */
  record Blocked(Instant since, String reason) implements TicketState {
    public Blocked {
      Objects.requireNonNull(since, "since");
      reason = reason == null ? "" : reason;
    }

    @Override
    public String name() {
      return "blocked";
    }

    /** The researcher answered: the ticket returns to the back of the queue. */
    public Queued researcherReplied(Instant at) {
      return new Queued(at);
    }

    /** Still wrong after the researcher's answer: blocked again, from now. */
    public Blocked stillBlocked(String newReason, Instant at) {
      return new Blocked(at, newReason);
    }

    public Closed close(String reason, Instant at) {
      return new Closed(at, reason);
    }
  }

  /** Finished: released, withdrawn, or closed because the project closed. Terminal. */
  record Closed(Instant since, String reason) implements TicketState {
    public Closed {
      Objects.requireNonNull(since, "since");
      reason = reason == null ? "" : reason;
    }

    @Override
    public String name() {
      return "closed";
    }
  }

  /** Rebuilds a state read from the database. */
  static TicketState of(String name, Instant since, String reason) {
    return switch (name) {
      case "queued" -> new Queued(since);
      case "blocked" -> new Blocked(since, reason);
      case "closed" -> new Closed(since, reason);
      default -> throw new IllegalArgumentException("unknown ticket state '" + name + "'");
    };
  }
}
