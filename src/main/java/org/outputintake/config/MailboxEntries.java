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

  /**
   * Gives each entry of {@code mailboxes:} the keys it leaves out from {@code mailbox:}, but not
   * the secrets: the first entry reads {@code INTAKE_IMAP_PASSWORD} / {@code INTAKE_SMTP_PASSWORD}
   * as {@code mailbox:} does, every later one names its own (a second login given the first's
   * password would be refused at every poll, far from the cause).
   */
  static void fill(ObjectNode merged) {
    if (!(merged.get("mailboxes") instanceof ArrayNode list)) return;
    ObjectNode defaults = (ObjectNode) merged.get("mailbox");
    ArrayNode filled = merged.arrayNode();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode e = defaults.deepCopy();
      // the defaults' own address and logins are the shipped examples, never a second mailbox's
      e.remove("address");
      if (i > 0)
        for (String server : List.of("imap", "smtp"))
          // kept as a key, empty, so that INTAKE_MAILBOXES_N_IMAP_PASSWORD can set it
          if (e.get(server) instanceof ObjectNode s) s.putNull("password");
      ConfigLoader.merge(e, (ObjectNode) list.get(i));
      filled.add(e);
    }
    merged.set("mailboxes", filled);
  }

  /** The environment variables of entry N's keys start with this, then {@code _N_}. */
  static final String VARIABLE = "INTAKE_MAILBOXES";

  /**
   * Each entry's {@code password-file} keys exist (empty) so that {@code
   * INTAKE_MAILBOXES_N_IMAP_PASSWORD_FILE} can set them, as {@code mailbox:}'s can be.
   */
  static void addSecretKeys(ObjectNode tree) {
    if (!(tree.get("mailboxes") instanceof ArrayNode list)) return;
    for (JsonNode entry : list)
      if (entry instanceof ObjectNode e)
        for (String key : List.of("imap.password-file", "smtp.password-file"))
          ConfigLoader.addIfAbsent(e, key);
  }

  /**
   * With {@code mailboxes:}, the {@code mailbox:} section is not read, so an {@code
   * INTAKE_MAILBOX_…} variable would be ignored: refused, naming the variable that reaches the
   * entries.
   *
   * @param envNames every variable set in the environment
   */
  static void refuseSingleMailboxVariables(ObjectNode tree, java.util.Collection<String> envNames) {
    if (!(tree.get("mailboxes") instanceof ArrayNode)) return;
    for (String name : new java.util.TreeSet<>(envNames)) {
      if (!name.startsWith("INTAKE_MAILBOX_")) continue;
      String rest = name.substring("INTAKE_MAILBOX_".length());
      throw new ConfigException(
          "the environment variable "
              + name
              + " sets a key of mailbox:, which this configuration does not read: its mailboxes"
              + " are listed under mailboxes:. Set "
              + VARIABLE
              + "_0_"
              + rest
              + " for the first entry ("
              + VARIABLE
              + "_1_"
              + rest
              + " for the second, and so on), or write the entry's own key, and unset "
              + name);
    }
  }
}
