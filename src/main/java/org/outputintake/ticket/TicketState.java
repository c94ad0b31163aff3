package org.outputintake.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a ticket is in its life (seed 002, section 3). One type per state; a transition is a method
 * on the state it leaves and returns the state it enters, so an illegal move does not compile:
 *
 * <pre>
 * queued → checking (one or two checkers) → checked (two passes) → with-data-owner → approved → closed
 *                                          └──────────── (no approval needed) ──────────────┘
 * blocked ↔ queued from any open state; closed (released, rejected, closed, project closed) is terminal
 * </pre>
 */
public sealed interface TicketState {
  /** The name stored in the database and shown to people. */
  String name();

  Instant since();

  default boolean isOpen() {
    return !(this instanceof Closed);
  }

  /**
   * Every state but closed: each can be blocked (waiting for the researcher) or closed without
   * release.
   */
  sealed interface Open extends TicketState {
    /** The request cannot progress until the researcher answers: it leaves the queue. */
    default Blocked block(String reason, Instant at) {
      return new Blocked(at, reason);
    }

    default Closed close(String reason, Instant at) {
      return new Closed(at, reason);
    }

    /**
     * The researcher sent new files that pass intake: a blocked ticket returns to the back of the
     * queue, a queued one keeps its place, and one already being checked goes back to its checkers
     * for a new round.
     */
    default Open newSubmission(Instant at) {
      if (this instanceof Queued q) return q;
      if (this instanceof Blocked b) return b.researcherReplied(at);
      return new Checking(at);
    }
  }

  /** Checks are complete and, where needed, approved: the files may go to the researcher. */
  sealed interface Releasable extends Open {
    default Closed release(Instant at) {
      return new Closed(at, Closed.RELEASED);
    }
  }

  /** Waiting in the queue for officers; ordered by {@code since}, oldest first. */
  record Queued(Instant since) implements Open {
    public Queued {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "queued";
    }

    /** An officer takes it (or a checker who held it before its revision gives a verdict). */
    public Checking take(Instant at) {
      return new Checking(at);
    }
  }

  /** One or two officers hold it and check it independently. */
  record Checking(Instant since) implements Open {
    public Checking {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "checking";
    }

    public Checked bothPassed(Instant at) {
      return new Checked(at);
    }

    /** The checkers disagreed and the deciding checker a manager assigned passed the round. */
    public Checked deciderPassed(Instant at) {
      return new Checked(at);
    }

    /**
     * Its last checker hands it back: it waits again at the place it had in the queue, since the
     * researcher is not to blame for the delay.
     */
    public Queued handedBack(Instant queuedSince) {
      return new Queued(queuedSince);
    }
  }

  /** Two independent passes in this round. */
  record Checked(Instant since) implements Releasable {
    public Checked {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "checked";
    }

    /** For-approval projects: the checked files go to the data owners. */
    public WithDataOwner toDataOwner(Instant at) {
      return new WithDataOwner(at);
    }
  }

  /**
   * Waiting for the project's data owners to approve or deny (seed 002, "Data owner checks on
   * outputs").
   */
  record WithDataOwner(Instant since) implements Open {
    public WithDataOwner {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "with-data-owner";
    }

    public Approved approve(Instant at) {
      return new Approved(at);
    }

    /** A denial returns the ticket to its checkers, as a fail does. */
    public Checking deny(Instant at) {
      return new Checking(at);
    }
  }

  /** The data owners approved: ready for release. */
  record Approved(Instant since) implements Releasable {
    public Approved {
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String name() {
      return "approved";
    }
  }

  /** Blocked: out of the queue until the researcher replies (seed 002, "Revisions to outputs"). */
  record Blocked(Instant since, String reason) implements Open {
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
  }

  /**
   * Finished: released, rejected, closed by an officer, or closed because the project closed.
   * Terminal.
   */
  record Closed(Instant since, String reason) implements TicketState {
    public static final String RELEASED = "released";

    public Closed {
      Objects.requireNonNull(since, "since");
      reason = reason == null ? "" : reason;
    }

    @Override
    public String name() {
      return "closed";
    }

    public boolean released() {
      return reason.equals(RELEASED);
    }

    /**
     * Closed by mistake: back to the open state it was closed from ({@code before}, its stored
     * name), from {@code at}. A queued ticket takes its old place in the queue ({@code
     * queuedSince}), since the researcher is not to blame; a blocked one waits for them again.
     * Files that were released cannot be called back, so a release is never reopened.
     */
    public Open reopen(String before, Instant at, Instant queuedSince, String blockedReason) {
      if (released()) throw new IllegalStateException("a released ticket is never reopened");
      return switch (before) {
        case "checking" -> new Checking(at);
        case "checked" -> new Checked(at);
        case "with-data-owner" -> new WithDataOwner(at);
        case "approved" -> new Approved(at);
        case "blocked" -> new Blocked(at, blockedReason);
        default -> new Queued(queuedSince);
      };
    }
  }

  /** Rebuilds a state read from the database. */
  static TicketState of(String name, Instant since, String reason) {
    return switch (name) {
      case "queued" -> new Queued(since);
      case "checking" -> new Checking(since);
      case "checked" -> new Checked(since);
      case "with-data-owner" -> new WithDataOwner(since);
      case "approved" -> new Approved(since);
      case "blocked" -> new Blocked(since, reason);
      case "closed" -> new Closed(since, reason);
      default -> throw new IllegalArgumentException("unknown ticket state '" + name + "'");
    };
  }
}
