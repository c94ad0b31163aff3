package org.outputintake.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outputintake.config.ConfigException;

/**
 * The storage directories, checked at start: otherwise the first request would fail, and every one
 * after it.
 */
final class WritableDirs {
  private WritableDirs() {}

  /**
   * {@code dir}, created if need be.
   *
   * @param key the {@code storage.} key that names it, for the message
   * @throws ConfigException when the bot's user cannot create or write it
   */
  static Path require(Path dir, String key) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException(
          "storage."
              + key
              + " is '"
              + dir
              + "', which cannot be created ("
              + ConfigException.reason(e)
              + "): set it to a directory the bot's user can write",
          e);
    }
    if (!Files.isWritable(dir))
      throw new ConfigException(
          "storage."
              + key
              + " is '"
              + dir
              + "', which the bot's user cannot write: change its owner or set another directory");
    return dir;
  }
}
