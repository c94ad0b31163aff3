package org.outputintake.reply;

/**
 * A send failed because of this one message (its recipient, its size, its attachment), not because
 * the server is in trouble: the outbox marks the row and goes on with the next instead of stopping
 * every reply behind it. Any other exception from {@link SendMailPort#send} is taken as a server
 * failure.
 */
public class MessageRejected extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean permanent;

  /**
   * @param permanent true for a refusal that will never change (5xx, an address the library cannot
   *     use, a file that is gone); false for one worth retrying later (4xx for this recipient)
   */
  public MessageRejected(boolean permanent, String reason, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }

  /**
   * A file to attach no longer has the SHA-256 it was checked under: what was checked is not what
   * would leave, so the mail is never sent and the officers are told.
   */
  public static final class AttachmentChanged extends MessageRejected {
    private static final long serialVersionUID = 1L;

    public AttachmentChanged(String reason, Throwable cause) {
      super(true, reason, cause);
    }
  }
}
