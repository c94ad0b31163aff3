package org.outputintake.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outputintake.ticket.Ticket;
import org.outputintake.workflow.command.AssignCommand;
import org.outputintake.workflow.command.CloseCommand;
import org.outputintake.workflow.command.CompleteCommand;
import org.outputintake.workflow.command.ConfirmationsCommand;
import org.outputintake.workflow.command.DeskCommand;
import org.outputintake.workflow.command.DropCommand;
import org.outputintake.workflow.command.NextCommand;
import org.outputintake.workflow.command.NoteCommand;
import org.outputintake.workflow.command.OwnerCommand;
import org.outputintake.workflow.command.OwnerDecisionCommand;
import org.outputintake.workflow.command.ReleaseCommand;
import org.outputintake.workflow.command.ReopenCommand;
import org.outputintake.workflow.command.ReplyCommand;
import org.outputintake.workflow.command.ResearcherMessageCommand;
import org.outputintake.workflow.command.TakeCommand;
import org.outputintake.workflow.command.UnassignCommand;
import org.outputintake.workflow.command.VerdictCommand;

/**
 * The staff commands by name: which exist, who may give each, which apply to a ticket now, and
 * which one a mistyped name was meant to be.
 */
final class CommandRegistry {
  private final Map<String, OfficerCommand> commands = new LinkedHashMap<>();

  CommandRegistry(OfficerNotifier notifier) {
    for (OfficerCommand cmd :
        List.of(
            new TakeCommand(),
            new DropCommand(),
            new NextCommand((inv, t, officer) -> notifier.toOne(inv.c(), t, officer, inv.now())),
            new VerdictCommand(VerdictCommand.Verdict.PASS),
            new VerdictCommand(VerdictCommand.Verdict.FAIL),
            new ResearcherMessageCommand(ResearcherMessageCommand.Purpose.REVISE),
            new ResearcherMessageCommand(ResearcherMessageCommand.Purpose.ASK),
            new NoteCommand(),
            new OwnerCommand(),
            new OwnerDecisionCommand(OwnerDecisionCommand.Decision.APPROVE),
            new OwnerDecisionCommand(OwnerDecisionCommand.Decision.DENY),
            new ReleaseCommand(),
            new CompleteCommand(),
            new CloseCommand(CloseCommand.Closing.REJECT),
            new CloseCommand(CloseCommand.Closing.CLOSE),
            new UnassignCommand(),
            new AssignCommand(),
            new ReopenCommand(),
            new DeskCommand(DeskCommand.View.QUEUE),
            new DeskCommand(DeskCommand.View.MINE),
            new DeskCommand(DeskCommand.View.SHOW),
            new DeskCommand(DeskCommand.View.FIND),
            new ReplyCommand(),
            new ConfirmationsCommand())) {
      commands.put(cmd.name(), cmd);
    }
  }

  /**
   * The command on the first line of {@code newText}: {@code #pass}, or {@code # pass} with a
   * space, which is as plainly an attempt at {@code #pass}.
   */
  Optional<ParsedCommand> parse(String newText) {
    return ParsedCommand.parse(newText).or(() -> ParsedCommand.spaced(newText, commands.keySet()));
  }

  /** The commands named on lines after the first, where none is read. */
  List<String> laterCommands(String newText) {
    return ParsedCommand.laterCommands(newText, commands.keySet());
  }

  /** The command named {@code name} (without {@code #}), if the desk has one. */
  Optional<OfficerCommand> find(String name) {
    return Optional.ofNullable(commands.get(name));
  }

  /**
   * " (did you mean #pass?)" for a command one or two keystrokes away from a real one ({@code
   * #pas}, {@code #relase}); nothing when none is that close, so a guess is never offered as a
   * fact.
   */
  String didYouMean(String typed) {
    String best = null;
    int bestDistance = 3;
    for (String name : commands.keySet()) {
      int d = editDistance(typed.toLowerCase(java.util.Locale.ROOT), name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean #" + best + "?)";
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /**
   * Who may give which command, from the roles alone: officers the desk's commands, data owners
   * theirs, managers {@code #unassign}. A command's own guards refine this (the data owner of this
   * project, a checker of this ticket).
   */
  static void authorise(OfficerCommand command, Set<Role> roles) {
    String name = "#" + command.name();
    if (command.forManagers()) {
      if (!roles.contains(Role.MANAGER)) {
        throw new Refused(
            "only the managers (staff.managers) can use "
                + name
                + (roles.contains(Role.OFFICER)
                    ? "; to hand back your own check, use #drop and your reason"
                    : ""));
      }
      return;
    }
    if (roles.contains(Role.OFFICER) || command.forDataOwners()) return;
    if (command.forManagersToo() && roles.contains(Role.MANAGER)) return;
    if (Role.managerOnly(roles)) {
      throw new Refused(
          "managers may only use #unassign (free the slot of a checker who is away: #unassign,"
              + " the officer's address and your reason), #assign (give a ticket a checker, or a"
              + " deciding third checker when the two disagree), #reopen (a ticket closed by"
              + " mistake) and the desk's views (#queue, #mine, #show, #find); "
              + name
              + " is for the output checking officers");
    }
    throw new Refused("only the output checking officers can use " + name);
  }

  /** The commands this sender may give that can apply to a ticket in {@code state}. */
  List<String> help(Set<Role> roles, Ticket t) {
    List<String> lines = new ArrayList<>();
    boolean officer = roles.contains(Role.OFFICER);
    for (OfficerCommand cmd : commands.values()) {
      if (!cmd.appliesIn(t.state()) || !cmd.appliesTo(t.kind())) continue;
      boolean mine =
          cmd.forManagers() || (cmd.forManagersToo() && !officer)
              ? roles.contains(Role.MANAGER)
              : cmd.forDataOwners() ? !officer && roles.contains(Role.DATA_OWNER) : officer;
      if (mine) lines.add(cmd.help());
    }
    // #help from a manager who is neither officer nor data owner is not read as a command
    if (officer || roles.contains(Role.DATA_OWNER))
      lines.add("#help            this list and the ticket's state");
    return lines;
  }
}
