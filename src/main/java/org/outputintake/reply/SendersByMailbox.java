package org.outputintake.reply;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Several mailboxes: each mail leaves through the SMTP login of the mailbox it is from (its {@link
 * OutgoingMail#from()}); a mail from none of them (written before there were several) leaves from
 * the first.
 */
public final class SendersByMailbox implements SendMailPort {
  private final Map<String, SendMailPort> byAddress;
  private final SendMailPort first;

  /**
   * @param byAddress each mailbox's sender by its address, the first configured first
   */
  public SendersByMailbox(Map<String, SendMailPort> byAddress) {
    if (byAddress.isEmpty()) throw new IllegalArgumentException("no mailbox to send from");
    this.byAddress = new LinkedHashMap<>();
    byAddress.forEach((a, s) -> this.byAddress.put(a.toLowerCase(Locale.ROOT), s));
    this.first = this.byAddress.values().iterator().next();
  }

  @Override
  public void send(OutgoingMail mail) throws Exception {
    SendMailPort s =
        mail.from() == null ? null : byAddress.get(mail.from().toLowerCase(Locale.ROOT));
    (s == null ? first : s).send(mail);
  }

  @Override
  public void endBatch() {
    byAddress.values().forEach(SendMailPort::endBatch);
  }
}
