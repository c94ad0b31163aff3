package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code intake.yaml} over the bundled defaults. {@code ${NAME}} (or {@code
 * ${NAME:-fallback}}) is read from the environment, and every key can be overridden by an
 * environment variable named {@code INTAKE_} plus the key path in capitals, e.g. {@code
 * INTAKE_MAILBOX_IMAP_HOST} or {@code INTAKE_POLL_INTERVAL}. Secrets can also come from a file:
 * {@code password-file: /run/secrets/imap}.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VAR =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  /** Keys with no value in the defaults that an environment variable may still set. */
  private static final List<String> OPTIONAL_KEYS = optionalKeys();

  private static List<String> optionalKeys() {
    List<String> keys =
        new java.util.ArrayList<>(
            List.of(
                "database.username",
                "database.password-file",
                "mailbox.imap.password-file",
                "mailbox.smtp.password-file",
                "scanning.share-root",
                "security.trusted-authserv-id",
                "server.port",
                "staff.lists.ingest",
                "staff.lists.transfer",
                "storage.archive-dir",
                "storage.shared-dir",
                "tickets.prefixes.ingest",
                "tickets.prefixes.transfer"));
    for (String section : List.of("mailbox.oauth2", "mailbox.imap.oauth2", "mailbox.smtp.oauth2"))
      for (String key : OAuth2Keys.KEYS) keys.add(section + "." + key);
    return List.copyOf(keys);
  }

  /**
   * The {@code INTAKE_} variables the logging configuration reads ({@code INTAKE_LOG_LEVEL} in
   * logback.xml): legitimate, though no configuration key names them.
   */
  static final Set<String> LOGGING_VARIABLES = loggingVariables();

  private final Function<String, String> env;
  private final Set<String> envNames;

  public ConfigLoader(Function<String, String> env) {
    this(env, Set.of());
  }

  /**
   * @param envNames every variable set in the environment: an {@code INTAKE_} one that names no key
   *     (a typo such as {@code INTAKE_POLL_INTERVALL}) is refused rather than ignored
   */
  public ConfigLoader(Function<String, String> env, Set<String> envNames) {
    this.env = env;
    this.envNames = Set.copyOf(envNames);
  }

  private static Set<String> loggingVariables() {
    Set<String> names = new TreeSet<>();
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/logback.xml")) {
      if (in == null) return Set.of();
      Matcher m = VAR.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (m.find()) if (m.group(1).startsWith("INTAKE_")) names.add(m.group(1));
    } catch (IOException e) {
      return Set.of();
    }
    return Set.copyOf(names);
  }

  public static ConfigLoader fromSystemEnvironment() {
    return new ConfigLoader(System::getenv, System.getenv().keySet());
  }

  /** The bundled defaults alone (what the demo runs on), with environment overrides applied. */
  public IntakeConfig loadDefaults() {
    return build(defaults());
  }

  public IntakeConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "configuration file "
              + file
              + " does not exist: pass --config FILE, "
              + "or copy config/intake.yaml from the distribution");
    }
    JsonNode user;
    try (InputStream in = Files.newInputStream(file)) {
      user = YAML.readTree(in);
    } catch (IOException e) {
      throw new ConfigException(
          "configuration file " + file + " is not valid YAML" + yamlProblem(e), e);
    }
    ObjectNode merged = defaults();
    if (user != null && !user.isMissingNode() && !user.isNull()) {
      if (!user.isObject())
        throw new ConfigException("configuration file " + file + " must be a YAML mapping");
      String source = "configuration file " + file;
      ObjectNode known = merged.deepCopy();
      known.putArray("mailboxes");
      new KnownKeys(known, OPTIONAL_KEYS).check((ObjectNode) user, source);
      MailboxEntries.check((ObjectNode) user, (ObjectNode) merged.get("mailbox"), source);
      merge(merged, (ObjectNode) user);
      MailboxEntries.fill(merged);
    }
    return build(merged);
  }

  /**
   * Where and what, without the parser's copy of the line: that line may hold a password. A {@code
   * ${NAME}} inside {@code { }} is the usual cause, as YAML reads its brace as a nested mapping.
   */
  static String yamlProblem(IOException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
        && m.getProblemMark() != null) {
      String problem = m.getProblem() == null ? "" : m.getProblem().replaceAll("\\s+", " ");
      String hint =
          problem.contains("got {")
              ? " (a ${NAME} inside { } must be quoted: password: \"${INTAKE_IMAP_PASSWORD}\")"
              : "";
      return " at line "
          + (m.getProblemMark().getLine() + 1)
          + ", column "
          + (m.getProblemMark().getColumn() + 1)
          + ": "
          + problem
          + hint;
    }
    return ": " + e.getClass().getSimpleName();
  }

  private IntakeConfig build(ObjectNode tree) {
    // keys commented out in the defaults are absent from the tree, and only present keys see their
    // override
    for (String key : OPTIONAL_KEYS) addIfAbsent(tree, key);
    MailboxEntries.addSecretKeys(tree);
    refuseUnknownVariables(tree);
    MailboxEntries.refuseSingleMailboxVariables(tree, envNames);
    Map<String, String> overridden = new java.util.LinkedHashMap<>();
    applyEnvironmentOverrides(tree, "INTAKE", "", overridden);
    try {
      return new ConfigBinder(tree, this::resolve).bind();
    } catch (ConfigException e) {
      // the operator looks for the key in the file; say where its value really came from
      for (Map.Entry<String, String> o : overridden.entrySet()) {
        if (e.getMessage() != null && e.getMessage().startsWith(o.getKey() + " "))
          throw new ConfigException(
              e.getMessage() + " (set by the environment variable " + o.getValue() + ")", e);
      }
      throw e;
    }
  }

  /**
   * An {@code INTAKE_} variable is legitimate when it overrides a key or when the configuration
   * reads it through {@code ${NAME}} (the passwords); any other is a typo that would be ignored.
   */
  private void refuseUnknownVariables(ObjectNode tree) {
    Set<String> known = new TreeSet<>(LOGGING_VARIABLES);
    variableNames(tree, "INTAKE", true, known);
    for (String name : new TreeSet<>(envNames)) {
      if (!name.startsWith("INTAKE_") || known.contains(name)) continue;
      String nearest = null;
      int best = Integer.MAX_VALUE;
      for (String k : known) {
        int d = KnownKeys.distance(name, k);
        if (d < best) {
          best = d;
          nearest = k;
        }
      }
      throw new ConfigException(
          "the environment variable "
              + name
              + " names no configuration key"
              + (nearest != null && best <= Math.max(3, name.length() / 3)
                  ? ": did you mean " + nearest + "?"
                  : "")
              + " (an INTAKE_ variable is INTAKE_ plus a key path in capitals, e.g."
              + " INTAKE_POLL_INTERVAL, or one the configuration reads as ${NAME}; unset it or"
              + " correct its name)");
    }
  }

  /**
   * @param keys whether the node's keys are configuration keys (inside a list they are not, and
   *     only its {@code ${NAME}} references count)
   */
  private static void variableNames(JsonNode node, String prefix, boolean keys, Set<String> out) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        String name = prefix + "_" + e.getKey().toUpperCase(Locale.ROOT).replace('-', '_');
        if (keys) out.add(name);
        variableNames(e.getValue(), name, keys, out);
      }
    } else if (node.isArray() && keys && prefix.equals(MailboxEntries.VARIABLE)) {
      // each entry's keys by its position: INTAKE_MAILBOXES_1_IMAP_PASSWORD
      for (int i = 0; i < node.size(); i++) variableNames(node.get(i), prefix + "_" + i, true, out);
    } else if (node.isArray()) {
      for (JsonNode item : node) variableNames(item, prefix, false, out);
    } else if (node.isTextual()) {
      Matcher m = VAR.matcher(node.asText());
      while (m.find()) out.add(m.group(1));
    }
  }

  static void addIfAbsent(ObjectNode tree, String key) {
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      // an optional section (mailbox.oauth2) is created so that its keys can be overridden too
      if (!node.has(parts[i])) node.putObject(parts[i]);
      if (!(node.get(parts[i]) instanceof ObjectNode child)) return;
      node = child;
    }
    if (!node.has(parts[parts.length - 1])) node.putNull(parts[parts.length - 1]);
  }

  private ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/defaults/intake.yaml")) {
      if (in == null)
        throw new ConfigException("the bundled defaults/intake.yaml is missing from the jar");
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read the bundled defaults: " + e.getMessage(), e);
    }
  }

  static void merge(ObjectNode base, ObjectNode over) {
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
        merge(eo, vo);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  private void applyEnvironmentOverrides(
      ObjectNode node, String prefix, String keyPrefix, Map<String, String> overridden) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = prefix + "_" + e.getKey().toUpperCase(Locale.ROOT).replace('-', '_');
      String key = keyPrefix + e.getKey();
      if (e.getValue() instanceof ObjectNode child) {
        applyEnvironmentOverrides(child, name, key + ".", overridden);
      } else if (e.getValue().isArray() && name.equals(MailboxEntries.VARIABLE)) {
        for (int i = 0; i < e.getValue().size(); i++)
          if (e.getValue().get(i) instanceof ObjectNode entry)
            applyEnvironmentOverrides(entry, name + "_" + i, key + "." + i + ".", overridden);
      } else {
        String value = env.apply(name);
        if (value != null) {
          e.setValue(TextNode.valueOf(value));
          overridden.put(key, name);
        }
      }
    }
  }

  /**
   * Substitutes {@code ${NAME}}; an unset variable without fallback resolves to null (checked where
   * needed).
   */
  String resolve(String raw) {
    if (raw == null) return null;
    Matcher m = VAR.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) value = m.group(2);
      if (value == null) return null;
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Parses {@code 60s}, {@code 5m}, {@code 1h}, {@code 500ms} or ISO-8601 {@code PT1M}. */
  public static Duration parseDuration(String key, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt") || t.startsWith("p"))
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      if (t.endsWith("ms"))
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      char unit = t.charAt(t.length() - 1);
      long n = Long.parseLong(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim());
      return switch (unit) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> Character.isDigit(unit) ? Duration.ofSeconds(n) : bad(key, text);
      };
    } catch (RuntimeException e) {
      return bad(key, text);
    }
  }

  private static Duration bad(String key, String text) {
    throw new ConfigException(key + " is '" + text + "', not a duration: write e.g. 60s, 5m or 1h");
  }

  static String readSecretFile(String key, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      String why =
          e instanceof java.nio.file.AccessDeniedException
              ? "permission denied: the user running the bot must be able to read it"
              : Files.isDirectory(file) ? "it is a directory" : ConfigException.reason(e);
      throw new ConfigException(key + " names " + file + ", which cannot be read: " + why, e);
    }
  }
}
