package org.outputintake.mail.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one Authentication-Results header exactly as RFC 8601 (with RFC 5322's comments and RFC
 * 2045's quoted strings) writes it, or not at all: a header that does not parse is never a pass.
 *
 * <p>Comments nest and end at the first unescaped ')' whatever quotes they hold; quoted strings end
 * at the first unescaped '"'. A verifier that copies an envelope sender such as {@code
 * "a)b;dmarc=pass header.from=example.org;(c"@evil.example} into a comment without escaping it
 * makes the same text read two ways (by RFC 5322, or by a reader that honours quotes inside
 * comments), so a header whose two readings differ is refused rather than guessed at. Deviations
 * real verifiers need are accepted where none can add a result: Microsoft 365's header without an
 * authserv-id, its receiving domains between results, and its {@code action=none}-style words.
 */
final class AuthResultsSyntax {
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern VERSION = Pattern.compile("[0-9]+");
  private static final Pattern PROPERTY =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.[A-Za-z0-9_-][A-Za-z0-9_.-]*");

  /** One method's result: {@code dkim=pass header.d=example.org}. */
  record Result(String method, String result, Map<String, String> properties) {
    String property(String name) {
      return properties.get(name);
    }
  }

  /**
   * A parsed header.
   *
   * @param authservId lower-case; {@code null} for Microsoft 365's form without one
   */
  record Header(String authservId, List<Result> results) {}

  /** Thrown for a header that is not RFC 8601. */
  static final class NotStrict extends Exception {
    private static final long serialVersionUID = 1L;

    NotStrict(String why) {
      super(why, null, false, false);
    }
  }

  private enum Kind {
    WORD,
    QUOTED,
    SEMI,
    EQ
  }

  private record Token(Kind kind, String text, boolean spaceBefore) {}

  private AuthResultsSyntax() {}

  /**
   * @throws NotStrict when the value does not follow the grammar, or reads two ways
   */
  static Header parse(String value) throws NotStrict {
    List<Token> t = lex(value, false);
    List<Token> other;
    try {
      other = lex(value, true);
    } catch (NotStrict e) {
      other = null;
    }
    if (!t.equals(other)) throw new NotStrict("its comments and quoted strings read two ways");
    if (t.isEmpty()) throw new NotStrict("the header is empty");
    int i = 0;
    String authservId = null;
    List<Result> results = new ArrayList<>();
    boolean idless = t.size() > 1 && t.get(0).kind() == Kind.WORD && t.get(1).kind() == Kind.EQ;
    if (!idless) {
      Token id = t.get(i++);
      if (id.kind() != Kind.WORD && id.kind() != Kind.QUOTED) throw new NotStrict("no authserv-id");
      authservId = id.text().toLowerCase(Locale.ROOT);
      if (i < t.size()
          && t.get(i).kind() == Kind.WORD
          && VERSION.matcher(t.get(i).text()).matches()) i++;
      if (i >= t.size()) throw new NotStrict("no result after the authserv-id");
      if (t.get(i).kind() != Kind.SEMI) throw new NotStrict("';' expected after the authserv-id");
      if (i + 2 == t.size() && isWord(t.get(i + 1), "none")) return new Header(authservId, results);
    }
    while (i < t.size()) {
      if (!idless || i > 0) {
        if (t.get(i).kind() != Kind.SEMI) throw new NotStrict("';' expected before a result");
        i++;
        if (i == t.size()) break; // a trailing ';', as some verifiers write
      }
      boolean bareWord =
          t.get(i).kind() == Kind.WORD && (i + 1 == t.size() || t.get(i + 1).kind() == Kind.SEMI);
      if (idless && bareWord) {
        i++; // Microsoft writes the receiving domain between results: "; uni.example.ac.uk;"
        continue;
      }
      i = resinfo(t, i, results);
    }
    if (results.isEmpty()) throw new NotStrict("no result");
    return new Header(authservId, results);
  }

  /** methodspec [reasonspec] *propspec, from {@code i}; returns the index after it. */
  private static int resinfo(List<Token> t, int i, List<Result> out) throws NotStrict {
    StringBuilder method = new StringBuilder(word(t, i++, "a method"));
    // dkim/1, dkim / 1 (RFC 8601's own example puts comments around the slash)
    while (i < t.size() && t.get(i).kind() == Kind.WORD && t.get(i).text().startsWith("/")) {
      method.append(t.get(i++).text());
    }
    if (method.toString().endsWith("/")) method.append(word(t, i++, "a method version"));
    String m = method.toString();
    int slash = m.indexOf('/');
    String name = slash < 0 ? m : m.substring(0, slash);
    if (!KEYWORD.matcher(name).matches()
        || (slash >= 0 && !VERSION.matcher(m.substring(slash + 1)).matches()))
      throw new NotStrict("'" + m + "' is not a method");
    expect(t, i++, Kind.EQ);
    String result = word(t, i++, "a result");
    if (!KEYWORD.matcher(result).matches()) throw new NotStrict("'" + result + "' is not a result");
    Map<String, String> props = new LinkedHashMap<>();
    while (i < t.size() && t.get(i).kind() != Kind.SEMI) {
      String key = word(t, i++, "a property");
      // policy . expired: RFC 8601's example spaces the dot out
      while (i + 1 < t.size() && isWord(t.get(i), "."))
        key += "." + word(t, (i += 2) - 1, "a property");
      expect(t, i++, Kind.EQ);
      if (i >= t.size() || t.get(i).kind() == Kind.SEMI) throw new NotStrict(key + " has no value");
      StringBuilder v = new StringBuilder(t.get(i++).text());
      // a value runs on while nothing separates it: header.b=abc/de=, "a b"@example.org
      while (i < t.size() && !t.get(i).spaceBefore() && t.get(i).kind() != Kind.SEMI) {
        v.append(t.get(i++).text());
      }
      if (PROPERTY.matcher(key).matches()) {
        props.putIfAbsent(key.toLowerCase(Locale.ROOT), v.toString());
      } else if (!KEYWORD.matcher(key).matches()) {
        throw new NotStrict("'" + key + "' is not a property");
      } // reason=..., and Microsoft's action=none: words that carry no identity
    }
    out.add(new Result(name.toLowerCase(Locale.ROOT), result.toLowerCase(Locale.ROOT), props));
    return i;
  }

  private static boolean isWord(Token token, String text) {
    return token.kind() == Kind.WORD && token.text().equalsIgnoreCase(text);
  }

  private static String word(List<Token> t, int i, String what) throws NotStrict {
    if (i >= t.size() || t.get(i).kind() != Kind.WORD) throw new NotStrict(what + " expected");
    return t.get(i).text();
  }

  private static void expect(List<Token> t, int i, Kind kind) throws NotStrict {
    if (i >= t.size() || t.get(i).kind() != kind) throw new NotStrict(kind + " expected");
  }

  /**
   * Words, quoted strings, ';' and '='; comments and folding white space dropped.
   *
   * @param quotesInComments read a '"' inside a comment as opening a quoted string (not RFC 5322,
   *     but what a careless verifier's text may mean)
   */
  private static List<Token> lex(String value, boolean quotesInComments) throws NotStrict {
    List<Token> out = new ArrayList<>();
    int n = value.length();
    int i = 0;
    boolean space = false;
    while (i < n) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = true;
        i++;
      } else if (c == '(') {
        i = skipComment(value, i, quotesInComments);
        space = true;
      } else if (c == ')') {
        throw new NotStrict("a ')' closes no comment");
      } else if (c == '"') {
        int start = i;
        StringBuilder q = new StringBuilder();
        for (i++; i < n && value.charAt(i) != '"'; i++) {
          char d = value.charAt(i);
          if (d == '\\') {
            if (++i >= n) break;
            d = value.charAt(i);
          }
          q.append(d);
        }
        if (i >= n) throw new NotStrict("a quoted string starting at " + start + " is not closed");
        i++;
        out.add(new Token(Kind.QUOTED, q.toString(), space));
        space = false;
      } else if (c == ';' || c == '=') {
        out.add(new Token(c == ';' ? Kind.SEMI : Kind.EQ, String.valueOf(c), space));
        space = false;
        i++;
      } else if (c == '\\' || Character.isISOControl(c)) {
        throw new NotStrict("a stray character outside quotes");
      } else {
        int start = i;
        while (i < n
            && "()\";= \t\r\n\\".indexOf(value.charAt(i)) < 0
            && !Character.isISOControl(value.charAt(i))) i++;
        out.add(new Token(Kind.WORD, value.substring(start, i), space));
        space = false;
      }
    }
    return out;
  }

  /** From the '(' at {@code open}, past its matching ')': nested, with quoted pairs. */
  private static int skipComment(String value, int open, boolean quotesInComments)
      throws NotStrict {
    int depth = 0;
    for (int i = open; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' && quotesInComments) {
        for (i++; i < value.length() && value.charAt(i) != '"'; i++) {
          if (value.charAt(i) == '\\') i++;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    throw new NotStrict("a comment is not closed");
  }

  /**
   * The authserv-id a header names, read without the grammar, to know whose header failed to parse;
   * null when it cannot be told.
   */
  static String leadingId(String value) {
    String v = value.strip();
    int end = 0;
    while (end < v.length() && "(;= \t\r\n\"".indexOf(v.charAt(end)) < 0) end++;
    if (end == 0) return null;
    String rest = v.substring(end).stripLeading();
    // Microsoft's id-less form starts with method=result
    return rest.startsWith("=") ? "" : v.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
