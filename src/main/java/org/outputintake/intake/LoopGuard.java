package org.outputintake.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.outputintake.mail.InboundMessage;

/**
 * Decides whether the bot may answer a message at all. Answering an auto-reply, a bounce or a list
 * message is how two robots end up mailing each other forever, so these are stored but never
 * answered (RFC 3834). The shapes of automatic mail (headers, out-of-office subjects) are {@link
 * org.outputintake.mail.AutoReplySigns}; this adds who sent it.
 */
public final class LoopGuard {
  /** Header the bot puts on everything it sends; seeing it come back means a loop. */
  public static final String LOOP_HEADER = org.outputintake.mail.ReplyMessages.LOOP_HEADER;

  private static final Set<String> ROBOT_LOCAL_PARTS =
      Set.of(
          "mailer-daemon",
          "postmaster",
          "noreply",
          "no-reply",
          "no_reply",
          "donotreply",
          "do-not-reply",
          "do_not_reply",
          "bounce",
          "bounces",
          "auto-reply",
          "autoreply");
  private final org.outputintake.config.DeskAddresses desk;

  public LoopGuard(String ownAddress) {
    this(new org.outputintake.config.DeskAddresses(java.util.List.of(ownAddress)));
  }

  /** Every one of the bot's mailboxes: mail from any of them is the bot's own. */
  public LoopGuard(org.outputintake.config.DeskAddresses desk) {
    this.desk = desk;
  }

  /** Why the message must not be answered, or empty when a reply is safe. */
  public Optional<String> reasonNotToReply(InboundMessage m) {
    if (m.from() == null || m.from().indexOf('@') <= 0)
      return Optional.of("no usable sender address");
    Optional<String> unusable = org.outputintake.mail.Addresses.problem(m.from());
    if (unusable.isPresent()) return Optional.of("sender address unusable: " + unusable.get());
    Optional<String> automatic = org.outputintake.mail.AutoReplySigns.of(m);
    if (automatic.isPresent()) return automatic;
    if (m.header("return-path").map(v -> v.replaceAll("\\s", "").equals("<>")).orElse(false)) {
      return Optional.of("empty Return-Path (a bounce)");
    }
    if (m.header(LOOP_HEADER.toLowerCase(Locale.ROOT)).isPresent())
      return Optional.of("our own loop header");
    String from = m.from();
    if (desk.isOwn(from)) return Optional.of("sent from our own address");
    String local = from.substring(0, from.indexOf('@'));
    if (ROBOT_LOCAL_PARTS.contains(local))
      return Optional.of("sender " + local + " is an automatic mailbox");
    return Optional.empty();
  }
}
