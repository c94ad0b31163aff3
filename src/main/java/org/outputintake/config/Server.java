package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.notBlank;
import static org.outputintake.config.ConfigChecks.require;

import java.time.Duration;

/**
 * An IMAP or SMTP server. {@code auth} is {@code password}, {@code xoauth2} (an access token
 * obtained elsewhere is the password) or {@code oauth2} (the bot obtains and refreshes the token
 * itself as {@code oauth2} says, and {@code username} is the mailbox it logs in to).
 */
public record Server(
    String host,
    int port,
    Transport transport,
    String username,
    String password,
    String auth,
    Duration timeout,
    OAuth2Settings oauth2) {

  /** How the connection is protected, as {@code ssl} and {@code starttls} say in the file. */
  public enum Transport {
    /** No TLS (neither key true): a server on this host or a test server. */
    PLAIN,
    /** A plain connection upgraded before the login ({@code starttls: true}; ports 143, 587). */
    STARTTLS,
    /** TLS from the first byte ({@code ssl: true}; IMAPS 993, SMTPS 465). */
    SSL;

    /**
     * The transport that the keys {@code <key>.ssl} and {@code <key>.starttls} name.
     *
     * @throws ConfigException when both are true: they are two ways of connecting, not one
     */
    public static Transport of(String key, boolean ssl, boolean starttls) {
      require(
          !(ssl && starttls),
          key
              + ".ssl and "
              + key
              + ".starttls are both true, but a connection is either TLS from the start or"
              + " upgraded: keep ssl: true for a TLS port (IMAP 993, SMTP 465), or starttls: true"
              + " for a plain port the server upgrades (IMAP 143, SMTP 587), and set the other to"
              + " false");
      return ssl ? SSL : starttls ? STARTTLS : PLAIN;
    }
  }

  /** A server that logs in with a password, or with an access token obtained elsewhere. */
  public static Server withoutOAuth2(
      String host,
      int port,
      Transport transport,
      String username,
      String password,
      String auth,
      Duration timeout) {
    return new Server(host, port, transport, username, password, auth, timeout, null);
  }

  public Server {
    require(
        host != null && !host.isBlank(),
        "a mail server host is empty: set mailbox.imap.host / mailbox.smtp.host");
    require(
        port > 0 && port < 65536, "mail server port " + port + " is not a port number (1-65535)");
    auth = auth == null || auth.isBlank() ? "password" : auth;
    require(
        auth.equals("password") || auth.equals("xoauth2") || auth.equals("oauth2"),
        "mail server auth must be 'password', 'xoauth2' or 'oauth2'");
    require(
        !auth.equals("oauth2") || oauth2 != null,
        "auth: oauth2 needs an oauth2 section (mailbox.oauth2, or mailbox.imap.oauth2 /"
            + " mailbox.smtp.oauth2) saying which provider issues the token");
    require(
        !auth.equals("oauth2") || notBlank(username),
        "auth: oauth2 needs the username: the mailbox's address, which the token is presented"
            + " for");
    require(transport != null, "a mail server's transport is missing: PLAIN, STARTTLS or SSL");
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }

  /** Whether the bot obtains the access token itself ({@code auth: oauth2}). */
  public boolean usesOAuth2() {
    return auth.equals("oauth2");
  }

  /** Whether the login presents an access token (XOAUTH2) rather than a password. */
  public boolean presentsToken() {
    return auth.equals("oauth2") || auth.equals("xoauth2");
  }

  public boolean hasCredentials() {
    return username != null && !username.isBlank();
  }
}
