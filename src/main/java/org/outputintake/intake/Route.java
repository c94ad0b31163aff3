package org.outputintake.intake;

import java.util.Objects;
import java.util.Optional;
import org.outputintake.mail.BounceReader;
import org.outputintake.project.Project;
import org.outputintake.scan.Finding;
import org.outputintake.ticket.Ticket;

/**
 * What an email is, decided by {@link Router#decide} before anything is written: one record per
 * outcome. Deciding apart from recording lets the early review ({@link ReviewAhead}) ask the same
 * question the message's turn asks, so the two cannot drift apart.
 */
sealed interface Route {

  /** A delivery report about one of our replies; never answered. */
  record Bounce(BounceReader.Bounce report, Optional<Ticket> thread) implements Route {
    public Bounce {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(thread, "thread");
    }
  }

  /**
   * Mail for a ticket: in its thread, tagged by someone on it, or naming it in staff's own text.
   *
   * @param noReply why the sender must not be answered, when they must not
   */
  record OnTicket(Ticket ticket, Optional<String> noReply) implements Route {
    public OnTicket {
      Objects.requireNonNull(ticket, "ticket");
      Objects.requireNonNull(noReply, "noReply");
    }
  }

  /** Automatic mail in no ticket's thread: stored, never answered (a reply could start a loop). */
  record Automatic(String reason) implements Route {
    public Automatic {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** An officer's command written outside any ticket. */
  record OfficerCommand() implements Route {}

  /**
   * Staff mail that names no ticket: its sender is told where to write.
   *
   * @param answered the kind of the bot's staff email it answers, if it answers one
   */
  record StaffNoTicket(Optional<String> answered) implements Route {
    public StaffNoTicket {
      Objects.requireNonNull(answered, "answered");
    }
  }

  /** A reply to a refusal, with no files: it is for a person, so staff keep it. */
  record ReplyToRefusal() implements Route {}

  /** A researcher's request the site's mail server does not vouch for. */
  record Unauthenticated(String reason) implements Route {
    public Unauthenticated {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A request from someone who may not ask for this project (or for no project we know). */
  record Refused(SubjectParser.Valid subject, Finding refusal) implements Route {
    public Refused {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(refusal, "refusal");
    }
  }

  /** A new request that opens a ticket. */
  record NewRequest(SubjectParser.Valid subject, Project project) implements Route {
    public NewRequest {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(project, "project");
    }
  }

  /** A researcher's email whose subject is no request: answered with the subject help. */
  record SubjectHelp(SubjectParser.Invalid subject) implements Route {
    public SubjectHelp {
      Objects.requireNonNull(subject, "subject");
    }
  }
}
