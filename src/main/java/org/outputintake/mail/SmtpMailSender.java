package org.outputintake.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import org.outputintake.config.IntakeConfig;
import org.outputintake.intake.LoopGuard;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.SendMailPort;

/** Sends outbox mail over SMTP, keeping the Message-ID fixed in the outbox and marking it as an automatic reply. */
public final class SmtpMailSender implements SendMailPort {
  private final IntakeConfig.Server server;
  private final String from;
  private final Session session;
  private Transport transport;

  public SmtpMailSender(IntakeConfig.Server server, String from) {
    this.server = server;
    this.from = from;
    this.session = MailSessions.smtp(server);
  }

  @Override
  public void send(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
    MimeMessage msg = new FixedIdMessage(session, mail.messageId());
    msg.setFrom(new InternetAddress(from, "Output Intake", "UTF-8"));
    msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
    for (String bcc : mail.bcc()) msg.addRecipients(Message.RecipientType.BCC, InternetAddress.parse(bcc));
    msg.setSubject(mail.subject(), "UTF-8");
    msg.setSentDate(new Date());
    if (mail.inReplyTo() != null) msg.setHeader("In-Reply-To", mail.inReplyTo());
    if (!mail.references().isEmpty()) {
      msg.setHeader("References", MimeUtility.fold(12, String.join(" ", mail.references())));
    }
    msg.setHeader("Auto-Submitted", "auto-replied");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader(LoopGuard.LOOP_HEADER, from);
    if (mail.attachments().isEmpty()) {
      msg.setText(mail.body(), "UTF-8");
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.body(), "UTF-8");
      mixed.addBodyPart(text);
      for (OutgoingMail.FileRef f : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileDataSource(f.path().toFile())));
        part.setFileName(MimeUtility.encodeText(f.name(), "UTF-8", null));
        part.setHeader("Content-Type", f.contentType() + "; name=\"" + MimeUtility.encodeText(f.name(), "UTF-8", null) + "\"");
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      msg.setContent(mixed);
    }
    msg.saveChanges();
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

  /** Jakarta Mail would replace the Message-ID on save; the outbox's id must survive every resend. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
