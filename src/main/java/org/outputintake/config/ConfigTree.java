package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The merged YAML tree, read key by key ({@code mailbox.imap.port}, {@code mailboxes.0.address}):
 * the one place a value is resolved ({@code ${ENV}}), parsed as a number, flag, duration, size or
 * list, and refused with its key named.
 */
final class ConfigTree {
  private final JsonNode root;
  private final UnaryOperator<String> resolver;

  ConfigTree(JsonNode root, UnaryOperator<String> resolver) {
    this.root = root;
    this.resolver = resolver;
  }

  /** A value as written, with its references to the environment resolved. */
  String resolve(String value) {
    return resolver.apply(value);
  }

  /**
   * {@code KEY.password}, or the content of the file {@code KEY.password-file} names when the
   * password itself is unset: every secret the bot logs in with is read this one way.
   */
  String password(String key) {
    String password = text(key + ".password");
    String passwordFile = text(key + ".password-file");
    if ((password == null || password.isBlank())
        && passwordFile != null
        && !passwordFile.isBlank()) {
      password = ConfigLoader.readSecretFile(key + ".password-file", Path.of(passwordFile));
    }
    return password;
  }

  /** A size such as {@code 20MB}, {@code 512 KB}, {@code 1GB} or plain bytes. */
  long size(String key, long fallback) {
    String t = text(key);
    if (t == null || t.isBlank()) return fallback;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,12})\\s*(B|KB|MB|GB)?\\s*").matcher(t);
    if (!m.matches()) throw new ConfigException(key + " is '" + t + "': write a size such as 20MB");
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    return switch (unit) {
      case "KB" -> n * 1024;
      case "MB" -> n * 1024 * 1024;
      case "GB" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  String value(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : resolver.apply(v.asText());
  }

  /**
   * A YAML sequence, or (from an environment variable) one text of addresses separated by commas or
   * spaces.
   */
  java.util.List<String> list(String key) {
    JsonNode n = node(key);
    if (n == null) return java.util.List.of();
    java.util.List<String> out = new java.util.ArrayList<>();
    if (n.isArray()) {
      for (JsonNode item : n) {
        String v = resolver.apply(item.asText());
        if (v != null) out.addAll(java.util.Arrays.asList(v.split("[,;\\s]+")));
      }
    } else {
      String v = resolver.apply(n.asText());
      if (v != null) out.addAll(java.util.Arrays.asList(v.split("[,;\\s]+")));
    }
    return out;
  }

  JsonNode node(String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) {
      // mailboxes.0.imap: a list entry by its index
      n =
          n == null
              ? null
              : n.isArray() && part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  String text(String key) {
    JsonNode n = node(key);
    return n == null ? null : resolver.apply(n.asText());
  }

  Path path(String key) {
    String t = text(key);
    return t == null || t.isBlank() ? null : Path.of(t);
  }

  int integer(String key) {
    String t = text(key);
    if (t == null || t.isBlank())
      throw new ConfigException(key + " is missing: it needs a whole number");
    try {
      return Integer.parseInt(t.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " is '" + t + "', not a whole number");
    }
  }

  int integer(String key, int fallback) {
    String t = text(key);
    return t == null || t.isBlank() ? fallback : integer(key);
  }

  boolean bool(String key) {
    return bool(key, false);
  }

  boolean bool(String key, boolean absent) {
    String t = text(key);
    if (t == null || t.isBlank()) return absent;
    return switch (t.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException(key + " is '" + t + "': write true or false");
    };
  }

  Duration duration(String key, Duration fallback) {
    String t = text(key);
    return t == null || t.isBlank() ? fallback : ConfigLoader.parseDuration(key, t);
  }
}
