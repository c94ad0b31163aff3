package org.outputintake.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
  /** Which state this is, as stored and as the service-level clock treats it. */
  Kind kind();

  /** The name stored in the database and shown to people. */
  default String name() {
    return kind().stored();
  }

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
    default Blocked block(Blocked.Cause cause, Instant at) {
      return new Blocked(at, cause);
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
    public Kind kind() {
      return Kind.QUEUED;
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
    public Kind kind() {
      return Kind.CHECKING;
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
    public Kind kind() {
      return Kind.CHECKED;
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
    public Kind kind() {
      return Kind.WITH_DATA_OWNER;
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
    public Kind kind() {
      return Kind.APPROVED;
    }
  }

  /** Blocked: out of the queue until the researcher replies (seed 002, "Revisions to outputs"). */
  record Blocked(Instant since, Cause cause) implements Open {
    public Blocked {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(cause, "cause");
    }

    /** Why the ticket waits for its researcher; {@link #text()} is what is stored and shown. */
    public sealed interface Cause {
      String text();

      /**
       * Reads a stored reason back: an officer's request by its fixed wording, anything else as
       * what intake found (rows from before causes were typed read the same way).
       */
      static Cause of(String stored) {
        String text = stored == null ? "" : stored;
        for (OfficerRequest r : OfficerRequest.values()) {
          if (r.text().equals(text)) return r;
        }
        return new IntakeProblems(text);
      }
    }

    /**
     * An officer wrote to the researcher ({@code #revise}, {@code #ask}): any answer returns the
     * ticket to the queue.
     */
    public enum OfficerRequest implements Cause {
      REVISIONS("revisions requested"),
      QUESTION("question to the researcher");

      private final String text;

      OfficerRequest(String text) {
        this.text = text;
      }

      @Override
      public String text() {
        return text;
      }
    }

    /**
     * Intake found what stops the request (its finding codes): only a submission that passes intake
     * unblocks it.
     */
    public record IntakeProblems(String codes) implements Cause {
      public IntakeProblems {
        codes = codes == null ? "" : codes;
      }

      @Override
      public String text() {
        return codes;
      }

      /** Whether this code is among those that blocked the ticket. */
      public boolean includes(String code) {
        return Arrays.asList(codes.split(", ")).contains(code);
      }
    }

    /** The cause as stored and shown to people. */
    public String reason() {
      return cause.text();
    }

    @Override
    public Kind kind() {
      return Kind.BLOCKED;
    }

    /** The researcher answered: the ticket returns to the back of the queue. */
    public Queued researcherReplied(Instant at) {
      return new Queued(at);
    }

    /** Still wrong after the researcher's answer: blocked again, from now. */
    public Blocked stillBlocked(Cause newCause, Instant at) {
      return new Blocked(at, newCause);
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
    public Kind kind() {
      return Kind.CLOSED;
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
        case "blocked" -> new Blocked(at, Blocked.Cause.of(blockedReason));
        default -> new Queued(queuedSince);
      };
    }
  }

  /** Rebuilds a state read from the database. */
  static TicketState of(String name, Instant since, String reason) {
    Kind kind =
        Kind.of(name)
            .orElseThrow(() -> new IllegalArgumentException("unknown ticket state '" + name + "'"));
    return switch (kind) {
      case QUEUED -> new Queued(since);
      case CHECKING -> new Checking(since);
      case CHECKED -> new Checked(since);
      case WITH_DATA_OWNER -> new WithDataOwner(since);
      case APPROVED -> new Approved(since);
      case BLOCKED -> new Blocked(since, Blocked.Cause.of(reason));
      case CLOSED -> new Closed(since, reason);
    };
  }

  /** Who a ticket in a state is waiting for; the service level counts only the officers' time. */
  enum WaitingFor {
    OFFICERS,
    RESEARCHER,
    DATA_OWNER,
    NOBODY
  }

  /** The states by their stored names (one per record above). */
  enum Kind {
    QUEUED("queued", WaitingFor.OFFICERS),
    CHECKING("checking", WaitingFor.OFFICERS),
    CHECKED("checked", WaitingFor.OFFICERS),
    WITH_DATA_OWNER("with-data-owner", WaitingFor.DATA_OWNER),
    APPROVED("approved", WaitingFor.OFFICERS),
    BLOCKED("blocked", WaitingFor.RESEARCHER),
    CLOSED("closed", WaitingFor.NOBODY);

    private final String stored;
    private final WaitingFor waitingFor;

    Kind(String stored, WaitingFor waitingFor) {
      this.stored = stored;
      this.waitingFor = waitingFor;
    }

    public String stored() {
      return stored;
    }

    public WaitingFor waitingFor() {
      return waitingFor;
    }

    /**
     * The service-level clock runs only while the officers have the next move: time waiting for the
     * researcher or a data owner is not the service's.
     */
    public boolean serviceClockRuns() {
      return waitingFor == WaitingFor.OFFICERS;
    }

    public static Optional<Kind> of(String stored) {
      return Arrays.stream(values()).filter(k -> k.stored.equals(stored)).findFirst();
    }

    /** The audit event that records entering this state. */
    public AuditType.StateEntered entered() {
      return new AuditType.StateEntered(this);
    }
  }
}
