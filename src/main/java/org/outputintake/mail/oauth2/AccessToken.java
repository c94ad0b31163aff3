package org.outputintake.mail.oauth2;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it stops working. Its text is a credential: {@link #toString()} never
 * shows it, so a token in a log argument by mistake still prints nothing usable.
 */
public record AccessToken(String value, Instant expiresAt) {
  public AccessToken {
    if (value == null || value.isBlank())
      throw new IllegalArgumentException("the token endpoint answered without an access token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessToken[expires " + expiresAt + "]";
  }
}
