package org.outputintake.form;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Label matching, insensitive to case, punctuation, whitespace and bracketed hints: "Project no.:",
 * "PROJECT NUMBER" and "Folder name (e.g. 2024_01_16_Model_v1)" all match. Field labels must match
 * a synonym exactly, so prose that merely mentions a project is not read as a label; column headers
 * may also start with a synonym ("Description - what it shows") because they are only looked for in
 * a header row.
 */
final class Labels {
  private static final Map<String, FormField> FIELDS = new HashMap<>();
  private static final Map<String, FormColumn> COLUMNS = new HashMap<>();
  private static final List<Map.Entry<String, FormColumn>> COLUMN_PREFIXES = new ArrayList<>();

  static {
    for (FormField f : FormField.values()) {
      f.synonyms().forEach(s -> FIELDS.put(normalise(s), f));
      FIELDS.put(normalise(f.label()), f);
    }
    for (FormColumn c : FormColumn.values()) {
      c.synonyms().forEach(s -> COLUMNS.put(normalise(s), c));
      COLUMNS.put(normalise(c.header()), c);
    }
    COLUMN_PREFIXES.addAll(COLUMNS.entrySet());
    // longest first, so "count columns" is not taken for "counts included" by a shorter prefix
    COLUMN_PREFIXES.sort(
        Comparator.comparingInt((Map.Entry<String, FormColumn> e) -> e.getKey().length())
            .reversed());
  }

  private Labels() {}

  static String normalise(String text) {
    if (text == null) return "";
    String s = text.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ");
    s = s.replace('\u00a0', ' ').replaceAll("\\bno\\.", "no");
    return s.replaceAll("[^a-z0-9]+", "");
  }

  static Optional<FormField> field(String text) {
    if (text == null || text.length() > 80) return Optional.empty();
    String key = normalise(text);
    return key.isEmpty() ? Optional.empty() : Optional.ofNullable(FIELDS.get(key));
  }

  static Optional<FormColumn> column(String text) {
    if (text == null || text.length() > 120) return Optional.empty();
    String key = normalise(text);
    if (key.isEmpty()) return Optional.empty();
    FormColumn exact = COLUMNS.get(key);
    if (exact != null) return Optional.of(exact);
    for (Map.Entry<String, FormColumn> e : COLUMN_PREFIXES) {
      if (e.getKey().length() >= 6 && key.startsWith(e.getKey())) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  /** Whether the text is any label, header or declaration: such a cell is never a value. */
  static boolean isLabel(String text) {
    return field(text).isPresent()
        || column(text).isPresent()
        || Declaration.recognise(Ticks.withoutLeadingBox(text)).isPresent();
  }

  /** "Label: value" written in one paragraph or cell; null when the text is not of that shape. */
  static String[] splitLabelValue(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon > 80) return null;
    String label = text.substring(0, colon);
    if (field(label).isEmpty()) return null;
    return new String[] {label, text.substring(colon + 1).strip()};
  }
}
