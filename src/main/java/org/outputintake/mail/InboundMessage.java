package org.outputintake.mail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outputintake.mail.text.ReplyText;

/**
 * An email as the pipeline sees it after parsing. Attachment bytes are in temp files, never in
 * memory.
 *
 * @param messageId the Message-ID with angle brackets, or null when the sender gave none
 * @param from the sender's address, lower-case, or null when absent or unparseable
 * @param headers selected top-level headers by lower-case name (first occurrence), for loop
 *     detection; under {@value #AUTHENTICATION_RESULTS} every occurrence, one unfolded value a
 *     line, top-down
 * @param bodyText the plain-text body, capped; the HTML body converted to text when there is no
 *     plain part
 * @param bodyHtml the HTML body as sent, capped, only when there is no plain part (else empty):
 *     quoted history in HTML is marked up (blockquote, gmail_quote...) and {@link ReplyText} needs
 *     that markup
 * @param parseWarnings what could not be read as sent (a part that would not decode, an unknown
 *     charset): each reaches the ticket as a finding, so nothing is lost silently
 * @param otherParts parts that are neither the body nor files: signatures, alternative bodies,
 *     reports
 * @param contentSha256 SHA-256 of the raw message without its trace headers (Received and the
 *     like), so that the same message relayed twice compares equal; null when not worked out
 */
public record InboundMessage(
    String messageId,
    String inReplyTo,
    List<String> references,
    String from,
    String fromName,
    String subject,
    Instant date,
    Map<String, String> headers,
    String bodyText,
    String bodyHtml,
    List<Attachment> attachments,
    List<String> parseWarnings,
    List<Part> otherParts,
    String contentSha256) {

  /**
   * Lower-case key under which {@link #headers} keeps every Authentication-Results value, one a
   * line.
   */
  public static final String AUTHENTICATION_RESULTS = "authentication-results";

  public InboundMessage {
    otherParts = otherParts == null ? List.of() : List.copyOf(otherParts);
    references = List.copyOf(references);
    headers = Map.copyOf(headers);
    attachments = List.copyOf(attachments);
    parseWarnings = List.copyOf(parseWarnings);
    subject = subject == null ? "" : subject;
    bodyText = bodyText == null ? "" : bodyText;
    bodyHtml = bodyHtml == null ? "" : bodyHtml;
  }

  /**
   * Every top-level Authentication-Results header, top-down as in the message (the one nearest the
   * top was added last, by the receiving side), each unfolded to one line.
   */
  public List<String> authenticationResults() {
    String all = headers.get(AUTHENTICATION_RESULTS);
    if (all == null || all.isEmpty()) return List.of();
    return List.of(all.split("\n"));
  }

  /**
   * A message as before non-file parts and content hashes were recorded (tests and older call
   * sites).
   */
  public InboundMessage(
      String messageId,
      String inReplyTo,
      List<String> references,
      String from,
      String fromName,
      String subject,
      Instant date,
      Map<String, String> headers,
      String bodyText,
      List<Attachment> attachments,
      List<String> parseWarnings) {
    this(
        messageId,
        inReplyTo,
        references,
        from,
        fromName,
        subject,
        date,
        headers,
        bodyText,
        "",
        attachments,
        parseWarnings,
        List.of(),
        null);
  }

  /** Signed with S/MIME or PGP: the signature is recorded as such, never as a file. */
  public boolean signed() {
    return otherParts.stream().anyMatch(p -> p.kind() == PartKind.SIGNATURE);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** What a reply to this email needs for threading. */
  public org.outputintake.reply.Answering answering() {
    return new org.outputintake.reply.Answering(from, subject, messageId, references);
  }

  /** Files the researcher sent: attachments that are not inline images of the HTML body. */
  public List<Attachment> files() {
    return attachments.stream().filter(a -> !a.inline()).toList();
  }

  /**
   * The addresses in its To and Cc headers, lower-case: who else the sender copied. An unreadable
   * header gives what could be read of it.
   */
  public List<String> toAndCc() {
    var out = new java.util.ArrayList<String>();
    for (String name : List.of("to", "cc")) {
      String value = headers.get(name);
      if (value == null || value.isBlank()) continue;
      try {
        for (var a : jakarta.mail.internet.InternetAddress.parseHeader(value, false)) {
          if (a.getAddress() != null) out.add(a.getAddress().toLowerCase(java.util.Locale.ROOT));
        }
      } catch (jakarta.mail.internet.AddressException e) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("[^\\s<>,;\"]+@[^\\s<>,;\"]+").matcher(value);
        while (m.find()) out.add(m.group().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  /** Every Message-ID this email replies to, nearest first. */
  public List<String> threadIds() {
    var ids = new java.util.ArrayList<String>();
    if (inReplyTo != null) ids.add(inReplyTo);
    for (int i = references.size() - 1; i >= 0; i--) {
      if (!ids.contains(references.get(i))) ids.add(references.get(i));
    }
    return ids;
  }

  /**
   * @param name the file name as sent (decoded; may contain anything, so never use it as a path)
   * @param inline an image shown inside the HTML body (a signature logo), not an output file
   */
  public record Attachment(
      String name, String contentType, Path file, long size, String contentId, boolean inline) {
    public Attachment {
      Objects.requireNonNull(file, "file");
      name = name == null || name.isBlank() ? "unnamed" : name;
      contentType = contentType == null ? "application/octet-stream" : contentType;
    }
  }

  /**
   * A part that is not an output: what it is, so a ticket can say so.
   *
   * @param name its file name when it has one, else null
   */
  public record Part(PartKind kind, String contentType, String name, long size) {
    public Part {
      Objects.requireNonNull(kind, "kind");
      contentType = contentType == null ? "application/octet-stream" : contentType;
    }

    /** e.g. {@code signature smime.p7s (application/pkcs7-signature)}. */
    public String describe() {
      return kind.label() + (name == null ? "" : " " + name) + " (" + contentType + ")";
    }
  }
}
