package org.outputintake.mail.oauth2;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.outputintake.config.OAuth2Settings;

/**
 * Microsoft 365 app-only tokens (the client-credentials grant of Entra ID) through MSAL4J, with a
 * client secret or a certificate. MSAL's own token cache is skipped: {@link CachedAccessTokens}
 * decides when a new token is needed, and after a refusal it must really be new.
 */
final class MicrosoftTokens implements TokenSource {
  private static final long TIMEOUT_SECONDS = 60;
  private final OAuth2Settings settings;
  private final ConfidentialClientApplication app;

  MicrosoftTokens(OAuth2Settings settings) throws TokenUnavailable {
    this.settings = settings;
    try {
      this.app =
          ConfidentialClientApplication.builder(settings.clientId(), credential(settings))
              .authority(settings.authority() + settings.tenant() + "/")
              // the authority is configured, not chosen by a user: no discovery round trip to
              // login.microsoftonline.com is needed to trust it
              .instanceDiscovery(false)
              .connectTimeoutForDefaultHttpClient(30_000)
              .readTimeoutForDefaultHttpClient(30_000)
              .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new TokenUnavailable(
          TokenUnavailable.Cause.REFUSED,
          settings.section()
              + ".authority/.tenant do not make a valid authority URL ("
              + ProviderAnswers.shown(e.getMessage())
              + ")",
          e);
    }
  }

  private static IClientCredential credential(OAuth2Settings s) throws TokenUnavailable {
    if (s.clientSecret() != null && !s.clientSecret().isBlank())
      return ClientCredentialFactory.createFromSecret(s.clientSecret());
    return ClientCredentialFactory.createFromCertificate(
        PemFiles.privateKey(s.section() + ".private-key-file", s.privateKeyFile()),
        PemFiles.certificate(s.section() + ".certificate-file", s.certificateFile()));
  }

  @Override
  public AccessToken fetch() throws TokenUnavailable {
    try {
      IAuthenticationResult r =
          app.acquireToken(
                  ClientCredentialParameters.builder(Set.of(settings.scope()))
                      .skipCache(true)
                      .build())
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new AccessToken(r.accessToken(), r.expiresOnDate().toInstant());
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      throw new TokenUnavailable(
          TokenUnavailable.Cause.UNREACHABLE,
          settings.section() + ": Entra ID did not answer within " + TIMEOUT_SECONDS + "s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenUnavailable(
          TokenUnavailable.Cause.UNREACHABLE, settings.section() + ": interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new TokenUnavailable(
          TokenUnavailable.Cause.REFUSED,
          settings.section() + ": " + ProviderAnswers.shown(e.getMessage()),
          e);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * Entra ID's answer carries its own code (AADSTS7000215: invalid client secret, AADSTS700016:
   * unknown application, AADSTS90002: unknown tenant): the operator searches for it.
   */
  private TokenUnavailable failure(Throwable e) {
    if (e instanceof MsalServiceException s
        && s.statusCode() != null
        && s.statusCode() >= 400
        && s.statusCode() < 500
        && s.statusCode() != 429)
      return new TokenUnavailable(
          TokenUnavailable.Cause.REFUSED,
          settings.section()
              + ": Entra ID refused the app ("
              + ProviderAnswers.shown(s.getMessage())
              + "): check "
              + settings.credentialKeys(),
          e);
    return new TokenUnavailable(
        TokenUnavailable.Cause.UNREACHABLE,
        settings.section()
            + ": no token from "
            + settings.authority()
            + " ("
            + ProviderAnswers.shown(
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + ")",
        e);
  }
}
