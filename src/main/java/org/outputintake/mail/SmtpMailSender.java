package org.outputintake.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.outputintake.config.Server;
import org.outputintake.reply.MessageRejected;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.SendMailPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox mail over SMTP, keeping the Message-ID fixed in the outbox and marking it as an
 * automatic reply.
 */
public final class SmtpMailSender implements SendMailPort {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);
  private final Server server;
  private final String from;
  private final Session session;
  private final Clock clock;
  private final MailLogin login;
  private Transport transport;
  private java.util.Optional<java.time.Instant> renewAt = java.util.Optional.empty();

  public SmtpMailSender(Server server, String from, Clock clock) {
    this(MailLogin.of(server, "mailbox.smtp", clock), from, clock);
  }

  public SmtpMailSender(MailLogin login, String from, Clock clock) {
    this.server = login.server();
    this.login = login;
    this.from = from;
    this.clock = clock;
    this.session = MailSessions.smtp(server);
  }

  /** The SMTP login, whose OAuth2 state a health check reports. */
  public MailLogin login() {
    return login;
  }

  /**
   * Sends one reply. A failure that belongs to this message (an address the library cannot use, a
   * 5xx for its recipient or its content, a file that is gone) is thrown as {@link
   * MessageRejected}; anything else means the server or the connection is in trouble.
   */
  @Override
  public void send(OutgoingMail mail)
      throws MessagingException, MessageRejected, org.outputintake.backoff.LoginRefused {
    MimeMessage msg = build(mail);
    try {
      transport().sendMessage(msg, msg.getAllRecipients());
    } catch (SendFailedException e) {
      if (e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0) {
        // delivered to the researcher; only a blind copy was refused, and resending would duplicate
        // the mail
        LOG.warn(
            "{} sent, but {} of its recipients refused: {}",
            mail.messageId(),
            e.getInvalidAddresses() == null ? 0 : e.getInvalidAddresses().length,
            SmtpFailures.describe(e));
        return;
      }
      endBatch();
      SmtpFailures.rethrow(e);
    } catch (MessagingException e) {
      endBatch(); // a broken connection is not reused; a refused message leaves the session in
      // doubt too
      SmtpFailures.rethrow(e);
    }
  }

  private MimeMessage build(OutgoingMail original) throws MessageRejected {
    Optional<String> problem = Addresses.problem(original.to());
    if (problem.isPresent())
      throw new MessageRejected(true, "recipient unusable: " + problem.get(), null);
    java.util.List<String> bcc = new java.util.ArrayList<>();
    for (String b : original.bcc()) {
      // a dead blind copy (a data owner's old address) must not stop the researcher's mail
      if (Addresses.usable(b)) bcc.add(b);
      else
        LOG.warn(
            "{}: blind copy to {} dropped: {}",
            original.messageId(),
            org.outputintake.reply.OutboxSender.mask(b),
            Addresses.problem(b).get());
    }
    OutgoingMail mail = original.withBcc(bcc);
    for (OutgoingMail.FileRef f : mail.attachments()) {
      if (!Files.isReadable(f.path())) {
        throw new MessageRejected(
            true, "attachment " + f.name() + " is no longer in the store", null);
      }
    }
    for (OutgoingMail.InlineImage i : mail.inlineImages()) {
      if (!java.nio.file.Files.isReadable(i.path())) {
        throw new MessageRejected(
            true, "inline image " + i.name() + " is no longer in the store", null);
      }
    }
    try {
      return ReplyMessages.build(session, mail, from, clock.instant());
    } catch (ReplyMessages.AttachmentChanged e) {
      throw new MessageRejected.AttachmentChanged(e.getMessage(), e);
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      throw new MessageRejected(
          true, "cannot be written as an email: " + SmtpFailures.describe(e), e);
    }
  }

  /** One SMTP connection serves a whole outbox batch instead of one connection per reply. */
  private Transport transport() throws MessagingException {
    if (transport != null && login.sessionDue(renewAt)) endBatch();
    if (transport == null || !transport.isConnected()) {
      transport = session.getTransport();
      login.connect(transport);
      renewAt = login.renewAt();
    }
    return transport;
  }

  /**
   * Logs in and out once, so a refused login is known before the first reply waits on it.
   *
   * @return why the server could not be reached (an outage, not a refusal), if it could not
   */
  public Optional<String> checkLogin() throws org.outputintake.backoff.LoginRefused {
    try {
      transport();
      return Optional.empty();
    } catch (MessagingException e) {
      try {
        SmtpFailures.rethrow(e);
      } catch (MessagingException | MessageRejected outage) {
        return Optional.of(SmtpFailures.describe(outage));
      }
      return Optional.of(SmtpFailures.describe(e));
    } finally {
      endBatch();
    }
  }

  @Override
  public void endBatch() {
    if (transport == null) return;
    try {
      transport.close();
    } catch (MessagingException e) {
      // the connection is being dropped either way
    } finally {
      transport = null;
    }
  }
}
