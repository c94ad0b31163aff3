package org.outputintake.scan.identifier;

import java.util.Arrays;

/**
 * One line cut into tokens (runs of letters and digits, with decimal points inside numbers), kept
 * as offsets into the line so that no token is copied unless a rule needs its text, and where the
 * rules report what they find in it. Reused from line to line.
 */
final class Tokens {
  int[] starts = new int[64];
  int[] ends = new int[64];
  int count;
  String s;

  /** Lower-case context that precedes the line, such as a column header; may be null. */
  String hint;

  /** Receives the current line's identifiers. */
  IdentifierFinder.Sink sink;

  void hit(IdentifierKind kind, String masked) {
    sink.hit(kind, masked);
  }

  /** Token k in capitals: identifiers are written in any case and judged in capitals. */
  String upper(int k) {
    return text(k).toUpperCase(java.util.Locale.ROOT);
  }

  void tokenize() {
    count = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && !alnum(s.charAt(i))) i++;
      if (i >= n) break;
      int st = i;
      while (i < n
          && (alnum(s.charAt(i))
              || s.charAt(i) == '.' && i > st && digitAt(i - 1) && digitAt(i + 1))) i++;
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = st;
      ends[count] = i;
      count++;
    }
  }

  /**
   * Whether one of the words (lower case) starts a token among the {@code window} tokens before i,
   * or the hint.
   */
  boolean context(int i, int window, String... words) {
    if (hint != null) {
      for (String w : words) {
        if (ColumnNames.hasWordStart(hint, w)) return true;
      }
    }
    for (int k = i - 1; k >= 0 && k >= i - window; k--) {
      char first = s.charAt(starts[k]);
      char lower = first >= 'A' && first <= 'Z' ? (char) (first + 32) : first;
      for (String w : words) {
        // the first letter rules out nearly every token before the (slower) case-insensitive
        // comparison
        if (w.charAt(0) == lower
            && len(k) >= w.length()
            && s.regionMatches(true, starts[k], w, 0, w.length())
            && (w.length() > 3 || len(k) <= w.length() + 2)) {
          return true;
        }
      }
    }
    return false;
  }

  boolean separator(int k) {
    return single(k, ' ') || single(k, '-');
  }

  /** Whether token k follows the one before after one or two spaces ({@code so1 1aa}). */
  boolean spaced(int k) {
    int gap = starts[k] - ends[k - 1];
    if (gap < 1 || gap > 2) return false;
    for (int p = ends[k - 1]; p < starts[k]; p++) if (s.charAt(p) != ' ') return false;
    return true;
  }

  boolean single(int k, char c) {
    return starts[k] - ends[k - 1] == 1 && s.charAt(ends[k - 1]) == c;
  }

  int len(int k) {
    return ends[k] - starts[k];
  }

  String text(int k) {
    return s.substring(starts[k], ends[k]);
  }

  boolean allDigits(int k) {
    return CheckDigits.allDigits(s, starts[k], ends[k]);
  }

  boolean allLetters(int k) {
    for (int p = starts[k]; p < ends[k]; p++) {
      char c = s.charAt(p);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
    }
    return true;
  }

  boolean digitAt(int p) {
    return p >= 0 && p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9';
  }

  static boolean digitAt(String s, int p) {
    return p >= 0 && p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9';
  }

  static boolean alnum(char c) {
    return c >= '0' && c <= '9'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c > 127 && Character.isLetterOrDigit(c);
  }
}
