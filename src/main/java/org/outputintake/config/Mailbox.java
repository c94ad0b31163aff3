package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.require;

/**
 * One of the bot's mailboxes.
 *
 * @param accepts the kinds of request (their codes: {@code output}, {@code ingest}, {@code
 *     transfer}) this mailbox opens tickets for; a request of another kind is answered with the
 *     address of the mailbox that accepts it
 */
public record Mailbox(
    String address, Server imap, Server smtp, Folders folders, java.util.List<String> accepts) {
  /**
   * The request kinds' codes, as {@code org.outputintake.ticket.RequestKind} has them (this layer
   * cannot see it; a test holds the two lists together).
   */
  public static final java.util.List<String> KINDS =
      java.util.List.of("output", "ingest", "transfer");

  /** A mailbox accepting every kind: today's single {@code mailbox:}. */
  public static Mailbox forEveryKind(String address, Server imap, Server smtp, Folders folders) {
    return new Mailbox(address, imap, smtp, folders, KINDS);
  }

  public Mailbox {
    require(
        address != null && address.matches("[^@\\s<>,;\"()]+@[^@\\s<>,;\"()]+"),
        "mailbox.address is '"
            + address
            + "': write the bot's own email address alone, without a name or <>, e.g."
            + " statistical.support@example.org");
    accepts = accepts == null ? KINDS : accepts.stream().map(ConfigChecks::lower).toList();
    require(
        !accepts.isEmpty(),
        "accepts of the mailbox " + address + " is empty: list what it takes, e.g. [output]");
    for (String kind : accepts)
      require(
          KINDS.contains(kind),
          "accepts of the mailbox "
              + address
              + " names '"
              + kind
              + "', which is no kind of request: write some of "
              + String.join(", ", KINDS));
  }

  /** Which inbox this is, stable across restarts: {@code imap-username@imap-host/inbox-folder}. */
  public String key() {
    return imap.username() + "@" + imap.host() + "/" + folders.inbox();
  }
}
