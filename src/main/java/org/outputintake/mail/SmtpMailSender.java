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
import org.outputintake.reply.MessageRejected;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.SendMailPort;

/** Sends outbox mail over SMTP, keeping the Message-ID fixed in the outbox and marking it as an automatic reply. */
public final class SmtpMailSender implements SendMailPort {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SmtpMailSender.class);
  private final IntakeConfig.Server server;
  private final String from;
  private final Session session;
  private Transport transport;

  public SmtpMailSender(IntakeConfig.Server server, String from) {
    this.server = server;
    this.from = from;
    this.session = MailSessions.smtp(server);
  }

  /**
   * Sends one reply. A failure that belongs to this message (an address the library cannot use, a 5xx for its
   * recipient or its content, a file that is gone) is thrown as {@link MessageRejected}; anything else means the
   * server or the connection is in trouble.
   */
  @Override
  public void send(OutgoingMail mail) throws MessagingException, MessageRejected {
    MimeMessage msg;
    try {
      msg = build(mail);
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      throw new MessageRejected(true, "cannot be written as an email: " + SmtpFailures.describe(e), e);
    }
    try {
      transport().sendMessage(msg, msg.getAllRecipients());
    } catch (jakarta.mail.SendFailedException e) {
      if (e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0) {
        // delivered to the researcher; only a blind copy was refused, and resending would duplicate the mail
        LOG.warn("{} sent, but {} of its recipients refused: {}", mail.messageId(),
            e.getInvalidAddresses() == null ? 0 : e.getInvalidAddresses().length, SmtpFailures.describe(e));
        return;
      }
      endBatch();
      SmtpFailures.rethrow(e);
    } catch (MessagingException e) {
      endBatch(); // a broken connection is not reused; a refused message leaves the session in doubt too
      SmtpFailures.rethrow(e);
    }
  }

  private MimeMessage build(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException,
      MessageRejected {
    for (OutgoingMail.FileRef f : mail.attachments()) {
      if (!java.nio.file.Files.isReadable(f.path())) {
        throw new MessageRejected(true, "attachment " + f.name() + " is no longer in the store", null);
      }
    }
    for (OutgoingMail.InlineImage i : mail.inlineImages()) {
      if (!java.nio.file.Files.isReadable(i.path())) {
        throw new MessageRejected(true, "inline image " + i.name() + " is no longer in the store", null);
      }
    }
    MimeMessage msg = new FixedIdMessage(session, mail.messageId());
    msg.setFrom(new InternetAddress(from, "Output Intake", "UTF-8"));
    // answers come back to the bot, never to a distribution list a notification went to
    msg.setReplyTo(new InternetAddress[] {new InternetAddress(from)});
    msg.setRecipients(Message.RecipientType.TO, recipient(mail.to()));
    for (String bcc : mail.bcc()) msg.addRecipients(Message.RecipientType.BCC, recipient(bcc));
    msg.setSubject(mail.subject(), "UTF-8");
    msg.setSentDate(new Date());
    if (mail.inReplyTo() != null) msg.setHeader("In-Reply-To", mail.inReplyTo());
    if (!mail.references().isEmpty()) {
      msg.setHeader("References", MimeUtility.fold(12, String.join(" ", mail.references())));
    }
    msg.setHeader("Auto-Submitted", "auto-replied");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader(LoopGuard.LOOP_HEADER, from);
    if (mail.attachments().isEmpty() && mail.html() == null) {
      msg.setText(mail.body(), "UTF-8");
    } else if (mail.attachments().isEmpty()) {
      msg.setContent(HtmlParts.alternative(mail));
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      if (mail.html() == null) text.setText(mail.body(), "UTF-8");
      else text.setContent(HtmlParts.alternative(mail));
      mixed.addBodyPart(text);
      for (OutgoingMail.FileRef f : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileDataSource(f.path().toFile())));
        part.setFileName(MimeUtility.encodeText(f.name(), "UTF-8", null));
        part.setHeader("Content-Type", f.contentType() + "; name=\"" + MimeUtility.encodeText(f.name(), "UTF-8", null) + "\"");
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // base64 whatever the type: a text file sent as 7bit would reach the researcher with other line endings,
        // and a released file must be byte for byte the one checked
        part.setHeader("Content-Transfer-Encoding", "base64");
        mixed.addBodyPart(part);
      }
      msg.setContent(mixed);
    }
    msg.saveChanges();
    return msg;
  }

  private static InternetAddress[] recipient(String address) throws MessageRejected {
    java.util.Optional<String> problem = Addresses.problem(address);
    if (problem.isPresent()) throw new MessageRejected(true, "recipient unusable: " + problem.get(), null);
    try {
      return new InternetAddress[] {new InternetAddress(Addresses.toAscii(address), true)};
    } catch (jakarta.mail.internet.AddressException e) {
      throw new MessageRejected(true, "recipient unusable: " + e.getMessage(), e);
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
