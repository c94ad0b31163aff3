package org.outputintake.config;

/** A configuration problem, worded so an operator knows which key to change and how. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
