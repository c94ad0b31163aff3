package org.outputintake.intake;

import java.util.List;
import java.util.stream.Collectors;
import org.outputintake.mail.InboundMessage;
import org.outputintake.scan.Finding;

/**
 * What parsing learnt about an email beyond its body and files, in the words a ticket uses: parts
 * that could not be read as sent become findings (never a silent loss), and parts that are not
 * outputs (signatures, alternative bodies, reports) are named in the audit trail as what they are.
 */
final class MessageNotes {
  /** A part of the email (an attachment, the text, a header) that could not be read as sent. */
  static final String UNREADABLE = "EMAIL_PART_UNREADABLE";

  private MessageNotes() {}

  static List<Finding> findings(InboundMessage m) {
    return m.parseWarnings().stream()
        .distinct()
        .map(
            w ->
                Finding.warning(
                    UNREADABLE, "", "Part of your email could not be read as sent: " + w + "."))
        .toList();
  }

  /**
   * e.g. {@code ; signed; not files: signature smime.p7s (application/pkcs7-signature)}, or empty.
   */
  static String otherParts(InboundMessage m) {
    if (m.otherParts().isEmpty()) return "";
    return (m.signed() ? "; signed" : "")
        + "; not files: "
        + m.otherParts().stream()
            .map(InboundMessage.Part::describe)
            .collect(Collectors.joining(", "));
  }
}
