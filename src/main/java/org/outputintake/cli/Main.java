package org.outputintake.cli;

import org.outputintake.config.ConfigException;
import org.outputintake.project.ProjectRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code java -jar target/output-intake.jar COMMAND}. */
@Command(
    name = "output-intake",
    mixinStandardHelpOptions = true,
    version = "Output Intake 0.1",
    description = "Email intake bot for output checking in Trusted Research Environments.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      TicketsCommand.class,
      OutboxCommand.class,
      CheckCommand.class,
      DigestCommand.class,
      DatabaseCommand.class,
      StatusCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line as a user would, returning the exit code (tests call this). */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, line, parseResult) -> {
          if (ex instanceof ConfigException
              || ex instanceof ProjectRegistry.RegistryException
              || ex instanceof IllegalArgumentException) {
            line.getErr().println("error: " + ex.getMessage());
            return 2;
          }
          line.getErr().println("error: " + ex);
          return 3;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
