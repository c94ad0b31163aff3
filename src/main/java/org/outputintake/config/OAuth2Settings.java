package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.notBlank;
import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How the bot obtains the OAuth2 access token it presents to a mail server ({@code auth: oauth2}).
 * Secrets (the client secret, a refresh token) arrive resolved, from the environment or a file, and
 * never appear in {@link #toString()}.
 *
 * @param section where the settings were written ({@code mailbox.imap.oauth2} or the shared {@code
 *     mailbox.oauth2}), so every message names the keys an operator has to look at
 * @param tokenUrl the token endpoint of a generic provider; for Google it overrides the key file's
 *     {@code token_uri}
 * @param authority Microsoft's login host (another for national clouds)
 */
public record OAuth2Settings(
    String section,
    Provider provider,
    String tenant,
    String clientId,
    String clientSecret,
    Path certificateFile,
    Path privateKeyFile,
    Path keyFile,
    String tokenUrl,
    String authority,
    String scope,
    String refreshToken) {

  /** The token services the bot knows; each is named in the configuration by {@link #key}. */
  public enum Provider {
    MICROSOFT("microsoft", "https://outlook.office365.com/.default"),
    GOOGLE("google", "https://mail.google.com/"),
    CLIENT_CREDENTIALS("client-credentials", null),
    REFRESH_TOKEN("refresh-token", null);

    private final String key;
    private final String defaultScope;

    Provider(String key, String defaultScope) {
      this.key = key;
      this.defaultScope = defaultScope;
    }

    public String key() {
      return key;
    }

    static Provider parse(String key, String text) {
      String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
      for (Provider p : values()) if (p.key.equals(t)) return p;
      throw new ConfigException(
          key
              + " is '"
              + (text == null ? "" : text)
              + "': write microsoft, google, client-credentials or refresh-token");
    }
  }

  public static final String MICROSOFT_AUTHORITY = "https://login.microsoftonline.com/";

  public OAuth2Settings {
    require(notBlank(section), "an OAuth2 section needs its name");
    require(
        provider != null,
        section
            + ".provider is missing: write microsoft, google, client-credentials or refresh-token");
    scope = notBlank(scope) ? scope.trim() : provider.defaultScope;
    switch (provider) {
      case MICROSOFT -> {
        need(section, "tenant", tenant, "the directory (tenant) ID of the app registration");
        need(section, "client-id", clientId, "the application (client) ID");
        boolean secret = notBlank(clientSecret);
        boolean certificate = certificateFile != null || privateKeyFile != null;
        require(
            secret != certificate,
            section
                + (secret
                    ? ": give either client-secret or certificate-file with private-key-file, not both"
                    : ".client-secret is not set: export "
                        + variable(section, "client-secret")
                        + " (or set "
                        + section
                        + ".client-secret-file), or give certificate-file and private-key-file"));
        require(
            !certificate || (certificateFile != null && privateKeyFile != null),
            section + ": a certificate needs both certificate-file and private-key-file (PEM)");
        authority = notBlank(authority) ? authority.trim() : MICROSOFT_AUTHORITY;
        if (!authority.endsWith("/")) authority = authority + "/";
      }
      case GOOGLE ->
          require(
              keyFile != null,
              section
                  + ".key-file is missing: the service account's JSON key file (with domain-wide"
                  + " delegation)");
      case CLIENT_CREDENTIALS -> {
        need(section, "token-url", tokenUrl, "the provider's token endpoint");
        need(section, "client-id", clientId, "the client ID");
        need(
            section,
            "client-secret",
            clientSecret,
            "export "
                + variable(section, "client-secret")
                + " or set "
                + section
                + ".client-secret-file");
      }
      case REFRESH_TOKEN -> {
        need(section, "token-url", tokenUrl, "the provider's token endpoint");
        need(section, "client-id", clientId, "the client ID");
        need(
            section,
            "refresh-token",
            refreshToken,
            "export "
                + variable(section, "refresh-token")
                + " or set "
                + section
                + ".refresh-token-file");
      }
    }
    require(
        tokenUrl == null
            || tokenUrl.isBlank()
            || tokenUrl.startsWith("https://")
            || tokenUrl.startsWith("http://localhost")
            || tokenUrl.startsWith("http://127.0.0.1"),
        section
            + ".token-url is '"
            + tokenUrl
            + "': it must be https:// (a client secret is sent to it)");
    require(
        notBlank(scope)
            || provider == Provider.REFRESH_TOKEN
            || provider == Provider.CLIENT_CREDENTIALS,
        section + ".scope is missing");
  }

  /** The environment variable that sets a key of this section, as for every key. */
  public static String variable(String section, String key) {
    return "INTAKE_"
        + (section + "." + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void need(String section, String key, String value, String what) {
    require(notBlank(value), section + "." + key + " is missing: " + what);
  }

  /** The key an operator checks for the client's credential, as written in messages. */
  public String credentialKeys() {
    return switch (provider) {
      case MICROSOFT ->
          section
              + ".tenant, .client-id and "
              + (certificateFile != null
                  ? ".certificate-file/.private-key-file"
                  : ".client-secret ("
                      + variable(section, "client-secret")
                      + " or .client-secret-file)");
      case GOOGLE -> section + ".key-file (the service account and its domain-wide delegation)";
      case CLIENT_CREDENTIALS ->
          section
              + ".token-url, .client-id and .client-secret ("
              + variable(section, "client-secret")
              + " or .client-secret-file)";
      case REFRESH_TOKEN ->
          section
              + ".token-url, .client-id and .refresh-token ("
              + variable(section, "refresh-token")
              + " or .refresh-token-file)";
    };
  }

  @Override
  public String toString() {
    return "OAuth2Settings["
        + section
        + ", "
        + provider.key()
        + ", client-id="
        + clientId
        + (notBlank(clientSecret) ? ", client-secret=***" : "")
        + (notBlank(refreshToken) ? ", refresh-token=***" : "")
        + "]";
  }
}
