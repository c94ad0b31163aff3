package org.outputintake.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical side of RFC 8601 headers: comments in parentheses (nested, with backslash escapes)
 * and quoted strings, which may hold ';', '=' and parentheses that are not syntax. Lenient: real
 * headers break the grammar often.
 */
final class AuthResultsSyntax {
  private AuthResultsSyntax() {}

  /**
   * Replaces each comment with a space, leaving quoted strings alone. An unclosed comment runs to
   * the end.
   */
  static String stripComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && (quoted || depth > 0) && i + 1 < value.length()) {
        if (depth == 0) out.append(c).append(value.charAt(i + 1));
        i++;
      } else if (depth > 0) {
        if (c == '(') depth++;
        else if (c == ')' && --depth == 0) out.append(' ');
      } else if (c == '"') {
        quoted = !quoted;
        out.append(c);
      } else if (c == '(' && !quoted) {
        depth = 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Splits on ';' outside quoted strings; blank parts are dropped. */
  static List<String> splitSemicolons(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted && i + 1 < value.length()) {
        part.append(c).append(value.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        part.append(c);
      } else if (c == ';' && !quoted) {
        if (!part.toString().isBlank()) parts.add(part.toString().strip());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (!part.toString().isBlank()) parts.add(part.toString().strip());
    return parts;
  }

  /**
   * The items of one segment: {@code {name, value}} for {@code name=value} (spaces around '='
   * allowed, a quoted value unquoted), {@code {word, null}} for a bare word such as an authserv-id
   * or a version.
   */
  static List<String[]> items(String segment) {
    List<String[]> items = new ArrayList<>();
    int i = 0;
    int n = segment.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(segment.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      if (segment.charAt(i) == '"') {
        int end = closingQuote(segment, i);
        items.add(new String[] {unquote(segment.substring(i, end)), null});
        i = end;
        continue;
      }
      while (i < n && !Character.isWhitespace(segment.charAt(i)) && segment.charAt(i) != '=') i++;
      String name = segment.substring(start, i);
      int j = i;
      while (j < n && Character.isWhitespace(segment.charAt(j))) j++;
      if (j >= n || segment.charAt(j) != '=' || name.isEmpty()) {
        if (!name.isEmpty()) items.add(new String[] {name, null});
        if (name.isEmpty()) i++; // a stray '=': skip it
        continue;
      }
      j++;
      while (j < n && Character.isWhitespace(segment.charAt(j))) j++;
      int valueStart = j;
      if (j < n && segment.charAt(j) == '"') {
        j = closingQuote(segment, j);
        items.add(new String[] {name, unquote(segment.substring(valueStart, j))});
      } else {
        // values keep '=' and '/' (base64 header.b=...), as real verifiers write them
        while (j < n && !Character.isWhitespace(segment.charAt(j))) j++;
        items.add(new String[] {name, segment.substring(valueStart, j)});
      }
      i = j;
    }
    return items;
  }

  private static int closingQuote(String s, int open) {
    int i = open + 1;
    while (i < s.length() && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
    return Math.min(i + 1, s.length());
  }

  private static String unquote(String quoted) {
    String s = quoted.startsWith("\"") ? quoted.substring(1) : quoted;
    if (s.endsWith("\"")) s = s.substring(0, s.length() - 1);
    return s.replaceAll("\\\\(.)", "$1");
  }
}
