package org.outputintake.config;

import java.util.List;

/**
 * The desk's own addresses: every configured mailbox's, the first first. The one place that answers
 * "is this address the bot?" (a reply-all copying the ingests mailbox is not a person to warn about
 * or to answer) and "which of them does mail about a ticket leave from?".
 */
public final class DeskAddresses {
  private final List<String> addresses;

  /**
   * @param addresses the mailboxes' addresses, the first configured first
   */
  public DeskAddresses(List<String> addresses) {
    if (addresses == null || addresses.isEmpty())
      throw new IllegalArgumentException("the desk has no address");
    this.addresses = List.copyOf(addresses);
  }

  /** Every mailbox of {@code config}. */
  public static DeskAddresses of(IntakeConfig config) {
    return new DeskAddresses(
        config.mailboxes().stream().map(org.outputintake.config.Mailbox::address).toList());
  }

  /** Whether {@code address} is one of the bot's own mailboxes (case ignored); null is not. */
  public boolean isOwn(String address) {
    return spelled(address) != null;
  }

  /** The configured spelling of {@code address}, or null when it is none of the desk's. */
  private String spelled(String address) {
    if (address == null) return null;
    String a = address.trim();
    return addresses.stream().filter(a::equalsIgnoreCase).findFirst().orElse(null);
  }

  /** The first mailbox's address: desk-wide mail (digests, daily summaries) leaves from it. */
  public String first() {
    return addresses.get(0);
  }

  /** Every address as configured, the first first. */
  public List<String> all() {
    return addresses;
  }

  /**
   * The address mail about a ticket leaves from: the mailbox its request came to, while that
   * mailbox is still configured (so an officer's reply lands in the thread that mailbox reads);
   * otherwise {@code fallback} (a ticket from before the bot recorded it, or a mailbox since
   * removed from the configuration, whose login the bot no longer has).
   */
  public String sendingFor(String recorded, String fallback) {
    String own = spelled(recorded);
    return own != null ? own : fallback;
  }
}
