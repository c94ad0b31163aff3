package org.outputintake.mail;

/** The message cannot be understood well enough to act on; it is quarantined with this reason. */
public class MalformedMessageException extends Exception {
  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
