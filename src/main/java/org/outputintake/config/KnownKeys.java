package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a key the bot does not know ({@code pol:} for {@code poll:}, {@code intervall}), which
 * would otherwise be ignored in silence. The known keys are those of the bundled defaults, so a key
 * added there is known at once; a section whose default is not a mapping (a list, or empty) is not
 * looked into.
 */
final class KnownKeys {
  private final ObjectNode defaults;

  KnownKeys(ObjectNode defaults, List<String> optionalKeys) {
    this.defaults = defaults.deepCopy();
    for (String key : optionalKeys) addPath(this.defaults, key);
  }

  /**
   * @throws ConfigException naming the first unknown key and the nearest known one
   */
  void check(ObjectNode user, String source) {
    check(user, defaults, "", source);
  }

  private void check(ObjectNode user, ObjectNode known, String prefix, String source) {
    for (Map.Entry<String, JsonNode> e : user.properties()) {
      String key = e.getKey();
      if (!known.has(key)) {
        throw new ConfigException(
            source
                + ": unknown key '"
                + prefix
                + key
                + "'"
                + suggestion(known, prefix, key)
                + "; known keys here: "
                + String.join(", ", names(known)));
      }
      JsonNode k = known.get(key);
      JsonNode u = e.getValue();
      if (k instanceof ObjectNode kn && u instanceof ObjectNode un) {
        check(un, kn, prefix + key + ".", source);
      } else if (k instanceof ObjectNode kn && !u.isNull()) {
        // merged over the defaults, a scalar would replace the whole section in silence
        throw new ConfigException(
            source
                + ": '"
                + prefix
                + key
                + "' is a section, not a single value: write its keys under it, e.g. "
                + prefix
                + key
                + ": { "
                + names(kn).get(0)
                + ": ... } (its keys: "
                + String.join(", ", names(kn))
                + ")");
      } else if (!(k instanceof ObjectNode) && !k.isArray() && u.isContainerNode()) {
        throw new ConfigException(
            source
                + ": '"
                + prefix
                + key
                + "' takes a single value, not a "
                + (u.isArray() ? "list" : "section")
                + ": write e.g. "
                + key
                + ": "
                + (k.isNull() ? "..." : k.asText()));
      }
    }
  }

  /**
   * The nearest sibling by edit distance, else the same name in another section ({@code interval}
   * at the top).
   */
  private String suggestion(ObjectNode known, String prefix, String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : names(known)) {
      int d = distance(key.toLowerCase(Locale.ROOT), name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
      return ": did you mean '" + prefix + best + "'?";
    }
    List<String> elsewhere = new ArrayList<>();
    findEverywhere(defaults, "", key.toLowerCase(Locale.ROOT), elsewhere);
    return elsewhere.isEmpty() ? "" : ": did you mean '" + elsewhere.get(0) + "'?";
  }

  private static void findEverywhere(ObjectNode node, String prefix, String key, List<String> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (distance(key, e.getKey()) <= 1) out.add(prefix + e.getKey());
      if (e.getValue() instanceof ObjectNode child)
        findEverywhere(child, prefix + e.getKey() + ".", key, out);
    }
  }

  private static List<String> names(ObjectNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void addPath(ObjectNode root, String key) {
    String[] parts = key.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!node.has(parts[i])) node.putObject(parts[i]);
      if (!(node.get(parts[i]) instanceof ObjectNode child)) return;
      node = child;
    }
    if (!node.has(parts[parts.length - 1])) node.putNull(parts[parts.length - 1]);
  }

  /** Levenshtein distance; keys are short, so the plain table is enough. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
