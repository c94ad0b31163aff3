package org.outputintake.testing;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for emails: {@code Mails.from(ADA).subject("...").attach("t.csv",
 * bytes).build(session)}.
 */
public final class Mails {
  private String from = TestBot.ADA;
  private String subject = "16/01/24 Output request for Project 1234567";
  private String body = "Please find my request attached.";
  private String messageId;
  private String inReplyTo;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<Object[]> files = new ArrayList<>();

  public static Mails request() {
    return new Mails();
  }

  public Mails from(String from) {
    this.from = from;
    return this;
  }

  public Mails subject(String subject) {
    this.subject = subject;
    return this;
  }

  public Mails body(String body) {
    this.body = body;
    return this;
  }

  public Mails messageId(String id) {
    this.messageId = id;
    return this;
  }

  public Mails inReplyTo(String id) {
    this.inReplyTo = id;
    return this;
  }

  public Mails header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Mails attach(String name, byte[] content, String type) {
    files.add(new Object[] {name, content, type});
    return this;
  }

  public Mails attachCsv(String name, String csv) {
    return attach(name, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
  }

  public MimeMessage build(Session session) throws MessagingException {
    String id = messageId;
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            if (id != null) setHeader("Message-ID", id);
            else super.updateMessageID();
          }
        };
    m.setFrom(new InternetAddress(from));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(TestBot.SUPPORT));
    m.setSubject(subject, "UTF-8");
    if (inReplyTo != null) {
      m.setHeader("In-Reply-To", inReplyTo);
      m.setHeader("References", inReplyTo);
    }
    for (var h : headers.entrySet()) m.setHeader(h.getKey(), h.getValue());
    if (files.isEmpty()) {
      m.setText(body, "UTF-8");
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      mixed.addBodyPart(text);
      for (Object[] f : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
            new jakarta.activation.DataHandler(
                new jakarta.mail.util.ByteArrayDataSource((byte[]) f[1], (String) f[2])));
        part.setFileName((String) f[0]);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }
}
