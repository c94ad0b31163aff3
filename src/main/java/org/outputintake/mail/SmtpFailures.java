package org.outputintake.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.FileNotFoundException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.outputintake.backoff.LoginRefused;
import org.outputintake.reply.MessageRejected;

/**
 * Tells a server failure from a message failure in what Angus throws. 421 and anything about the
 * connection or the login concern the whole session; a reply code given to one recipient (RCPT) or
 * to one message (after DATA) concerns that message: 5xx for ever, 4xx for now.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static void rethrow(MessagingException e)
      throws MessagingException, MessageRejected, LoginRefused {
    if (e instanceof MailLogin.OAuth2Refused)
      throw new LoginRefused("login refused: " + e.getMessage(), e);
    if (e instanceof AuthenticationFailedException)
      // the whole outbox waits on it, and only the operator can fix it: say which keys to check
      throw new LoginRefused(
          "login refused ("
              + String.valueOf(e.getMessage()).strip()
              + "): check mailbox.smtp.username and its password (INTAKE_SMTP_PASSWORD or"
              + " mailbox.smtp.password-file)",
          e);
    if (e instanceof SMTPSenderFailedException sender) {
      // our own MAIL FROM refused: every message would meet it, unless the refusal is about this
      // message's size
      if (sender.getReturnCode() == 552 || String.valueOf(sender.getMessage()).contains("5.3.4")) {
        throw new MessageRejected(true, "message too large for the server: " + describe(e), e);
      }
      throw e;
    }
    if (e instanceof SMTPSendFailedException sent && sent.getReturnCode() > 0) {
      byCode(sent.getReturnCode(), "message refused after DATA", e);
    }
    if (e instanceof SendFailedException failed) {
      int code = recipientCode(failed);
      if (code > 0) byCode(code, "recipient refused", e, recipientReply(failed));
      if (failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
        throw new MessageRejected(true, "recipient refused: " + describe(e), e);
      }
    }
    if (causedBy(e, FileNotFoundException.class)) {
      throw new MessageRejected(true, "an attachment could not be read: " + describe(e), e);
    }
    throw e;
  }

  private static void byCode(int code, String what, MessagingException e)
      throws MessagingException, MessageRejected {
    byCode(code, what, e, e);
  }

  /**
   * @param reply where the server's own words are: Angus sums a refused recipient up as "Invalid
   *     Addresses" and keeps the reply ("Relay access denied") in the chain
   */
  private static void byCode(int code, String what, MessagingException e, Exception reply)
      throws MessagingException, MessageRejected {
    if (code == 421)
      throw e; // service closing the channel: the server's trouble, not this message's
    if (code >= 500)
      throw new MessageRejected(true, what + " (" + code + "): " + describe(reply), e);
    if (code >= 400)
      throw new MessageRejected(false, what + " for now (" + code + "): " + describe(reply), e);
    throw e;
  }

  /** The first refused recipient's own reply, else the exception itself. */
  private static Exception recipientReply(SendFailedException e) {
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPAddressFailedException a) return a;
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return e;
  }

  /**
   * The most decisive reply code among the refused recipients: a permanent one wins over a
   * temporary one.
   */
  private static int recipientCode(SendFailedException e) {
    int best = -1;
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPAddressFailedException a) {
        int c = a.getReturnCode();
        if (c == 421) return 421;
        if (c >= 500 || best < 0) best = Math.max(best, c);
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return best;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return true;
      if (t instanceof MessagingException m
          && m.getNextException() != null
          && type.isInstance(m.getNextException())) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line without the server's multi-line echo, short enough for a log line and a database
   * column.
   */
  static String describe(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    msg = msg.replaceAll("\\s+", " ").trim();
    return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
  }
}
