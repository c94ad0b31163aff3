package org.outputintake.mail.oauth2;

/** One provider's way of obtaining a fresh access token; caching is {@link AccessTokens}'s. */
@FunctionalInterface
public interface TokenSource {
  /** A new token, never one from a cache: it is asked for when the last one was refused. */
  AccessToken fetch() throws TokenUnavailable;
}
