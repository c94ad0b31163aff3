package org.outputintake.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.jsoup.Jsoup;
import org.outputintake.mail.text.HtmlReply;

/** Header and body values as the parser compares and stores them. */
final class HeaderValues {
  private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]+>");

  private HeaderValues() {}

  /**
   * The first address of a {@code From:} header, read as RFC 2047 means: parsed before its encoded
   * words are decoded, so a comma inside an encoded name ({@code =?UTF-8?Q?Lovelace=2C_Ad=C3=A1?=})
   * stays in the name instead of splitting the header in two; else after decoding, for senders that
   * encode the whole header. Its personal name comes back decoded. Null when neither reading gives
   * an address with an {@code @}.
   *
   * @throws AddressException when the decoded header cannot be parsed either
   */
  static InternetAddress firstAddress(String header) throws AddressException {
    String decoded = DecoderUtil.decodeEncodedWords(header, DecodeMonitor.SILENT);
    try {
      InternetAddress first = withAt(InternetAddress.parseHeader(unfold(header), false));
      if (first != null) {
        String personal = first.getPersonal();
        return personal == null
            ? first
            : new InternetAddress(
                first.getAddress(),
                DecoderUtil.decodeEncodedWords(personal, DecodeMonitor.SILENT),
                StandardCharsets.UTF_8.name());
      }
    } catch (AddressException | java.io.UnsupportedEncodingException e) {
      // the decoded reading below decides
    }
    InternetAddress read = withAt(InternetAddress.parseHeader(decoded, false));
    // an address that only decoding produced (From: =?utf-8?q?alice=40example.org?=) is no
    // address: mail servers route, check and sign the raw header, never the decoded one
    return read != null
            && unfold(header)
                .toLowerCase(java.util.Locale.ROOT)
                .contains(read.getAddress().toLowerCase(java.util.Locale.ROOT))
        ? read
        : null;
  }

  private static InternetAddress withAt(InternetAddress[] list) {
    return list.length > 0 && list[0].getAddress() != null && list[0].getAddress().contains("@")
        ? list[0]
        : null;
  }

  /** A Content-ID as compared: without angle brackets, percent-decoded (as in a URL), any case. */
  static String cid(String value) {
    String v = stripAngles(value);
    if (v == null) return "";
    try {
      v = java.net.URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // not valid percent-encoding: compare as written
    }
    return v.toLowerCase(Locale.ROOT);
  }

  static String unfold(String s) {
    return s.replaceAll("\\r?\\n[ \\t]+", " ");
  }

  static String stripAngles(String s) {
    if (s == null) return null;
    String t = s.trim();
    if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1);
    return t.isEmpty() ? null : t;
  }

  static String firstId(String header) {
    if (header == null) return null;
    Matcher m = MSG_ID.matcher(header);
    return m.find() ? m.group() : null;
  }

  static List<String> allIds(String header) {
    List<String> out = new ArrayList<>();
    if (header == null) return out;
    Matcher m = MSG_ID.matcher(header);
    while (m.find()) out.add(m.group());
    return out;
  }

  /**
   * The text of an HTML-only body as the reader sees it; parsed by jsoup, so every entity is
   * decoded and scripts, styles and comments are left out.
   */
  static String htmlToText(String html) {
    if (html.isEmpty()) return "";
    return HtmlReply.text(Jsoup.parse(html).body());
  }
}
