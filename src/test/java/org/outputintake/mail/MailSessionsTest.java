package org.outputintake.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.outputintake.config.Server;

/** The mail sessions the bot opens protect a login as the configuration says. */
class MailSessionsTest {
  @Test
  void aStarttlsServerMustUpgrade_soAStrippedStarttlsNeverSendsThePasswordInClear() {
    Server imap =
        Server.withoutOAuth2(
            "imap.example.org",
            143,
            Server.Transport.STARTTLS,
            "support",
            "secret",
            "password",
            Duration.ofSeconds(30));
    Properties p = MailSessions.imap(imap, 30_000).getProperties();
    assertEquals("true", p.getProperty("mail.imap.starttls.enable"));
    assertEquals("true", p.getProperty("mail.imap.starttls.required"));
  }

  @Test
  void aStarttlsSmtpServerMustUpgradeToo() {
    Server smtp =
        Server.withoutOAuth2(
            "smtp.example.org",
            587,
            Server.Transport.STARTTLS,
            "support",
            "secret",
            "password",
            Duration.ofSeconds(30));
    Properties p = MailSessions.smtp(smtp).getProperties();
    assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
  }
}
