package org.outputintake.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import org.outputintake.config.IntakeConfig;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.SendMailPort;

/** Sends outbox mail over SMTP, keeping the Message-ID fixed in the outbox and marking it as an automatic reply. */
public final class SmtpMailSender implements SendMailPort {
  private final IntakeConfig.Server server;
  private final String from;
  private final Session session;
  private final Clock clock;
  private Transport transport;

  public SmtpMailSender(IntakeConfig.Server server, String from) {
    this(server, from, Clock.systemUTC());
  }

  public SmtpMailSender(IntakeConfig.Server server, String from, Clock clock) {
    this.server = server;
    this.from = from;
    this.clock = clock;
    this.session = MailSessions.smtp(server);
  }

  @Override
  public void send(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
    MimeMessage msg = ReplyMessages.build(session, mail, from, clock.instant());
    try {
      transport().sendMessage(msg, msg.getAllRecipients());
    } catch (MessagingException e) {
      endBatch(); // a broken connection is not reused
      throw e;
    }
  }

  /** One SMTP connection serves a whole outbox batch instead of one connection per reply. */
  private Transport transport() throws MessagingException {
    if (transport == null || !transport.isConnected()) {
      transport = session.getTransport();
      if (server.hasCredentials()) transport.connect(server.host(), server.port(), server.username(), server.password());
      else transport.connect();
    }
    return transport;
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
