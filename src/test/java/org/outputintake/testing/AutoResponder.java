package org.outputintake.testing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mailbox with an auto-responder: every mail the bot sends it is answered a second later, in one
 * of the shapes real auto-responders write, for as long as the test runs it. Time is the bot's
 * injected clock, one second per round, so five minutes of a loop take a few seconds of test.
 */
public final class AutoResponder {
  /**
   * How auto-replies look in the wild.
   *
   * @param subjectPrefix put before the answered mail's subject ("Automatic reply: ")
   * @param headers what the responder adds (none for one that looks like a person)
   * @param threaded whether it says which mail it answers (In-Reply-To and References)
   */
  public enum Shape {
    OUTLOOK("Automatic reply: ", Map.of(), true),
    OUT_OF_OFFICE("Out of Office: ", Map.of(), true),
    OUT_OF_OFFICE_AUTOREPLY("Out of Office AutoReply: ", Map.of(), true),
    GERMAN_OUTLOOK("Abwesenheitsnotiz: ", Map.of(), true),
    FRENCH_OUTLOOK("Réponse automatique : ", Map.of(), true),
    WELSH_OUTLOOK("Ateb awtomatig: ", Map.of(), true),
    LOTUS_NOTES("AUTO: out of the office (returning 22/01/2024) ", Map.of(), true),
    X_AUTOREPLY("Re: ", Map.of("X-Autoreply", "yes"), true),
    X_AUTORESPOND("Re: ", Map.of("X-Autorespond", "vacation"), true),
    PRECEDENCE_AUTO_REPLY("Re: ", Map.of("Precedence", "auto_reply"), true),
    PRECEDENCE_BULK("Re: ", Map.of("Precedence", "bulk"), true),
    EXCHANGE_INBOX_RULE("Re: ", Map.of("X-MS-Exchange-Inbox-Rules-Loop", "responder"), true),
    EXCHANGE_GENERATED(
        "Re: ", Map.of("X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"), true),
    AUTO_SUBMITTED("Re: ", Map.of("Auto-Submitted", "auto-replied"), true),
    /** "I am on leave… (auto)" with nothing automatic about it: only the caps can stop it. */
    LOOKS_LIKE_A_PERSON("Re: ", Map.of(), true),
    /** The same, and it does not even say which mail it answers: only the subject's ticket id. */
    LOOKS_LIKE_A_PERSON_UNTHREADED("Re: ", Map.of(), false);

    private final String subjectPrefix;
    private final Map<String, String> headers;
    private final boolean threaded;

    Shape(String subjectPrefix, Map<String, String> headers, boolean threaded) {
      this.subjectPrefix = subjectPrefix;
      this.headers = headers;
      this.threaded = threaded;
    }

    /** Whether nothing in the mail says it is automatic. */
    public boolean looksLikeAPerson() {
      return this == LOOKS_LIKE_A_PERSON || this == LOOKS_LIKE_A_PERSON_UNTHREADED;
    }
  }

  /**
   * What the bot sent while the responder ran.
   *
   * @param mails every mail the bot sent anyone, oldest first
   * @param lastSecond the simulated second at which the bot last sent anything (0: nothing)
   */
  public record Run(List<MimeMessage> mails, int lastSecond) {
    public long to(String address) {
      return mails.stream().filter(m -> sentTo(m, address)).count();
    }
  }

  private final TestBot bot;
  private final String mailbox;
  private final String from;
  private final Shape shape;
  private final Set<String> answered = new HashSet<>();
  private int serial;

  /**
   * @param mailbox whose incoming mail is answered (an officer, the officers' list, a researcher)
   * @param from who the answers come from (the list's member, or the mailbox itself)
   */
  public AutoResponder(TestBot bot, String mailbox, String from, Shape shape) {
    this.bot = bot;
    this.mailbox = mailbox;
    this.from = from;
    this.shape = shape;
  }

  /**
   * Runs the responder for {@code seconds} of the bot's clock: each second it answers every mail
   * the bot sent the mailbox since the last, and the bot reads and answers what came in.
   */
  public Run runFor(int seconds) throws Exception {
    int before = fromBot().size();
    int last = 0;
    for (int second = 1; second <= seconds; second++) {
      bot.clock().advance(Duration.ofSeconds(1));
      List<MimeMessage> fresh = new ArrayList<>();
      for (MimeMessage m : bot.receivedBy(mailbox))
        if (answered.add(m.getMessageID())) fresh.add(m);
      if (fresh.isEmpty()) continue;
      for (MimeMessage m : fresh) bot.deliver(answer(m));
      int sent = fromBot().size();
      bot.cycle();
      if (fromBot().size() > sent) last = second;
    }
    List<MimeMessage> all = fromBot();
    return new Run(all.subList(before, all.size()), last);
  }

  private MimeMessage answer(MimeMessage to) throws MessagingException {
    Mails m =
        Mails.request()
            .from(from)
            .subject(shape.subjectPrefix + to.getSubject())
            .body("I am on leave until 22 January and will read your email when I return. (auto)")
            .messageId("<auto" + (serial++) + "." + System.nanoTime() + "@responder.example.org>");
    if (shape.threaded) m.inReplyTo(to.getMessageID());
    shape.headers.forEach(
        (name, value) -> m.header(name, value.equals("responder") ? from : value));
    return m.build(bot.session());
  }

  private List<MimeMessage> fromBot() {
    return bot.receivedAll().stream().filter(AutoResponder::fromTheBot).toList();
  }

  private static boolean fromTheBot(MimeMessage m) {
    try {
      return m.getFrom() != null
          && ((InternetAddress) m.getFrom()[0]).getAddress().equalsIgnoreCase(TestBot.SUPPORT);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean sentTo(MimeMessage m, String address) {
    try {
      for (var a : m.getAllRecipients())
        if (((InternetAddress) a).getAddress().equalsIgnoreCase(address)) return true;
      return false;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
