package org.outputintake.mail.oauth2;

import java.time.Instant;

/**
 * The port the mail logins use to get an OAuth2 access token: cached, and renewed before it
 * expires, so a login never presents a token about to lapse.
 */
public interface AccessTokens {
  /** A token good for a while yet: the cached one, or a new one when it is near its expiry. */
  String current() throws TokenUnavailable;

  /**
   * A new token after the mail server refused {@code rejected} (expired or revoked early). When
   * another login has already replaced it, that newer token is returned without asking again.
   */
  String renewed(String rejected) throws TokenUnavailable;

  /**
   * When a connection logged in with the current token should log in again: a little before the
   * token expires, as the server may drop a session whose token has lapsed.
   */
  Instant renewAt();

  /** A login with the current token was refused even after renewal: for the health report. */
  void loginRefused(String problem);

  /** A login with the current token succeeded. */
  void loginSucceeded();

  OAuth2Status status();
}
