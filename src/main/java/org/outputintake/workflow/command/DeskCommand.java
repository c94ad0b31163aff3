package org.outputintake.workflow.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outputintake.sla.ServiceLevel;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketId;
import org.outputintake.ticket.TicketRepository;
import org.outputintake.workflow.DecidingChecker;
import org.outputintake.workflow.DeskViews;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;
import org.outputintake.workflow.WorkflowContext;

/**
 * The desk by email: {@code #queue}, {@code #mine}, {@code #show STATS…}, {@code #find words}. Each
 * only looks, so it changes no ticket and works from any thread or a new email; what it shows is
 * {@link DeskViews}', the same as the terminal's.
 */
public final class DeskCommand implements OfficerCommand {
  /** Which look at the desk. */
  public enum View {
    QUEUE("queue", "#queue           the queue: positions, ages, checkers, tickets needing one"),
    MINE("mine", "#mine            the tickets you hold, with the next step for each"),
    SHOW("show", "#show STATS...   a ticket's summary, as tickets show gives it"),
    FIND("find", "#find words      tickets by researcher, project, folder, file name or text");

    private final String word;
    private final String help;

    View(String word, String help) {
      this.word = word;
      this.help = help;
    }
  }

  /** Most tickets {@code #find} lists in an email. */
  static final int FOUND_IN_MAIL = 20;

  private final View view;

  public DeskCommand(View view) {
    this.view = view;
  }

  /** The view named {@code name} (without {@code #}), if it is one. */
  public static Optional<View> view(String name) {
    return Arrays.stream(View.values()).filter(v -> v.word.equals(name)).findFirst();
  }

  @Override
  public String name() {
    return view.word;
  }

  @Override
  public String help() {
    return view.help;
  }

  @Override
  public boolean forManagersToo() {
    return true;
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    return new Done(
        String.join(
            "\n", lines(inv.c(), inv.ctx(), inv.sender(), view, inv.command().text(), inv.now())),
        null);
  }

  /** The view's lines for {@code sender}, in the caller's transaction; refused when misused. */
  public static List<String> lines(
      Connection c, WorkflowContext ctx, String sender, View view, String text, Instant now)
      throws SQLException {
    TicketRepository tickets = ctx.tickets();
    DeskViews desk = new DeskViews(c, tickets, ctx.config().workflow().checkers());
    // the first line only: a signature below the command is no search word
    String words = text == null ? "" : text.strip().lines().findFirst().orElse("");
    switch (view) {
      case QUEUE:
        return desk.queue(now);
      case MINE:
        return desk.heldBy(sender);
      case SHOW:
        Optional<TicketId> id = TicketId.findInText(words, ctx.config().tickets().allPrefixes());
        if (id.isEmpty())
          throw new Refused("#show needs a ticket id after the command, such as #show STATS12345");
        Optional<Ticket> t = tickets.find(c, id.get().toString());
        if (t.isEmpty()) throw new Refused("there is no ticket " + id.get());
        if (DecidingChecker.stillBlind(c, t.get(), sender)) {
          // the summary lists the round's two verdicts, which its deciding checker must not see
          throw new Refused(
              "you are the deciding checker of "
                  + id.get()
                  + "'s check round "
                  + t.get().round()
                  + ": its summary shows the checkers' verdicts, which reach you once yours is in");
        }
        return desk.summary(t.get(), new ServiceLevel(ctx.config().sla()), now);
      case FIND:
        List<String> list =
            Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank())
                .toList();
        if (list.isEmpty())
          throw new Refused(
              "#find needs words after the command: a researcher, project, folder, file name or"
                  + " text");
        return desk.search(list, FOUND_IN_MAIL);
    }
    throw new IllegalStateException("unknown view " + view);
  }
}
