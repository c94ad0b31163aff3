package org.outputintake.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import org.outputintake.reply.OutgoingMail;

/**
 * An HTML mail as clients expect it: {@code multipart/alternative} with the plain text first (what
 * text-only clients and filters read) and, last, the HTML in a {@code multipart/related} with the
 * images it shows by {@code cid:}.
 */
final class HtmlParts {
  private HtmlParts() {}

  static MimeMultipart alternative(OutgoingMail mail) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.body(), "UTF-8");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), "UTF-8", "html");
    if (mail.inlineImages().isEmpty()) {
      alternative.addBodyPart(html);
      return alternative;
    }
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(html);
    for (OutgoingMail.InlineImage i : mail.inlineImages()) {
      MimeBodyPart image = new MimeBodyPart();
      image.setDataHandler(new DataHandler(new FileDataSource(i.path().toFile())));
      image.setHeader("Content-Type", i.contentType() + "; name=\"" + i.name() + "\"");
      image.setContentID("<" + i.cid() + ">");
      image.setDisposition(MimeBodyPart.INLINE);
      image.setFileName(i.name());
      image.setHeader("Content-Transfer-Encoding", "base64");
      related.addBodyPart(image);
    }
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);
    alternative.addBodyPart(relatedPart);
    return alternative;
  }
}
