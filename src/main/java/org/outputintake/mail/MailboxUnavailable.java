package org.outputintake.mail;

/**
 * The mailbox server could not be reached or refused what was asked: the whole poll's problem,
 * never one message's. Callers above the mail adapter see this instead of the mail library's own
 * exceptions.
 */
public final class MailboxUnavailable extends Exception {
  public MailboxUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  /** The server refused the login: the operator's to fix, and not to be retried at once. */
  public boolean loginRefused() {
    return getCause() instanceof jakarta.mail.AuthenticationFailedException;
  }
}
