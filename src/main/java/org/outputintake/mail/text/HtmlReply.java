package org.outputintake.mail.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML side of {@link ReplyText}. Mail clients mark their quoted history in HTML more reliably
 * than in text, so the markup is used first: Gmail's {@code gmail_quote}, Apple Mail's and
 * Thunderbird's {@code blockquote type=cite} and {@code moz-cite-prefix}, Outlook's {@code
 * divRplyFwdMsg} / {@code appendonsend} and its border-top separator. What remains is converted to
 * text and read like a plain reply, which catches {@code >} quoting, attributions outside the
 * markup, and {@code -- } signatures.
 */
// node identity is meant: the walk stops at the body element itself, not at an equal one
@SuppressWarnings("ReferenceEquality")
public final class HtmlReply {
  /**
   * Outlook puts the history after these, not inside them: from the marker to the end is history.
   */
  private static final String CUT_TO_END =
      "#appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container,"
          + " hr#stopSpelling, div[style*=border-top]";

  private static final String QUOTES =
      "div.gmail_quote, blockquote.gmail_quote, div.gmail_attr, blockquote[type=cite],"
          + " .moz-cite-prefix, .moz-forward-container, div.yahoo_quoted";
  private static final String SIGNATURES =
      ".gmail_signature, .moz-signature, div#Signature, div#signature";
  private static final Pattern OUTLOOK_FROM = Pattern.compile("(?is)^\\s*(from|oddi wrth)\\s?:.*");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "tr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "hr",
          "table",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "address",
          "center",
          "section",
          "article",
          "header",
          "footer");

  private HtmlReply() {}

  static ReplyText read(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, head, title").remove();
    Element body = doc.body();
    StringBuilder quoted = new StringBuilder();
    StringBuilder signature = new StringBuilder();
    Element cut = firstCut(body);
    if (cut != null) cutToEnd(cut, body, quoted);
    for (Element q : outermost(body.select(QUOTES))) {
      appendBlock(quoted, text(q));
      q.remove();
    }
    for (Element s : outermost(body.select(SIGNATURES))) {
      appendBlock(signature, text(s));
      s.remove();
    }
    ReplyText rest = ReplyText.ofPlain(text(body));
    appendBlockFirst(quoted, rest.quoted());
    appendBlockFirst(signature, rest.signature());
    return new ReplyText(rest.newText(), quoted.toString().strip(), signature.toString().strip());
  }

  private static Element firstCut(Element body) {
    for (Element e : body.select(CUT_TO_END)) {
      boolean separator = e.attr("style").toLowerCase(Locale.ROOT).contains("border-top");
      // a border-top div is Outlook's only when it heads the original's From/Sent/To block
      if (!separator || OUTLOOK_FROM.matcher(text(e)).matches()) return e;
    }
    return null;
  }

  /** Removes the marker and everything after it in document order, keeping its text as history. */
  private static void cutToEnd(Element marker, Element body, StringBuilder quoted) {
    appendBlock(quoted, text(marker));
    Node current = marker;
    Node parent = marker.parent();
    Node next = marker.nextSibling();
    marker.remove();
    while (parent != null) {
      while (next != null) {
        Node after = next.nextSibling();
        appendBlock(
            quoted,
            next instanceof Element el ? text(el) : next instanceof TextNode tn ? tn.text() : "");
        next.remove();
        next = after;
      }
      if (parent == body) break;
      current = parent;
      next = current.nextSibling();
      parent = current.parent();
    }
  }

  /** Matches without those nested inside another match (a blockquote within a gmail_quote). */
  private static List<Element> outermost(Elements found) {
    return found.stream().filter(e -> e.parents().stream().noneMatch(found::contains)).toList();
  }

  /** Text with line breaks where the reader sees them: br and block elements. */
  public static String text(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              Element p = t.parent();
              boolean pre = p != null && p.closest("pre") != null;
              String s =
                  pre ? t.getWholeText() : t.getWholeText().replaceAll("[\\s&&[^\u00a0]]+", " ");
              if (!pre
                  && s.isBlank()
                  && (out.length() == 0 || out.charAt(out.length() - 1) == '\n')) return;
              out.append(s.replace('\u00a0', ' '));
            } else if (node instanceof Element e) {
              if (e.normalName().equals("br")) out.append('\n');
              else if (BLOCKS.contains(e.normalName())) newLine(out);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) newLine(out);
          }
        },
        root);
    String text = out.toString().replaceAll("(?m)^ +| +$", "");
    return text.replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
  }

  private static void appendBlock(StringBuilder sb, String text) {
    if (text == null || text.isBlank()) return;
    if (sb.length() > 0) sb.append('\n');
    sb.append(text.strip());
  }

  private static void appendBlockFirst(StringBuilder sb, String text) {
    if (text == null || text.isBlank()) return;
    sb.insert(0, sb.length() > 0 ? text.strip() + "\n" : text.strip());
  }
}
