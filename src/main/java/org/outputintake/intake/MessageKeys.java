package org.outputintake.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.outputintake.mail.InboundMessage;
import org.outputintake.store.RawStore;

/**
 * The idempotency key of an email. The Message-ID, as always, when no email with that id was seen;
 * the same id and the same content (trace headers aside) is the same email delivered again, so only
 * its IMAP move is finished; the same id on a different email gets a key of its own (the id plus
 * its content digest) and is processed as the message it is, the reuse logged and audited. Without
 * a Message-ID the raw bytes' SHA-256 is the key.
 */
final class MessageKeys {
  /** Separates the Message-ID from the content digest in the key of a message that reuses an id. */
  static final String REUSE_MARK = " sha256:";

  private MessageKeys() {}

  /**
   * @param key the key to record the message under
   * @param seenAs the disposition of the earlier record of this very email, when it was handled
   *     before
   * @param reusedId true when another email already used this Message-ID
   */
  record Decision(String key, Optional<String> seenAs, boolean reusedId) {
    boolean duplicate() {
      return seenAs.isPresent();
    }
  }

  /**
   * @param m the message, or its headers alone, or null when not even they could be read
   */
  static Decision decide(Connection c, InboundMessage m, RawStore.Stored raw) throws SQLException {
    if (m == null || m.messageId() == null) {
      String key = "sha256:" + raw.sha256();
      return new Decision(key, MailLog.disposition(c, key), false);
    }
    return decide(c, m.messageId(), m.contentSha256());
  }

  static Decision decide(Connection c, String messageId, String contentSha256) throws SQLException {
    var earlier = MailLog.withMessageId(c, messageId);
    if (earlier.isEmpty()) return new Decision(messageId, Optional.empty(), false);
    for (MailLog.Seen s : earlier) {
      // a record from before digests were kept cannot be compared: treated as this email, as it
      // always was
      if (s.contentSha256() == null
          || contentSha256 == null
          || s.contentSha256().equals(contentSha256)) {
        return new Decision(s.messageKey(), Optional.of(s.disposition()), false);
      }
    }
    return new Decision(messageId + REUSE_MARK + contentSha256, Optional.empty(), true);
  }

  static boolean isReuse(String key) {
    return key.contains(REUSE_MARK) && !key.startsWith("sha256:");
  }
}
