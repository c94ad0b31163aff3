package org.outputintake.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.outputintake.config.Server;
import org.outputintake.mail.oauth2.AccessTokens;
import org.outputintake.mail.oauth2.CachedAccessTokens;
import org.outputintake.mail.oauth2.OAuth2Status;
import org.outputintake.mail.oauth2.TokenSources;
import org.outputintake.mail.oauth2.TokenUnavailable;

/**
 * Logs a store or transport in to one server: with its password, or with an OAuth2 access token the
 * bot obtains itself ({@code auth: oauth2}). A token the server refuses may have expired or been
 * revoked early, so it is renewed once at once and the login tried once more; a second refusal is a
 * refused login like a wrong password (the login back-off, one log line naming the keys).
 */
public final class MailLogin {
  private final Server server;
  private final String serverKey;
  private final AccessTokens tokens;
  private final Clock clock;

  private MailLogin(Server server, String serverKey, AccessTokens tokens, Clock clock) {
    this.server = server;
    this.serverKey = serverKey;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * @param serverKey the server's configuration key ({@code mailbox.imap}), for messages
   */
  public static MailLogin of(Server server, String serverKey, Clock clock) {
    if (!server.usesOAuth2()) return new MailLogin(server, serverKey, null, clock);
    return new MailLogin(
        server,
        serverKey,
        new CachedAccessTokens(
            server.oauth2().section(),
            TokenSources.of(server.oauth2(), server.username(), clock),
            clock),
        clock);
  }

  /**
   * The login for another server of the same mailbox (SMTP beside IMAP): when both name the same
   * OAuth2 settings and user, they share one token, fetched once and renewed once.
   */
  public MailLogin sharedWith(Server other, String otherKey) {
    if (tokens != null
        && other.usesOAuth2()
        && other.oauth2().equals(server.oauth2())
        && other.username().equals(server.username()))
      return new MailLogin(other, otherKey, tokens, clock);
    return of(other, otherKey, clock);
  }

  public Server server() {
    return server;
  }

  /**
   * Connects and logs in.
   *
   * @throws AuthenticationFailedException the login was refused, its message naming the keys to
   *     check ({@link OAuth2Refused} when the token's settings are the ones to check)
   * @throws MessagingException the server or the token endpoint could not be reached
   */
  public void connect(Service service) throws MessagingException {
    if (tokens == null) {
      if (server.hasCredentials())
        service.connect(server.host(), server.port(), server.username(), server.password());
      else service.connect();
      return;
    }
    String token = token(tokens::current);
    try {
      service.connect(server.host(), server.port(), server.username(), token);
    } catch (AuthenticationFailedException refused) {
      String fresh = token(() -> tokens.renewed(token));
      try {
        service.connect(server.host(), server.port(), server.username(), fresh);
      } catch (AuthenticationFailedException again) {
        OAuth2Refused e =
            new OAuth2Refused(
                serverKey
                    + " refused the OAuth2 token for "
                    + server.username()
                    + " ("
                    + String.valueOf(again.getMessage()).strip()
                    + "): check that "
                    + serverKey
                    + ".username is the mailbox's address and that the app may use it ("
                    + permissionHint()
                    + ")",
                again);
        tokens.loginRefused(e.getMessage());
        throw e;
      }
    }
    tokens.loginSucceeded();
  }

  private String permissionHint() {
    return switch (server.oauth2().provider()) {
      case MICROSOFT ->
          "IMAP.AccessAsApp / SMTP.SendAsApp with admin consent, the Exchange service principal"
              + " and Add-MailboxPermission";
      case GOOGLE -> "domain-wide delegation of the scope " + server.oauth2().scope();
      case CLIENT_CREDENTIALS, REFRESH_TOKEN -> server.oauth2().section() + ".scope";
    };
  }

  private interface TokenCall {
    String get() throws TokenUnavailable;
  }

  /** The token, or the failure as the mail library's: the callers' back-off handles both. */
  private static String token(TokenCall call) throws MessagingException {
    try {
      return call.get();
    } catch (TokenUnavailable e) {
      if (e.why() == TokenUnavailable.Cause.REFUSED) throw new OAuth2Refused(e.getMessage(), e);
      MessagingException down = new MessagingException(e.getMessage(), e);
      throw down;
    }
  }

  /**
   * When a connection logged in now should log in again with a renewed token (empty for a
   * password): the server may end a session whose token has lapsed.
   */
  public Optional<Instant> renewAt() {
    return tokens == null ? Optional.empty() : Optional.of(tokens.renewAt());
  }

  /**
   * Whether a session that logged in when {@link #renewAt()} said {@code renewAt} should now log in
   * again.
   */
  public boolean sessionDue(Optional<Instant> renewAt) {
    return renewAt.isPresent() && !clock.instant().isBefore(renewAt.get());
  }

  /** How long until a session that logged in at {@code renewAt} should log in again. */
  public Optional<java.time.Duration> timeUntil(Optional<Instant> renewAt) {
    return renewAt.map(
        at -> {
          java.time.Duration d = java.time.Duration.between(clock.instant(), at);
          return d.isNegative() ? java.time.Duration.ZERO : d;
        });
  }

  /** The OAuth2 side of this login, for a health check (empty for a password). */
  public Optional<OAuth2Status> status() {
    return tokens == null ? Optional.empty() : Optional.of(tokens.status());
  }

  /**
   * A login refused because of the OAuth2 settings or the app's permissions: its message already
   * names the keys to check, which are not the password's.
   */
  public static final class OAuth2Refused extends AuthenticationFailedException {
    private static final long serialVersionUID = 1L;

    OAuth2Refused(String message, Exception cause) {
      super(message, cause);
    }
  }
}
