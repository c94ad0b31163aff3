package org.outputintake.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outputintake.backoff.LoginRefused;
import org.outputintake.config.ConfigException;
import org.outputintake.config.Mailbox;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.MailLogin;
import org.outputintake.mail.MailboxUnavailable;
import org.outputintake.mail.SmtpMailSender;
import org.outputintake.mail.oauth2.OAuth2Status;
import org.outputintake.reply.SendMailPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bot's OAuth2 logins as a whole: checked before the daemon starts, reported for health. */
final class OAuth2Logins {
  private static final Logger LOG = LoggerFactory.getLogger(OAuth2Logins.class);
  private final Mailbox mailbox;
  private final MailLogin imap;
  private final SendMailPort smtp;

  OAuth2Logins(Mailbox mailbox, MailLogin imap, SendMailPort smtp) {
    this.mailbox = mailbox;
    this.imap = imap;
    this.smtp = smtp;
  }

  Map<String, OAuth2Status> status() {
    Map<String, OAuth2Status> out = new LinkedHashMap<>();
    imap.status().ifPresent(st -> out.put("imap", st));
    if (smtp instanceof SmtpMailSender sender)
      sender.login().status().ifPresent(st -> out.put("smtp", st));
    return out;
  }

  /**
   * A login whose token the provider refuses, or whose token the mailbox refuses, is a
   * configuration mistake, reported now with the provider's own words rather than as a back-off in
   * the log. A server or token endpoint that cannot be reached is an outage: the daemon starts and
   * retries as usual.
   */
  void check() {
    if (mailbox.imap().usesOAuth2()) {
      try (ImapMailbox box = new ImapMailbox(mailbox, imap)) {
        box.open();
      } catch (MailboxUnavailable e) {
        if (e.loginRefused())
          throw new ConfigException("the IMAP login with OAuth2 failed: " + e.getMessage(), e);
        LOG.warn("could not check the IMAP login at start ({}); will retry", e.getMessage());
      }
    }
    if (mailbox.smtp().usesOAuth2() && smtp instanceof SmtpMailSender sender) {
      try {
        sender
            .checkLogin()
            .ifPresent(
                why -> LOG.warn("could not check the SMTP login at start ({}); will retry", why));
      } catch (LoginRefused e) {
        throw new ConfigException("the SMTP login with OAuth2 failed: " + e.getMessage(), e);
      }
    }
  }
}
