package org.outputintake.mail.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outputintake.mail.InboundMessage;

/**
 * What a person actually wrote in a reply, apart from the history their mail client pasted under
 * it: {@code >} quoting, "On ... wrote:" / "Ar ... ysgrifennodd:" attributions, Outlook's
 * From/Sent/To/Subject block (English and Welsh), "-----Original Message-----", and the {@code -- }
 * signature. A command such as {@code #pass looks fine} is read from the first lines of {@link
 * #newText()}; the full original stays in the stored email.
 *
 * <p>Pure text work, no mail library: the HTML side is in {@link HtmlReply}.
 *
 * @param newText the text the sender wrote in this message, trimmed; empty when they wrote nothing
 * @param quoted the history their client quoted (attribution lines included), trimmed; empty when
 *     none
 * @param signature the signature block, trimmed; empty when none was recognised
 */
public record ReplyText(String newText, String quoted, String signature) {
  public ReplyText {
    newText = newText == null ? "" : newText;
    quoted = quoted == null ? "" : quoted;
    signature = signature == null ? "" : signature;
  }

  // "On Tue, 16 Jan 2024 at 10:15, Name <a@b> wrote:" (Gmail), "On 16 Jan 2024, at 10:15, Name
  // wrote:" (Apple
  // Mail), "On 16/01/2024 10:15, Name wrote:" (Thunderbird); Welsh Gmail "Ar ... <a@b>
  // ysgrifennodd:" and
  // Thunderbird "Ar ..., ysgrifennodd Name:"
  private static final Pattern ON_WROTE =
      Pattern.compile("(?i)^(on\\s.+\\swrote|ar\\s.+\\sysgrifennodd(\\s.+)?)\\s?:$");
  // "Name wrote:" / "Ysgrifennodd Name:" say little alone: they count only right above a > quote
  private static final Pattern BARE_WROTE =
      Pattern.compile("(?i)^(.{1,120}\\swrote|ysgrifennodd\\s.{1,120})\\s?:$");
  private static final Pattern WRAPPED_START = Pattern.compile("(?i)^(on|ar)\\s.*");
  private static final Pattern ORIGINAL =
      Pattern.compile(
          "(?i)^-{2,}\\s*(original message|neges wreiddiol|forwarded message|neges wedi'i hanfon ymlaen)\\s*-{2,}$"
              + "|^begin forwarded message:$|^_{10,}$");
  private static final Pattern HEADER_FROM =
      Pattern.compile("(?i)^\\*?(from|oddi wrth)\\s?:\\*?\\s*\\S.*");
  private static final Pattern HEADER_OTHER =
      Pattern.compile(
          "(?i)^\\*?(sent|date|to|cc|subject|anfonwyd|dyddiad|at|copi|pwnc)\\s?:\\*?(\\s.*)?$");
  private static final Pattern MOBILE_SIGNATURE =
      Pattern.compile(
          "(?i)^(sent from my \\S+.*|get outlook for \\S+.*|sent from outlook for \\S+.*|anfonwyd o fy \\S+.*)$");

  /** Reads a reply from its plain-text body, or from its HTML body when there is no plain text. */
  public static ReplyText of(String plain, String html) {
    if (plain != null && !plain.isBlank()) return ofPlain(plain);
    if (html != null && !html.isBlank()) return HtmlReply.read(html);
    return new ReplyText("", "", "");
  }

  /**
   * The parser keeps the HTML body only when there is no plain part, so this picks what the
   * sender's client sent.
   */
  public static ReplyText of(InboundMessage m) {
    return m.bodyHtml().isBlank() ? ofPlain(m.bodyText()) : HtmlReply.read(m.bodyHtml());
  }

  public static ReplyText ofPlain(String text) {
    if (text == null) return new ReplyText("", "", "");
    List<String> lines =
        List.of(
            text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').split("\n", -1));
    List<String> fresh = new ArrayList<>();
    List<String> quote = new ArrayList<>();
    List<String> sig = new ArrayList<>();
    List<Integer> freshAt = new ArrayList<>();
    int lastInlineQuote = -1;
    boolean inSignature = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.strip();
      int historyAt = historyStart(lines, i);
      if (historyAt >= 0) {
        // what the client pasted below its marker is all history, quoted with > or not (Outlook
        // does not)
        quote.addAll(lines.subList(i, lines.size()));
        break;
      }
      if (t.startsWith(">")) {
        quote.add(line);
        lastInlineQuote = i;
        inSignature = false;
        continue;
      }
      if (line.equals("-- ") || t.equals("--") || MOBILE_SIGNATURE.matcher(t).matches())
        inSignature = true;
      if (!inSignature) freshAt.add(i);
      (inSignature ? sig : fresh).add(line);
    }
    // with inline answers, a sign-off counts only after the last quoted line: a "Thanks" above a
    // quote answers it
    int from = firstAfter(freshAt, lastInlineQuote);
    int at = SignOff.start(fresh.subList(from, fresh.size()));
    int signOff = at < 0 ? -1 : from + at;
    if (signOff >= 0) {
      List<String> moved = new ArrayList<>(fresh.subList(signOff, fresh.size()));
      moved.addAll(sig);
      sig = moved;
      fresh = fresh.subList(0, signOff);
    }
    return new ReplyText(trimBlankLines(fresh), trimBlankLines(quote), trimBlankLines(sig));
  }

  /**
   * First non-blank lines of the new text, stripped, at most {@code max}: where a command is read.
   */
  public List<String> leadingLines(int max) {
    return newText.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(max).toList();
  }

  /** The first non-blank line of the new text, e.g. {@code #pass looks fine}. */
  public Optional<String> firstLine() {
    return leadingLines(1).stream().findFirst();
  }

  /** How many non-blank lines of history were folded away. */
  public int quotedLineCount() {
    return (int) quoted.lines().filter(l -> !l.isBlank()).count();
  }

  /**
   * Where history starts at line i: i itself, or -1. An attribution wrapped over lines counts from
   * its first.
   */
  private static int historyStart(List<String> lines, int i) {
    String t = lines.get(i).strip();
    if (t.isEmpty()) return -1;
    if (ORIGINAL.matcher(t).matches()) {
      // a bare rule of underscores only introduces Outlook's header block
      return !t.startsWith("_") || outlookHeader(lines, nextNonBlank(lines, i + 1)) ? i : -1;
    }
    if (outlookHeader(lines, i)) return i;
    // Gmail wraps a long attribution: "On Tue, ..., Name <" / "name@example.org> wrote:"
    StringBuilder joined = new StringBuilder(t);
    int span = WRAPPED_START.matcher(t).matches() ? 3 : 1;
    for (int k = i; k < Math.min(i + span, lines.size()); k++) {
      if (k > i && lines.get(k).isBlank()) break;
      if (k > i) joined.append(' ').append(lines.get(k).strip());
      String s = joined.toString();
      if (s.length() > 300) break;
      if (attribution(s, lines, k)) return i;
      if (s.endsWith(":")) break;
    }
    return -1;
  }

  private static boolean attribution(String s, List<String> lines, int lastLine) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (ON_WROTE.matcher(s).matches() && (lower.matches(".*\\d.*") || s.contains("@"))) return true;
    if (!BARE_WROTE.matcher(s).matches()) return false;
    int next = nextNonBlank(lines, lastLine + 1);
    return next >= 0 && lines.get(next).strip().startsWith(">");
  }

  /**
   * From: followed within a few lines by at least two of Sent/Date, To, Subject, Cc (or their Welsh
   * names).
   */
  private static boolean outlookHeader(List<String> lines, int i) {
    if (i < 0 || !HEADER_FROM.matcher(lines.get(i).strip()).matches()) return false;
    int others = 0;
    for (int k = i + 1; k < Math.min(i + 8, lines.size()); k++) {
      String t = lines.get(k).strip();
      if (HEADER_OTHER.matcher(t).matches()) others++;
    }
    return others >= 2;
  }

  private static int nextNonBlank(List<String> lines, int from) {
    for (int k = from; k < lines.size(); k++) if (!lines.get(k).isBlank()) return k;
    return -1;
  }

  private static int firstAfter(List<Integer> positions, int line) {
    int k = 0;
    while (k < positions.size() && positions.get(k) < line) k++;
    return k;
  }

  static String trimBlankLines(List<String> lines) {
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) start++;
    while (end > start && lines.get(end - 1).isBlank()) end--;
    return String.join(
        "\n", lines.subList(start, end).stream().map(String::stripTrailing).toList());
  }
}
