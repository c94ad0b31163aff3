package org.outputintake.mail.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one server's access token and asks its provider for a new one a little before it expires (a
 * fifth of its lifetime, at most five minutes), or at once when the mail server refused it. The
 * token itself is never logged: only its expiry is.
 */
public final class CachedAccessTokens implements AccessTokens {
  private static final Logger LOG = LoggerFactory.getLogger(CachedAccessTokens.class);
  static final Duration MAX_MARGIN = Duration.ofMinutes(5);

  private final String section;
  private final TokenSource source;
  private final Clock clock;
  private AccessToken token;
  private Instant fetchedAt;
  private OAuth2Status.State state = OAuth2Status.State.NOT_YET;
  private String problem;

  /**
   * @param section the configuration section the token's settings came from, for the log
   */
  public CachedAccessTokens(String section, TokenSource source, Clock clock) {
    this.section = section;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public synchronized String current() throws TokenUnavailable {
    if (token != null && clock.instant().isBefore(renewAt())) return token.value();
    try {
      return fetch().value();
    } catch (TokenUnavailable e) {
      // an endpoint that is down for a moment need not stop logins while the old token still works
      if (e.why() == TokenUnavailable.Cause.UNREACHABLE
          && token != null
          && clock.instant().isBefore(token.expiresAt())) {
        LOG.warn(
            "{}: could not renew the access token ({}); using the current one until {}",
            section,
            e.getMessage(),
            token.expiresAt());
        return token.value();
      }
      throw e;
    }
  }

  @Override
  public synchronized String renewed(String rejected) throws TokenUnavailable {
    if (token != null && !token.value().equals(rejected) && clock.instant().isBefore(renewAt()))
      return token.value();
    LOG.info("{}: the mail server refused the access token; asking for a new one", section);
    token = null;
    return fetch().value();
  }

  @Override
  public synchronized Instant renewAt() {
    if (token == null) return Instant.MIN;
    Duration life = Duration.between(fetchedAt, token.expiresAt());
    Duration margin = life.dividedBy(5);
    if (margin.compareTo(MAX_MARGIN) > 0) margin = MAX_MARGIN;
    if (margin.isNegative()) margin = Duration.ZERO;
    return token.expiresAt().minus(margin);
  }

  private AccessToken fetch() throws TokenUnavailable {
    try {
      AccessToken fresh = source.fetch();
      token = fresh;
      fetchedAt = clock.instant();
      state = OAuth2Status.State.OK;
      problem = null;
      LOG.info("{}: new access token, valid until {}", section, fresh.expiresAt());
      return fresh;
    } catch (TokenUnavailable e) {
      state =
          e.why() == TokenUnavailable.Cause.REFUSED
              ? OAuth2Status.State.REFUSED
              : OAuth2Status.State.UNREACHABLE;
      problem = e.getMessage();
      throw e;
    } catch (RuntimeException e) {
      // a provider library's own failure: an outage to wait out, never a crash of the poll
      state = OAuth2Status.State.UNREACHABLE;
      problem = section + ": the token request failed: " + e.getClass().getSimpleName();
      throw new TokenUnavailable(TokenUnavailable.Cause.UNREACHABLE, problem, e);
    }
  }

  @Override
  public synchronized void loginRefused(String why) {
    state = OAuth2Status.State.REFUSED;
    problem = why;
  }

  @Override
  public synchronized void loginSucceeded() {
    state = OAuth2Status.State.OK;
    problem = null;
  }

  @Override
  public synchronized OAuth2Status status() {
    return new OAuth2Status(
        section,
        state,
        Optional.ofNullable(token).map(AccessToken::expiresAt),
        Optional.ofNullable(problem));
  }
}
