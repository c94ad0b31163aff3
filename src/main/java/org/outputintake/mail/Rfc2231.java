package org.outputintake.mail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Header parameters as mail clients read them: RFC 2231 extended values ({@code
 * name*=utf-8''r%C3%A9sum%C3%A9.csv}) and continuations ({@code name*0*=}, {@code name*1=}),
 * decoded leniently. A byte that is invalid in its declared charset becomes the replacement
 * character rather than costing the whole name, and an unknown charset is read as UTF-8.
 */
final class Rfc2231 {
  private Rfc2231() {}

  /**
   * The parameters of a header body such as {@code attachment; filename="a.csv"}, by lower-case
   * name, raw.
   */
  static Map<String, String> params(String headerBody) {
    Map<String, String> out = new LinkedHashMap<>();
    if (headerBody == null) return out;
    String s = HeaderValues.unfold(headerBody);
    int i = s.indexOf(';');
    while (i >= 0 && i < s.length()) {
      int eq = s.indexOf('=', i + 1);
      if (eq < 0) break;
      String name = s.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
      int j = eq + 1;
      while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
      StringBuilder value = new StringBuilder();
      if (j < s.length() && s.charAt(j) == '"') {
        j++;
        while (j < s.length() && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) j++;
          value.append(s.charAt(j++));
        }
        int semi = s.indexOf(';', j);
        i = semi;
      } else {
        int semi = s.indexOf(';', j);
        value.append(semi < 0 ? s.substring(j) : s.substring(j, semi));
        i = semi;
      }
      if (!name.isEmpty()) out.putIfAbsent(name, value.toString().trim());
    }
    return out;
  }

  /**
   * One parameter, assembled from its plain, extended or continued forms; null when absent. The
   * plain form wins only when there is no extended one (senders put an ASCII fallback there).
   */
  static String value(Map<String, String> params, String name) {
    String extended = params.get(name + "*");
    if (extended != null) return decodeExtended(extended);
    TreeMap<Integer, String> pieces = new TreeMap<>();
    String charset = null;
    for (var e : params.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(name + "*")) continue;
      String rest = key.substring(name.length() + 1);
      boolean encoded = rest.endsWith("*");
      if (encoded) rest = rest.substring(0, rest.length() - 1);
      int n;
      try {
        n = Integer.parseInt(rest);
      } catch (NumberFormatException ex) {
        continue;
      }
      String v = e.getValue();
      if (encoded && n == 0) {
        int q1 = v.indexOf('\'');
        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
        if (q2 > 0) {
          charset = v.substring(0, q1);
          v = v.substring(q2 + 1);
        }
      }
      pieces.put(n, encoded ? "\u0000" + v : v);
    }
    if (pieces.isEmpty()) return params.get(name);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String piece : pieces.values()) {
      if (piece.startsWith("\u0000")) percentDecode(piece.substring(1), bytes);
      else bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
    }
    return decode(bytes.toByteArray(), charset);
  }

  /** {@code charset'language'percent-encoded}; without the two quotes, percent-decoded as UTF-8. */
  static String decodeExtended(String v) {
    int q1 = v.indexOf('\'');
    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
    String charset = q2 > 0 ? v.substring(0, q1) : null;
    String text = q2 > 0 ? v.substring(q2 + 1) : v;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    percentDecode(text, bytes);
    return decode(bytes.toByteArray(), charset);
  }

  private static void percentDecode(String s, ByteArrayOutputStream out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String decode(byte[] bytes, String charsetName) {
    Charset cs = StandardCharsets.UTF_8;
    try {
      if (charsetName != null && !charsetName.isBlank()) cs = Charset.forName(charsetName.trim());
    } catch (RuntimeException e) {
      cs = StandardCharsets.UTF_8;
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
