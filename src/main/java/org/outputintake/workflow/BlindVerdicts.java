package org.outputintake.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outputintake.config.WorkflowSettings;
import org.outputintake.ticket.Ticket;

/**
 * The blindness rule for what people can look at besides the bot's mail ({@code tickets show},
 * {@code tickets export}): while a verdict of the ticket's current round is still to come, nothing
 * shown may say what a verdict was. Mail is kept blind where it is composed ({@link
 * WorkflowStore#revealedVerdicts}); subjects and the audit trail never name a verdict when written
 * ({@link #neutral}); what people wrote themselves (the verdict email's text, a note quoting it) is
 * hidden when shown ({@link #mask}, {@link #hides}).
 */
public final class BlindVerdicts {
  private static final Pattern VERDICT_WORD = Pattern.compile("(?i)#(pass|fail)\\b");

  /** What a verdict command is called where others may read it. */
  public static final String NEUTRAL_NAME = "verdict";

  private final boolean awaited;
  private final boolean lone;

  private BlindVerdicts(boolean awaited, boolean lone) {
    this.awaited = awaited;
    this.lone = lone;
  }

  public static BlindVerdicts of(Connection c, Ticket t, WorkflowSettings.Checkers counts)
      throws SQLException {
    boolean awaited =
        t.state().isOpen()
            && WorkflowStore.verdictCount(c, t.idText(), t.round())
                < WorkflowStore.checksNeeded(counts, t);
    return new BlindVerdicts(awaited, awaited && WorkflowStore.hasLoneVerdict(c, t, counts));
  }

  /** Whether a verdict of the current round is still to come: what is shown must not name one. */
  public boolean awaited() {
    return awaited;
  }

  /**
   * Whether a verdict whose round is incomplete is recorded while the current round's verdicts are
   * awaited: the ticket's full record (its verdicts, the verdict's email, its confirmation) would
   * show it.
   */
  public boolean lone() {
    return lone;
  }

  /** {@code text} with every {@code #pass}/{@code #fail} made {@code #pass/#fail} while awaited. */
  public String mask(String text) {
    if (!awaited || text == null) return text;
    return VERDICT_WORD.matcher(text).replaceAll("#pass/#fail");
  }

  /** Whether an email's new text is a verdict command that must not be shown now. */
  public boolean hides(String newText) {
    return awaited && isVerdict(ParsedCommand.parse(newText).map(ParsedCommand::name));
  }

  /** {@code text} with no verdict named: for subjects and the audit trail, as written. */
  public static String neutral(String text) {
    return text == null ? null : VERDICT_WORD.matcher(text).replaceAll(NEUTRAL_NAME);
  }

  static boolean isVerdict(Optional<String> commandName) {
    return commandName.filter(n -> n.equals("pass") || n.equals("fail")).isPresent();
  }
}
