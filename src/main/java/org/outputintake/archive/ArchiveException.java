package org.outputintake.archive;

/**
 * An export that cannot start or cannot be put in place; nothing was changed in the target
 * directory.
 */
public class ArchiveException extends RuntimeException {
  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No ticket has that id. */
  public static final class UnknownTicket extends ArchiveException {
    public UnknownTicket(String ticketId) {
      super("no ticket " + ticketId + " (see 'tickets list')");
    }
  }

  /**
   * The target already holds a different, complete export: the permanent record is never
   * overwritten.
   */
  public static final class Conflict extends ArchiveException {
    public Conflict(String message) {
      super(message);
    }
  }
}
