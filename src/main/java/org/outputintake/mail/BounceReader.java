package org.outputintake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a delivery status notification and what it is about. Standard DSNs ({@code
 * multipart/report; report-type=delivery-status}, RFC 3464) and the usual non-standard layouts
 * (Exchange's "Undeliverable:", Gmail's "Delivery Status Notification (Failure)", Postfix, Exim
 * with {@code X-Failed-Recipients}) carry the failed message's headers somewhere in their body; the
 * Message-IDs found there name the reply that bounced.
 */
public final class BounceReader {
  /**
   * What a bounce says. {@code originalMessageIds} are every Message-ID in its body, the bounce's
   * own excluded.
   */
  public record Bounce(
      Set<String> originalMessageIds,
      List<String> failedRecipients,
      String status,
      String diagnostic) {
    public String summary() {
      String s = status == null ? "" : "status " + status;
      if (diagnostic != null) s += (s.isEmpty() ? "" : ": ") + diagnostic;
      return s.isEmpty() ? "delivery failed" : s;
    }
  }

  private static final int LIMIT = 4 * 1024 * 1024;
  private static final Pattern MESSAGE_ID =
      Pattern.compile("(?im)^[ \\t>]*(?:Original-)?Message-ID:\\s*(<[^<>\\s]{1,400}>)");
  private static final Pattern FINAL_RECIPIENT =
      Pattern.compile("(?im)^Final-Recipient:\\s*rfc822;\\s*<?([^>\\s]+)>?");
  private static final Pattern STATUS =
      Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;\\s*)?(.{1,200})");
  private static final Pattern BOUNCE_SUBJECT =
      Pattern.compile(
          "(?i)^(undeliverable|undelivered mail returned|"
              + "delivery status notification \\(failure\\)|mail delivery failed|returned mail|failure notice|"
              + "delivery failure|non[- ]delivery|message not delivered|undeliverable mail)");
  private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon");

  private BounceReader() {}

  /**
   * The bounce this message is, or empty when it is not one. Reads at most the first 4 MB of the
   * raw copy.
   */
  public static Optional<Bounce> read(Path raw, InboundMessage m) throws IOException {
    String contentType = m.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    boolean dsn =
        contentType.contains("multipart/report") && contentType.contains("delivery-status");
    boolean failedHeader = m.header("x-failed-recipients").isPresent();
    String local =
        m.from() == null || m.from().indexOf('@') < 0
            ? ""
            : m.from().substring(0, m.from().indexOf('@'));
    boolean daemon = DAEMONS.contains(local) || m.from() == null;
    boolean subject =
        BOUNCE_SUBJECT.matcher(m.subject().replaceFirst("(?i)^(re|fw|fwd):\\s*", "").trim()).find();
    if (!dsn && !failedHeader && !(daemon && subject)) return Optional.empty();
    String text = head(raw);
    int bodyStart = bodyStart(text);
    String body = text.substring(bodyStart);
    Set<String> ids = new LinkedHashSet<>();
    Matcher id = MESSAGE_ID.matcher(body);
    while (id.find()) if (!id.group(1).equals(m.messageId())) ids.add(id.group(1));
    if (m.inReplyTo() != null) ids.add(m.inReplyTo());
    List<String> failed = new ArrayList<>();
    m.header("x-failed-recipients")
        .ifPresent(
            v -> {
              for (String a : v.split("[,\\s]+"))
                if (a.contains("@")) failed.add(a.toLowerCase(Locale.ROOT));
            });
    Matcher fr = FINAL_RECIPIENT.matcher(body);
    while (fr.find())
      if (!failed.contains(fr.group(1).toLowerCase(Locale.ROOT)))
        failed.add(fr.group(1).toLowerCase(Locale.ROOT));
    if (failed.isEmpty()) failed.addAll(mentionedBeforeTheOriginal(body));
    Matcher st = STATUS.matcher(body);
    Matcher dg = DIAGNOSTIC.matcher(body);
    return Optional.of(
        new Bounce(
            ids, failed, st.find() ? st.group(1) : null, dg.find() ? dg.group(1).trim() : null));
  }

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,255}\\.[A-Za-z]{2,63}");
  private static final Pattern QUOTED_ORIGINAL =
      Pattern.compile(
          "(?im)^(?:content-type:\\s*(?:message/rfc822|text/rfc822-headers)|[ \\t>]*message-id:)");

  /**
   * A report without Final-Recipient or X-Failed-Recipients (Exchange: "Delivery has failed to
   * these recipients") names the failed address in its text, before the quoted original, whose own
   * To: says nothing about what failed.
   */
  private static List<String> mentionedBeforeTheOriginal(String body) {
    Matcher q = QUOTED_ORIGINAL.matcher(body);
    String text = q.find() ? body.substring(0, q.start()) : body;
    List<String> out = new ArrayList<>();
    Matcher a = ADDRESS.matcher(text);
    while (a.find()) {
      String address = a.group().toLowerCase(Locale.ROOT);
      if (!out.contains(address)) out.add(address);
    }
    return out;
  }

  private static String head(Path raw) throws IOException {
    try (InputStream in = Files.newInputStream(raw)) {
      return new String(in.readNBytes(LIMIT), StandardCharsets.ISO_8859_1);
    }
  }

  private static int bodyStart(String text) {
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (crlf < 0 && lf < 0) return text.length();
    if (crlf < 0) return lf + 2;
    if (lf < 0) return crlf + 4;
    return Math.min(crlf + 4, lf + 2);
  }
}
