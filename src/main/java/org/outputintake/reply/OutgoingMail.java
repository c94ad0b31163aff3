package org.outputintake.reply;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A reply as written to the outbox. Its Message-ID is fixed when it is written, so a resend after a crash is the
 * same message to every mail client and to the bot itself.
 *
 * @param ticketId the ticket it belongs to, or null (a subject-format reply opens no ticket)
 * @param kind what it is: acknowledgement, subject-help, refused, ...
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
    List<FileRef> attachments) {

  public OutgoingMail {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
    references = references == null ? List.of() : List.copyOf(references);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    if (!messageId.startsWith("<") || !messageId.endsWith(">")) {
      throw new IllegalArgumentException("Message-ID must be in angle brackets: " + messageId);
    }
  }

  public record FileRef(String name, Path path, String contentType) {}
}
