package org.outputintake.mail.oauth2;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a health check may say about a server's OAuth2 login, without the token itself.
 *
 * @param expiresAt when the token in hand stops working (empty before the first one)
 * @param problem the last failure, naming the keys to check (empty when none)
 */
public record OAuth2Status(
    String section, State state, Optional<Instant> expiresAt, Optional<String> problem) {

  /** Where the login stands. */
  public enum State {
    /** No token asked for yet. */
    NOT_YET,
    /** A token is in hand and the last login with it succeeded or is yet to be tried. */
    OK,
    /** The provider or the mail server refused: the operator's to fix. */
    REFUSED,
    /** The token endpoint could not be reached: waited out with the usual back-off. */
    UNREACHABLE
  }

  public OAuth2Status {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(state, "state");
    expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    problem = problem == null ? Optional.empty() : problem;
  }

  public boolean healthy() {
    return state == State.OK || state == State.NOT_YET;
  }
}
