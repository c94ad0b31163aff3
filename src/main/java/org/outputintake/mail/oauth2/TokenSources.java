package org.outputintake.mail.oauth2;

import java.time.Clock;
import org.outputintake.config.OAuth2Settings;

/** The provider the settings name, behind the one {@link TokenSource} interface. */
public final class TokenSources {
  private TokenSources() {}

  /**
   * @param mailbox the mailbox the token is for (Google's service account impersonates it)
   */
  public static TokenSource of(OAuth2Settings settings, String mailbox, Clock clock) {
    // built at the first fetch: a key file that cannot be read is the login's failure, with the
    // login's back-off and log line, and is read again at the next attempt
    return new TokenSource() {
      private TokenSource built;

      @Override
      public synchronized AccessToken fetch() throws TokenUnavailable {
        if (built == null) built = build(settings, mailbox, clock);
        return built.fetch();
      }
    };
  }

  private static TokenSource build(OAuth2Settings settings, String mailbox, Clock clock)
      throws TokenUnavailable {
    return switch (settings.provider()) {
      case MICROSOFT -> new MicrosoftTokens(settings);
      case GOOGLE -> new GoogleTokens(settings, mailbox);
      case CLIENT_CREDENTIALS, REFRESH_TOKEN -> new TokenEndpoint(settings, clock);
    };
  }
}
