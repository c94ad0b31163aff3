package org.outputintake.mail.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.outputintake.config.OAuth2Settings;

/**
 * Any other provider's token endpoint (RFC 6749): the client-credentials grant, or the
 * refresh-token grant for a mailbox whose provider has no app-only access. One form POST and one
 * JSON answer, so the JDK's HTTP client and Jackson (already here for the configuration) do it
 * without another OAuth2 library. A rotated refresh token is kept for the next request (in memory:
 * a restart goes back to the configured one).
 */
final class TokenEndpoint implements TokenSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final OAuth2Settings settings;
  private final Clock clock;
  private final HttpClient http;
  private volatile String refreshToken;

  TokenEndpoint(OAuth2Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    this.refreshToken = settings.refreshToken();
  }

  @Override
  public AccessToken fetch() throws TokenUnavailable {
    Map<String, String> form = new LinkedHashMap<>();
    if (settings.provider() == OAuth2Settings.Provider.REFRESH_TOKEN) {
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", refreshToken);
    } else {
      form.put("grant_type", "client_credentials");
    }
    form.put("client_id", settings.clientId());
    if (settings.clientSecret() != null && !settings.clientSecret().isBlank())
      form.put("client_secret", settings.clientSecret());
    if (settings.scope() != null) form.put("scope", settings.scope());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreachable(
          "cannot reach " + settings.tokenUrl() + ": " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted while asking " + settings.tokenUrl(), e);
    }
    int status = response.statusCode();
    if (status >= 500 || status == 429)
      throw unreachable(
          settings.tokenUrl() + " answered " + ProviderAnswers.error(status, response.body()),
          null);
    if (status != 200)
      throw new TokenUnavailable(
          TokenUnavailable.Cause.REFUSED,
          settings.section()
              + ": the token endpoint refused the client ("
              + ProviderAnswers.error(status, response.body())
              + "): check "
              + settings.credentialKeys(),
          null);
    return parse(response.body());
  }

  private AccessToken parse(String body) throws TokenUnavailable {
    try {
      JsonNode n = JSON.readTree(body);
      long seconds = n.hasNonNull("expires_in") ? n.get("expires_in").asLong(3600) : 3600;
      if (n.hasNonNull("refresh_token")) refreshToken = n.get("refresh_token").asText();
      return new AccessToken(
          n.path("access_token").asText(""), clock.instant().plusSeconds(Math.max(1, seconds)));
    } catch (IOException | IllegalArgumentException e) {
      throw unreachable("the token endpoint's answer is not a token response", e);
    }
  }

  private TokenUnavailable unreachable(String why, Throwable cause) {
    return new TokenUnavailable(
        TokenUnavailable.Cause.UNREACHABLE, settings.section() + ": " + why, cause);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
