package org.outputintake.backoff;

/**
 * The mail server refused the bot's login: the operator's to fix (a username or password), never a
 * message's fault, and not to be retried at once (see {@link LoginBackoff}).
 */
public final class LoginRefused extends Exception {
  private static final long serialVersionUID = 1L;

  public LoginRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
