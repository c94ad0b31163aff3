package org.outputintake.reply;

import java.util.List;

/**
 * The email a reply answers, as much of it as threading needs: who wrote, the subject, its
 * Message-ID and the thread it belongs to. Replies depend on this, not on the mail adapter's parsed
 * message.
 */
public record Answering(String from, String subject, String messageId, List<String> references) {
  public Answering {
    subject = subject == null ? "" : subject;
    references = references == null ? List.of() : List.copyOf(references);
  }
}
