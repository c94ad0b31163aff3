package org.outputintake.workflow;

import java.sql.SQLException;
import java.util.List;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketState;

/**
 * One command of the officers' (or data owners') mail interface. Each is a small class; {@link
 * StaffCommands} parses once, dispatches once, and turns every {@link Refused} into a reply.
 */
public interface OfficerCommand {
  /** The word after {@code #}. */
  String name();

  /** One line for the help text. */
  String help();

  /** Data owners' commands are the only ones a data owner may give. */
  default boolean forDataOwners() {
    return false;
  }

  /**
   * A manager's command ({@code staff.managers}): the only kind a manager who is not an officer may
   * give, and one no officer may give unless also a manager.
   */
  default boolean forManagers() {
    return false;
  }

  /**
   * A look at the desk that changes nothing ({@code #queue}, {@code #show} …): the managers may
   * give it as well as the officers.
   */
  default boolean forManagersToo() {
    return false;
  }

  /**
   * A decision about the files (a verdict, {@code #owner}, {@code #approve}, {@code #deny}, {@code
   * #release}): it must answer a bot email of the ticket's current check round ({@link SeenRound}).
   */
  default boolean decision() {
    return false;
  }

  /**
   * Whether the command can apply to a ticket in {@code state}: the help lists only those, so an
   * officer is never offered {@code #release} on a queued ticket. The command's own guards still
   * decide.
   */
  default boolean appliesIn(TicketState state) {
    return true;
  }

  /**
   * Whether the command serves tickets of {@code kind}: {@code #release} outputs, {@code #complete}
   * ingests and transfers. The help lists only those; the command's own guards still refuse the
   * others, naming the command that applies.
   */
  default boolean appliesTo(RequestKind kind) {
    return true;
  }

  /** Applies the command in the caller's transaction and says what happened and what comes next. */
  Done apply(Invocation inv) throws SQLException;

  /**
   * What the confirmation says, and the files it carries ({@code #take}: the submission, each with
   * its recorded SHA-256).
   */
  record Done(String summary, String next, List<OutgoingMail.FileRef> attachments) {
    public Done {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Done(String summary, String next) {
      this(summary, next, List.of());
    }
  }
}
