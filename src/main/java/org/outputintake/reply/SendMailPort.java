package org.outputintake.reply;

/** Sends one email. The SMTP adapter implements it; a failure is an exception and the outbox retries. */
public interface SendMailPort {
  void send(OutgoingMail mail) throws Exception;

  /** Called after a batch of sends: an adapter that keeps a connection open closes it here. */
  default void endBatch() {}
}
