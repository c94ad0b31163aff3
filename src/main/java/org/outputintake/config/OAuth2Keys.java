package org.outputintake.config;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code oauth2} keys: a server's own section ({@code mailbox.imap.oauth2}), each key falling
 * back to the shared {@code mailbox.oauth2}, as IMAP and SMTP of one mailbox usually share one app
 * registration.
 */
final class OAuth2Keys {
  static final String SHARED = "mailbox.oauth2";

  static final List<String> KEYS =
      List.of(
          "provider",
          "tenant",
          "client-id",
          "client-secret",
          "client-secret-file",
          "certificate-file",
          "private-key-file",
          "key-file",
          "token-url",
          "authority",
          "scope",
          "refresh-token",
          "refresh-token-file");

  private OAuth2Keys() {}

  /**
   * @param text a key's resolved value, or null
   */
  static OAuth2Settings read(String own, UnaryOperator<String> text) {
    String section = blankToNull(text.apply(own + ".provider")) != null ? own : SHARED;
    UnaryOperator<String> v =
        k -> {
          String t = blankToNull(text.apply(own + "." + k));
          return t != null ? t : blankToNull(text.apply(SHARED + "." + k));
        };
    String provider = v.apply("provider");
    if (provider == null)
      throw new ConfigException(
          section
              + ".provider is missing: auth: oauth2 needs microsoft, google, client-credentials or"
              + " refresh-token");
    return new OAuth2Settings(
        section,
        OAuth2Settings.Provider.parse(section + ".provider", provider),
        v.apply("tenant"),
        v.apply("client-id"),
        secret(v, section, "client-secret"),
        path(v.apply("certificate-file")),
        path(v.apply("private-key-file")),
        path(v.apply("key-file")),
        v.apply("token-url"),
        v.apply("authority"),
        v.apply("scope"),
        secret(v, section, "refresh-token"));
  }

  /** A secret from its key (the environment) or, failing that, from its {@code -file}. */
  private static String secret(UnaryOperator<String> v, String section, String key) {
    String value = v.apply(key);
    if (value != null) return value;
    String file = v.apply(key + "-file");
    return file == null
        ? null
        : ConfigLoader.readSecretFile(section + "." + key + "-file", Path.of(file));
  }

  private static String blankToNull(String t) {
    return t == null || t.isBlank() ? null : t.trim();
  }

  private static Path path(String t) {
    return t == null ? null : Path.of(t);
  }
}
