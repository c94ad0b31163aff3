package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Binds {@code mailbox:} or {@code mailboxes:}: addresses, IMAP and SMTP servers, folders. */
final class MailboxBinder {
  private final ConfigTree tree;

  MailboxBinder(ConfigTree tree) {
    this.tree = tree;
  }

  /** {@code mailboxes:}, each entry read as {@code mailbox:} is; else the one {@code mailbox:}. */
  java.util.List<Mailbox> mailboxes() {
    JsonNode list = tree.node("mailboxes");
    if (list == null) return java.util.List.of(mailbox("mailbox", null));
    java.util.List<Mailbox> out = new java.util.ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "mailboxes." + i;
      out.add(mailbox(key, accepts(key + ".accepts")));
    }
    return out;
  }

  private Mailbox mailbox(String key, java.util.List<String> accepts) {
    return new Mailbox(
        tree.text(key + ".address"),
        server(key + ".imap"),
        server(key + ".smtp"),
        new Folders(
            tree.text(key + ".folders.inbox"),
            tree.text(key + ".folders.processed"),
            tree.text(key + ".folders.quarantine")),
        accepts);
  }

  /** {@code accepts: [ingest, transfer]}, or one kind written alone. */
  private java.util.List<String> accepts(String key) {
    JsonNode n = tree.node(key);
    if (n == null)
      throw new ConfigException(
          key + " is missing: list the kinds of request this mailbox takes, e.g. [output]");
    java.util.List<String> kinds = new java.util.ArrayList<>();
    if (n.isArray()) n.forEach(k -> kinds.add(tree.resolve(k.asText()).trim()));
    else kinds.add(tree.resolve(n.asText()).trim());
    return kinds;
  }

  private Server server(String key) {
    String password = tree.password(key);
    int port = tree.integer(key + ".port");
    if (port < 1 || port > 65535)
      throw new ConfigException(key + ".port is " + port + ", not a port number (1-65535)");
    String auth = tree.text(key + ".auth");
    return new Server(
        tree.text(key + ".host"),
        port,
        Server.Transport.of(key, tree.bool(key + ".ssl"), tree.bool(key + ".starttls")),
        tree.text(key + ".username"),
        password,
        auth,
        tree.duration(key + ".timeout", Duration.ofSeconds(30)),
        auth != null && auth.trim().equals("oauth2")
            ? OAuth2Keys.read(key + ".oauth2", tree::text)
            : null);
  }
}
