package org.outputintake.reply;

/**
 * Sends one email. {@link MessageRejected} says the failure belongs to this message; any other
 * exception says the server is in trouble, so the outbox stops its batch and backs off.
 */
public interface SendMailPort {
  void send(OutgoingMail mail) throws Exception;

  /** Called after a batch of sends: an adapter that keeps a connection open closes it here. */
  default void endBatch() {}
}
