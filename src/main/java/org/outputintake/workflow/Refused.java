package org.outputintake.workflow;

/**
 * A command that cannot be applied now, with the reason in words for the officer. Thrown from a
 * command and turned into a private reply in one place ({@link StaffCommands}); nothing the command
 * wrote is kept.
 */
public final class Refused extends RuntimeException {
  public Refused(String reason) {
    super(reason);
  }
}
