package org.outputintake.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outputintake.config.DeskAddresses;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Mailbox;
import org.outputintake.intake.InboxPoller;
import org.outputintake.intake.IntakeContext;
import org.outputintake.intake.IntakeService;
import org.outputintake.intake.RegistrySync;
import org.outputintake.mail.MailLogin;
import org.outputintake.mail.SmtpMailSender;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.reply.SendMailPort;
import org.outputintake.reply.SendersByMailbox;
import org.outputintake.reply.Templates;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;

/**
 * What each configured mailbox has of its own: its logins (named by their configuration keys, so a
 * refused login names the key to fix), its SMTP sender, its reply composer and its poller. The
 * first mailbox is {@code mailbox}, the others {@code mailboxes.1} and on.
 */
final class MailboxParts {
  private MailboxParts() {}

  static MailLogin imapLogin(Mailbox mb, int index, Clock clock) {
    return MailLogin.of(mb.imap(), key(index) + ".imap", clock);
  }

  /**
   * Each mailbox's replies leave through its own SMTP login, which shares its IMAP login's OAuth2
   * token when the two servers share the settings.
   */
  static SendMailPort senders(IntakeConfig config, MailLogin firstImap, Clock clock) {
    Map<String, SendMailPort> senders = new LinkedHashMap<>();
    for (int i = 0; i < config.mailboxes().size(); i++) {
      Mailbox mb = config.mailboxes().get(i);
      MailLogin imap = i == 0 ? firstImap : imapLogin(mb, i, clock);
      senders.put(
          mb.address(),
          new SmtpMailSender(imap.sharedWith(mb.smtp(), key(i) + ".smtp"), mb.address(), clock));
    }
    return new SendersByMailbox(senders);
  }

  static ReplyComposer composer(IntakeConfig config, Templates templates, String ownAddress) {
    return new ReplyComposer(
        templates,
        ownAddress,
        config.tickets().subjectFormat(),
        !config.security().requireAuthenticatedSender(),
        DeskAddresses.of(config));
  }

  /** Every mailbox's poller, the first's with the shared context and the given login. */
  static List<InboxPoller> pollers(
      IntakeContext first,
      Database db,
      RawStore messages,
      RegistrySync registry,
      MailLogin firstImap,
      Clock clock) {
    IntakeConfig config = first.config();
    List<InboxPoller> pollers = new ArrayList<>();
    for (int i = 0; i < config.mailboxes().size(); i++) {
      Mailbox mb = config.mailboxes().get(i);
      // each mailbox answers from its own address
      IntakeContext own =
          i == 0 ? first : first.forMailbox(mb, composer(config, first.templates(), mb.address()));
      pollers.add(
          new InboxPoller(
              mb,
              db,
              messages,
              new IntakeService(own),
              registry,
              config.poll().workers(),
              clock,
              i == 0 ? firstImap : imapLogin(mb, i, clock)));
    }
    return pollers;
  }

  private static String key(int index) {
    return index == 0 ? "mailbox" : "mailboxes." + index;
  }
}
