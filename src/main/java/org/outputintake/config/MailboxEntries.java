package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code mailboxes:}, a list whose entries have the keys of {@code mailbox:} plus {@code accepts}.
 * Each entry is checked for unknown keys as {@code mailbox:} is, and takes {@code mailbox:}'s
 * defaults (folders, timeouts, auth) for the keys it leaves out.
 */
final class MailboxEntries {
  private MailboxEntries() {}

  /**
   * @throws ConfigException when both {@code mailbox:} and {@code mailboxes:} are given, an entry
   *     is not a mapping, or an entry has a key {@code mailbox:} does not know
   */
  static void check(ObjectNode user, ObjectNode mailboxDefaults, String source) {
    if (!user.has("mailboxes")) return;
    if (user.has("mailbox"))
      throw new ConfigException(
          source
              + ": both 'mailbox' and 'mailboxes' are given: keep one. For several mailboxes, move"
              + " the mailbox's keys into an entry of 'mailboxes' with its own 'accepts'.");
    JsonNode list = user.get("mailboxes");
    if (!list.isArray() || list.isEmpty())
      throw new ConfigException(
          source
              + ": 'mailboxes' is a list of mailboxes, e.g. mailboxes: [ { address: ..., imap: {...},"
              + " smtp: {...}, accepts: [output] } ]");
    ObjectNode known = mailboxDefaults.deepCopy();
    known.putArray("accepts");
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof ObjectNode entry))
        throw new ConfigException(
            source + ": mailboxes." + i + " is not a mailbox: write its keys as mailbox: has them");
      new KnownKeys(
              known,
              List.of(
                  "imap.password-file",
                  "smtp.password-file",
                  "oauth2.provider",
                  "imap.oauth2.provider",
                  "smtp.oauth2.provider"))
          .check(entry, source + " (mailboxes." + i + ")");
    }
  }

  /** Gives each entry of {@code mailboxes:} the keys it leaves out from {@code mailbox:}. */
  static void fill(ObjectNode merged) {
    if (!(merged.get("mailboxes") instanceof ArrayNode list)) return;
    ObjectNode defaults = (ObjectNode) merged.get("mailbox");
    ArrayNode filled = merged.arrayNode();
    for (JsonNode entry : list) {
      ObjectNode e = defaults.deepCopy();
      // the defaults' own address and logins are the shipped examples, never a second mailbox's
      e.remove("address");
      ConfigLoader.merge(e, (ObjectNode) entry);
      filled.add(e);
    }
    merged.set("mailboxes", filled);
  }
}
