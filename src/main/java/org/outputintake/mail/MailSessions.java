package org.outputintake.mail;

import jakarta.mail.Session;
import java.util.Properties;
import org.outputintake.config.Server;

/**
 * Jakarta Mail sessions with every timeout set: Angus defaults to waiting forever, which would hang
 * the poller on a dead connection.
 */
public final class MailSessions {
  private MailSessions() {}

  public static Session imap(Server s, long readTimeoutMillis) {
    boolean ssl = s.transport() == Server.Transport.SSL;
    String p = ssl ? "mail.imaps." : "mail.imap.";
    Properties props = new Properties();
    props.put("mail.store.protocol", ssl ? "imaps" : "imap");
    props.put(p + "host", s.host());
    props.put(p + "port", String.valueOf(s.port()));
    props.put(p + "connectiontimeout", String.valueOf(s.timeout().toMillis()));
    props.put(p + "timeout", String.valueOf(readTimeoutMillis));
    props.put(p + "writetimeout", String.valueOf(s.timeout().toMillis()));
    props.put(p + "peek", "true");
    props.put(p + "socketFactory", ssl ? NoDelaySockets.tls() : NoDelaySockets.plain());
    props.put(p + "partialfetch", "true");
    props.put(p + "fetchsize", String.valueOf(1024 * 1024));
    boolean starttls = s.transport() == Server.Transport.STARTTLS;
    props.put(p + "starttls.enable", String.valueOf(starttls));
    // required, not only enabled: a server (or a man in the middle) that does not offer STARTTLS
    // must not get the login in clear
    props.put(p + "starttls.required", String.valueOf(starttls));
    if (s.presentsToken()) props.put(p + "auth.mechanisms", "XOAUTH2");
    return Session.getInstance(props);
  }

  public static Session smtp(Server s) {
    boolean ssl = s.transport() == Server.Transport.SSL;
    boolean starttls = s.transport() == Server.Transport.STARTTLS;
    String p = ssl ? "mail.smtps." : "mail.smtp.";
    Properties props = new Properties();
    props.put("mail.transport.protocol", ssl ? "smtps" : "smtp");
    props.put(p + "host", s.host());
    props.put(p + "port", String.valueOf(s.port()));
    props.put(p + "connectiontimeout", String.valueOf(s.timeout().toMillis()));
    props.put(p + "timeout", String.valueOf(s.timeout().toMillis()));
    props.put(p + "writetimeout", String.valueOf(s.timeout().toMillis()));
    props.put(p + "auth", String.valueOf(s.hasCredentials()));
    props.put(p + "starttls.enable", String.valueOf(starttls));
    props.put(p + "starttls.required", String.valueOf(starttls));
    if (s.presentsToken()) props.put(p + "auth.mechanisms", "XOAUTH2");
    // one refused Bcc (a data owner's dead address) must not stop the mail to the researcher
    props.put(p + "sendpartial", "true");
    props.put(p + "socketFactory", ssl ? NoDelaySockets.tls() : NoDelaySockets.plain());
    return Session.getInstance(props);
  }
}
