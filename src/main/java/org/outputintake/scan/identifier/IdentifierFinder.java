package org.outputintake.scan.identifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.scan.Finding;
import org.outputintake.text.EmailAddresses;

/**
 * Finds identifiers in free text. The line is cut into tokens once (letters, digits, decimal
 * points) and each token goes to the rules of its shape ({@link NumberRules}, {@link WordRules},
 * {@link PlaceRules}), so no regular expression runs per line and a line without a digit or an '@'
 * costs one pass. Not thread-safe: one instance per scanning thread.
 */
public final class IdentifierFinder {
  /** Receives each identifier found, already masked. */
  public interface Sink {
    void hit(IdentifierKind kind, String masked);
  }

  private static final int MAX_LINE = 1 << 20;

  private final Tokens t = new Tokens();
  private final NumberRules numbers = new NumberRules(t);
  private final WordRules words = new WordRules(t, numbers);
  private final PlaceRules places = new PlaceRules(t);
  private final CellMemory cells = new CellMemory(this);
  private final Map<String, Boolean> validEmails = new HashMap<>();

  /** Findings for a text, one per identifier, located by line: {@code "<location>, line 12"}. */
  public List<Finding> scanText(String text, String location) {
    List<Finding> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    String prefix = location == null || location.isEmpty() ? "" : location + ", ";
    int lineNo = 0;
    int from = 0;
    int n = text.length();
    while (from <= n) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? n : nl;
      lineNo++;
      String where = prefix + "line " + lineNo;
      scanLine(
          text.substring(from, to), null, (kind, masked) -> out.add(finding(kind, where, masked)));
      if (nl < 0) break;
      from = nl + 1;
    }
    return out;
  }

  /**
   * A line as staff may read it: a line that holds what looks like an identifier is replaced by
   * what was found, masked. Used wherever a sender's text is shown to staff ({@code tickets show},
   * the mails to officers), since a terminal's output ends up in tickets and logs, and a mail in
   * mailboxes.
   */
  public String maskedLine(String line) {
    List<String> hits = new ArrayList<>();
    scanLine(line, null, (kind, masked) -> hits.add(kind.label() + " " + masked));
    return hits.isEmpty()
        ? line
        : "[line not shown: it holds what looks like " + String.join(", ", hits) + "]";
  }

  /** Every line of a text as {@link #maskedLine} shows it. */
  public String maskedText(String text) {
    if (text == null || text.isEmpty()) return text;
    StringBuilder out = new StringBuilder(text.length());
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) out.append('\n');
      out.append(maskedLine(lines[i]));
    }
    return out.toString();
  }

  /** The finding for one identifier found at a place. */
  public static Finding finding(IdentifierKind kind, String location, String masked) {
    return new Finding(
        kind.name(), kind.severity(), location, looksLike(kind) + " " + kind.advice(), masked);
  }

  /** What was found, without the advice: "This looks like an NHS number." */
  public static String looksLike(IdentifierKind kind) {
    // by sound: "an NHS number", "an OS grid reference", but "a Unique Pupil Number"
    String first = kind.label().split(" ")[0];
    boolean acronym = first.length() > 1 && first.chars().allMatch(Character::isUpperCase);
    boolean vowelSound =
        acronym
            ? "AEFHILMNORSX".indexOf(first.charAt(0)) >= 0
            : "AEIO".indexOf(Character.toUpperCase(first.charAt(0))) >= 0
                || (Character.toUpperCase(first.charAt(0)) == 'U'
                    && !first.toLowerCase(java.util.Locale.ROOT).startsWith("uni"));
    String article = vowelSound ? "an " : "a ";
    return "This looks like " + article + kind.label() + ".";
  }

  /**
   * Scans one table cell; the same as {@link #scanLine} but remembering each distinct value's hits
   * per column ({@link CellMemory}).
   */
  public void scanCell(String cell, String hint, Sink sink) {
    cells.scan(cell, hint, sink);
  }

  /**
   * Scans one line or cell.
   *
   * @param hint lower-case context that precedes the text, such as the column header; may be null
   */
  public void scanLine(String line, String hint, Sink sink) {
    if (line == null || line.isEmpty()) return;
    if (line.length() > MAX_LINE) line = line.substring(0, MAX_LINE);
    boolean digit = false;
    boolean at = false;
    for (int i = 0, n = line.length(); i < n && !(digit && at); i++) {
      char c = line.charAt(i);
      if (c >= '0' && c <= '9') digit = true;
      else if (c == '@') at = true;
    }
    if (!digit && !at) return;
    t.s = line;
    t.hint = hint;
    t.sink = sink;
    if (at) emails();
    if (digit) {
      t.tokenize();
      for (int i = 0; i < t.count; ) {
        i += Math.max(1, token(i));
      }
    }
    t.s = null;
    t.sink = null;
  }

  private void emails() {
    String s = t.s;
    for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
      int a = at;
      while (a > 0 && emailChar(s.charAt(a - 1), true)) a--;
      int b = at + 1;
      while (b < s.length() && emailChar(s.charAt(b), false)) b++;
      while (b > at + 1 && s.charAt(b - 1) == '.') b--;
      if (a < at && b > at + 3) {
        String candidate = s.substring(a, b);
        if (validEmail(candidate)) t.hit(IdentifierKind.EMAIL_ADDRESS, Mask.email(candidate));
      }
    }
  }

  /**
   * Commons Validator's check runs several regular expressions; the same address tends to recur in
   * a file.
   */
  private boolean validEmail(String candidate) {
    Boolean known = validEmails.get(candidate);
    if (known != null) return known;
    boolean valid = EmailAddresses.valid(candidate);
    if (validEmails.size() < 1024) validEmails.put(candidate, valid);
    return valid;
  }

  private static boolean emailChar(char c, boolean local) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '.'
        || c == '-'
        || local && (c == '_' || c == '+' || c == '%' || c == '\'');
  }

  /** Looks at token i; returns how many tokens it consumed. */
  private int token(int i) {
    int st = t.starts[i];
    int len = t.ends[i] - st;
    int digits = 0;
    int uppers = 0;
    int lowers = 0;
    int dots = 0;
    for (int k = st; k < t.ends[i]; k++) {
      char c = t.s.charAt(k);
      if (c >= '0' && c <= '9') digits++;
      else if (c >= 'A' && c <= 'Z') uppers++;
      else if (c >= 'a' && c <= 'z') lowers++;
      else if (c == '.') dots++;
    }
    if (digits == len) return numbers.digits(i, len);
    if (dots == 1 && digits == len - 1) return places.decimal(i);
    if (digits > 0 && uppers + lowers + digits == len && len <= 16)
      return words.alnum(i, len, lowers > 0);
    if (digits == 0 && uppers + lowers == 2 && len == 2) return words.letterPair(i, lowers > 0);
    if (len == 3 && digits == 0 && t.s.regionMatches(true, st, "GIR", 0, 3))
      return words.alnum(i, len, lowers > 0);
    return 1;
  }
}
