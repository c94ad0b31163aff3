package org.outputintake.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.store.RawStore;

/**
 * Builds the MIME message of an outbox reply. The SMTP sender and the archive both use it, so the
 * copy of a reply in the permanent record is the message that was sent: same headers, same fixed
 * Message-ID. The result depends only on the reply and its date (the multipart boundary is derived
 * from the Message-ID, the date is written in UTC), so rebuilding it gives the same bytes.
 */
public final class ReplyMessages {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** Header the bot puts on everything it sends; seeing it come back means a loop. */
  public static final String LOOP_HEADER = "X-Output-Intake-Loop";

  private ReplyMessages() {}

  public static MimeMessage build(Session session, OutgoingMail mail, String from, Instant date)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage msg = new FixedIdMessage(session, mail.messageId());
    msg.setFrom(new InternetAddress(from, "Output Intake", "UTF-8"));
    // answers come back to the bot, never to a distribution list a notification went to
    msg.setReplyTo(new InternetAddress[] {new InternetAddress(from)});
    msg.setRecipient(
        Message.RecipientType.TO, new InternetAddress(Addresses.toAscii(mail.to()), true));
    for (String bcc : mail.bcc()) {
      msg.addRecipient(
          Message.RecipientType.BCC, new InternetAddress(Addresses.toAscii(bcc), true));
    }
    msg.setSubject(mail.subject(), "UTF-8");
    msg.setHeader("Date", DATE.format(date));
    if (mail.inReplyTo() != null) msg.setHeader("In-Reply-To", mail.inReplyTo());
    if (!mail.references().isEmpty()) {
      msg.setHeader("References", MimeUtility.fold(12, String.join(" ", mail.references())));
    }
    msg.setHeader("Auto-Submitted", "auto-replied");
    msg.setHeader("X-Auto-Response-Suppress", "All");
    msg.setHeader(LOOP_HEADER, from);
    if (mail.attachments().isEmpty() && mail.html() == null) {
      msg.setText(mail.body(), "UTF-8");
    } else if (mail.attachments().isEmpty()) {
      msg.setContent(HtmlParts.alternative(mail));
    } else {
      MimeMultipart mixed = new FixedBoundaryMultipart(boundary(mail.messageId()));
      MimeBodyPart text = new MimeBodyPart();
      if (mail.html() == null) text.setText(mail.body(), "UTF-8");
      else text.setContent(HtmlParts.alternative(mail));
      mixed.addBodyPart(text);
      for (OutgoingMail.FileRef f : mail.attachments()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(source(f)));
        String name = MimeUtility.encodeText(f.name(), "UTF-8", null);
        part.setFileName(name);
        part.setHeader("Content-Type", f.contentType() + "; name=\"" + name + "\"");
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // base64 whatever the type: a text file sent as 7bit would reach the researcher with other
        // line endings,
        // and a released file must be byte for byte the one checked
        part.setHeader("Content-Transfer-Encoding", "base64");
        mixed.addBodyPart(part);
      }
      msg.setContent(mixed);
    }
    msg.saveChanges();
    return msg;
  }

  /**
   * The bytes to attach. A released file is read once, here, and its SHA-256 compared with the one
   * it was checked under: the bytes that leave are the bytes that were hashed, however long after
   * the release the mail is sent.
   */
  private static jakarta.activation.DataSource source(OutgoingMail.FileRef f)
      throws MessagingException {
    if (f.sha256() == null) return new FileDataSource(f.path().toFile());
    byte[] bytes;
    try {
      bytes = java.nio.file.Files.readAllBytes(f.path());
    } catch (java.io.IOException e) {
      throw new AttachmentChanged(f.name() + " cannot be read from the store: " + e.getMessage());
    }
    String actual =
        java.util.HexFormat.of().formatHex(org.outputintake.store.RawStore.sha256().digest(bytes));
    if (!actual.equalsIgnoreCase(f.sha256())) {
      throw new AttachmentChanged(
          f.name()
              + " no longer matches the SHA-256 it was checked under ("
              + f.sha256()
              + "; its stored bytes now hash to "
              + actual
              + ")");
    }
    return new jakarta.mail.util.ByteArrayDataSource(bytes, f.contentType());
  }

  /** A released file is not what was checked: the mail must not be built. */
  public static final class AttachmentChanged extends MessagingException {
    private static final long serialVersionUID = 1L;

    AttachmentChanged(String reason) {
      super(reason);
    }
  }

  /**
   * Writes the reply as it was (or will be) sent, for the archive: callers outside the mail adapter
   * never handle the mail library's types.
   */
  public static void write(OutgoingMail mail, String from, Instant date, java.io.OutputStream out)
      throws java.io.IOException {
    try {
      build(Session.getInstance(new java.util.Properties()), mail, from, date).writeTo(out);
    } catch (MessagingException e) {
      throw new java.io.IOException(
          "reply " + mail.messageId() + " could not be rebuilt: " + e.getMessage(), e);
    }
  }

  /**
   * Base64 and quoted-printable output never contain "=_", so this cannot occur inside an encoded
   * part.
   */
  static String boundary(String messageId) {
    byte[] hash = RawStore.sha256().digest(messageId.getBytes(StandardCharsets.UTF_8));
    return "=_OutputIntake_" + HexFormat.of().formatHex(hash, 0, 12);
  }

  /**
   * Jakarta Mail would replace the Message-ID on save; the outbox's id must survive every resend.
   */
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

  /**
   * Jakarta Mail draws a unique boundary from the clock; a rebuilt reply must come out byte for
   * byte the same.
   */
  private static final class FixedBoundaryMultipart extends MimeMultipart {
    FixedBoundaryMultipart(String boundary) {
      super("mixed");
      ContentType type = new ContentType("multipart", "mixed", null);
      type.setParameter("boundary", boundary);
      contentType = type.toString();
    }
  }
}
