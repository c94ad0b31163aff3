package org.outputintake.cli;

import picocli.CommandLine.Command;

/** Placeholder replaced by the scan engine's command. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Scan files for disclosure risks.")
public final class CheckCommand implements Runnable {
  @Override
  public void run() {}
}
