package org.outputintake.mail.oauth2;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.outputintake.config.OAuth2Settings;

/**
 * Google Workspace: a service account with domain-wide delegation signs a JWT that impersonates the
 * support mailbox (the server's username) and exchanges it for a Gmail token, through Google's auth
 * library. The key file's {@code token_uri} is used unless {@code token-url} says otherwise.
 */
final class GoogleTokens implements TokenSource {
  private final OAuth2Settings settings;
  private final ServiceAccountCredentials credentials;

  GoogleTokens(OAuth2Settings settings, String mailbox) throws TokenUnavailable {
    this.settings = settings;
    ServiceAccountCredentials.Builder b;
    try (InputStream in = Files.newInputStream(settings.keyFile())) {
      b = ServiceAccountCredentials.fromStream(in).toBuilder();
    } catch (IOException | RuntimeException e) {
      throw new TokenUnavailable(
          TokenUnavailable.Cause.REFUSED,
          settings.section()
              + ".key-file names "
              + settings.keyFile()
              + ", which is not a readable service account key (JSON, type service_account)",
          e);
    }
    b.setScopes(List.of(settings.scope())).setServiceAccountUser(mailbox);
    if (settings.tokenUrl() != null && !settings.tokenUrl().isBlank())
      b.setTokenServerUri(URI.create(settings.tokenUrl()));
    this.credentials = b.build();
  }

  @Override
  public AccessToken fetch() throws TokenUnavailable {
    try {
      com.google.auth.oauth2.AccessToken t = credentials.refreshAccessToken();
      return new AccessToken(t.getTokenValue(), t.getExpirationTime().toInstant());
    } catch (IOException e) {
      HttpResponseException answer = answer(e);
      if (answer != null && answer.getStatusCode() >= 400 && answer.getStatusCode() < 500)
        throw new TokenUnavailable(
            TokenUnavailable.Cause.REFUSED,
            settings.section()
                + ": Google refused the service account ("
                + ProviderAnswers.error(answer.getStatusCode(), answer.getContent())
                + "): check "
                + settings.credentialKeys()
                + " and that the Workspace admin console grants its client ID the scope "
                + settings.scope(),
            e);
      throw new TokenUnavailable(
          TokenUnavailable.Cause.UNREACHABLE,
          settings.section()
              + ": no token from "
              + credentials.getTokenServerUri()
              + " ("
              + (answer != null ? "HTTP " + answer.getStatusCode() : e.getClass().getSimpleName())
              + ")",
          e);
    }
  }

  private static HttpResponseException answer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause())
      if (t instanceof HttpResponseException h) return h;
    return null;
  }
}
