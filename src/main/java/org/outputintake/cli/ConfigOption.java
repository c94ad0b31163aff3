package org.outputintake.cli;

import java.nio.file.Path;
import org.outputintake.config.ConfigLoader;
import org.outputintake.config.IntakeConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command that reads the configuration. */
final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      defaultValue = "config/intake.yaml",
      description = "configuration file (default: ${DEFAULT-VALUE})")
  Path config;

  IntakeConfig load() {
    return ConfigLoader.fromSystemEnvironment().load(config);
  }
}
