package org.outputintake.mail.oauth2;

/**
 * No access token could be had. Either the provider refused the bot's credentials (the operator's
 * to fix: the message carries the provider's own error and names the keys to check) or the token
 * endpoint could not be reached (an outage to wait out). Neither is ever a message's fault.
 */
public final class TokenUnavailable extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why no token came. */
  public enum Cause {
    /** The provider answered and said no (a wrong or expired secret, a disabled app). */
    REFUSED,
    /** The provider could not be reached or failed (a network error, a 5xx). */
    UNREACHABLE
  }

  private final Cause cause;

  public TokenUnavailable(Cause cause, String message, Throwable error) {
    super(message, error);
    this.cause = cause;
  }

  public Cause why() {
    return cause;
  }
}
