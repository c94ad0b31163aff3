package org.outputintake.reply;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A reply as written to the outbox. Its Message-ID is fixed when it is written, so a resend after a
 * crash is the same message to every mail client and to the bot itself.
 *
 * @param ticketId the ticket it belongs to, or null (a subject-format reply opens no ticket)
 * @param kind what it is: acknowledgement, subject-help, refused, ...
 * @param html an HTML alternative to {@code body} (digests), or null for plain text only
 * @param inlineImages images the HTML shows ({@code <img src="cid:...">}), sent as related parts
 * @param from the bot's mailbox it leaves from (a reply leaves from the mailbox the request came
 *     to); null for the first configured mailbox
 */
public record OutgoingMail(
    String messageId,
    String ticketId,
    String kind,
    String to,
    List<String> bcc,
    String subject,
    String body,
    String inReplyTo,
    List<String> references,
    List<FileRef> attachments,
    String html,
    List<InlineImage> inlineImages,
    String from) {

  /** From the first configured mailbox. */
  public OutgoingMail(
      String messageId,
      String ticketId,
      String kind,
      String to,
      List<String> bcc,
      String subject,
      String body,
      String inReplyTo,
      List<String> references,
      List<FileRef> attachments,
      String html,
      List<InlineImage> inlineImages) {
    this(
        messageId,
        ticketId,
        kind,
        to,
        bcc,
        subject,
        body,
        inReplyTo,
        references,
        attachments,
        html,
        inlineImages,
        null);
  }

  /** Plain text mail: what every reply but a digest is. */
  public OutgoingMail(
      String messageId,
      String ticketId,
      String kind,
      String to,
      List<String> bcc,
      String subject,
      String body,
      String inReplyTo,
      List<String> references,
      List<FileRef> attachments) {
    this(
        messageId,
        ticketId,
        kind,
        to,
        bcc,
        subject,
        body,
        inReplyTo,
        references,
        attachments,
        null,
        List.of());
  }

  /** The same mail with other blind copies. */
  public OutgoingMail withBcc(List<String> newBcc) {
    return new OutgoingMail(
        messageId,
        ticketId,
        kind,
        to,
        newBcc,
        subject,
        body,
        inReplyTo,
        references,
        attachments,
        html,
        inlineImages,
        from);
  }

  /** The same mail with its files found elsewhere (this host's copies of the shared store). */
  public OutgoingMail withAttachments(List<FileRef> found) {
    return new OutgoingMail(
        messageId,
        ticketId,
        kind,
        to,
        bcc,
        subject,
        body,
        inReplyTo,
        references,
        found,
        html,
        inlineImages,
        from);
  }

  /** The same mail leaving from another of the bot's mailboxes. */
  public OutgoingMail withFrom(String address) {
    return new OutgoingMail(
        messageId,
        ticketId,
        kind,
        to,
        bcc,
        subject,
        body,
        inReplyTo,
        references,
        attachments,
        html,
        inlineImages,
        address);
  }

  public OutgoingMail {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    references = references == null ? List.of() : List.copyOf(references);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    inlineImages = inlineImages == null ? List.of() : List.copyOf(inlineImages);
    if (html == null && !inlineImages.isEmpty())
      throw new IllegalArgumentException("inline images need an HTML body");
    if (!messageId.startsWith("<") || !messageId.endsWith(">")) {
      throw new IllegalArgumentException("Message-ID must be in angle brackets: " + messageId);
    }
  }

  /**
   * A file to attach.
   *
   * @param sha256 the hash the file was checked under (a released file), or null: when given, the
   *     bytes read at sending time must match it, or the mail is not sent
   */
  public record FileRef(String name, Path path, String contentType, String sha256) {
    public FileRef(String name, Path path, String contentType) {
      this(name, path, contentType, null);
    }
  }

  /** An image shown inside the HTML body as {@code cid:<cid>}. */
  public record InlineImage(String cid, String name, Path path, String contentType) {
    public InlineImage {
      Objects.requireNonNull(cid, "cid");
      Objects.requireNonNull(path, "path");
      if (!cid.matches("[A-Za-z0-9._@-]+"))
        throw new IllegalArgumentException("unusable Content-ID: " + cid);
    }
  }
}
