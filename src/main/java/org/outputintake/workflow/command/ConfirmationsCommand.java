package org.outputintake.workflow.command;

import java.sql.SQLException;
import org.outputintake.workflow.Confirmations;
import org.outputintake.workflow.Invocation;
import org.outputintake.workflow.OfficerCommand;
import org.outputintake.workflow.Refused;

/**
 * {@code #confirmations all} or {@code #confirmations errors-only}: the officer's own choice of
 * mail volume. Changes no ticket; authenticated like every staff command.
 */
public final class ConfirmationsCommand implements OfficerCommand {
  @Override
  public String name() {
    return "confirmations";
  }

  @Override
  public String help() {
    return "#confirmations errors-only | all   your confirmations: only refusals and errors, or every one";
  }

  @Override
  public Done apply(Invocation inv) throws SQLException {
    inv.requireOfficer();
    String word = inv.command().text().lines().findFirst().orElse("");
    Confirmations choice =
        Confirmations.of(word)
            .orElseThrow(
                () ->
                    new Refused(
                        "write #confirmations errors-only (only refusals and errors are sent) or"
                            + " #confirmations all (every command is confirmed)"));
    choice.saveFor(inv.c(), inv.sender(), inv.now());
    return new Done(
        choice == Confirmations.ALL
            ? "Every command you give is confirmed from now on."
            : "From now on a command that works is not confirmed: you get only refusals (\"Not"
                + " done\"), warnings, and the answers to #take, #next, #queue, #mine, #show,"
                + " #find and #help.",
        "#confirmations all (or errors-only) changes it again, from any thread.");
  }
}
