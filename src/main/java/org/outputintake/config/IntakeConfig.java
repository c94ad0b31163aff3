package org.outputintake.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole configuration, validated once at start-up by {@link ConfigLoader}. Every record checks its own
 * invariants so that an invalid configuration cannot be constructed in tests either.
 */
public record IntakeConfig(
    Mailbox mailbox,
    Poll poll,
    Database database,
    Tickets tickets,
    Projects projects,
    Storage storage,
    Replies replies,
    Scanning scanning) {

  public IntakeConfig {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(poll, "poll");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(projects, "projects");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(replies, "replies");
    Objects.requireNonNull(scanning, "scanning");
  }

  public record Mailbox(String address, Server imap, Server smtp, Folders folders) {
    public Mailbox {
      require(address != null && address.matches("[^@\\s]+@[^@\\s]+"),
          "mailbox.address must be the bot's own email address, e.g. statistical.support@example.org");
    }
  }

  /** An IMAP or SMTP server. {@code auth} is {@code password} or {@code xoauth2} (the token is the password). */
  public record Server(String host, int port, boolean ssl, boolean starttls, String username, String password,
      String auth, Duration timeout) {
    public Server {
      require(host != null && !host.isBlank(), "a mail server host is empty: set mailbox.imap.host / mailbox.smtp.host");
      require(port > 0 && port < 65536, "mail server port " + port + " is not a port number (1-65535)");
      auth = auth == null || auth.isBlank() ? "password" : auth;
      require(auth.equals("password") || auth.equals("xoauth2"), "mail server auth must be 'password' or 'xoauth2'");
      timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    public boolean hasCredentials() {
      return username != null && !username.isBlank();
    }
  }

  public record Folders(String inbox, String processed, String quarantine) {
    public Folders {
      require(notBlank(inbox) && notBlank(processed) && notBlank(quarantine),
          "mailbox.folders needs inbox, processed and quarantine folder names");
      require(!inbox.equals(processed) && !inbox.equals(quarantine),
          "mailbox.folders.processed and .quarantine must differ from the inbox, or messages would be fetched again");
    }
  }

  /** @param idleRenew how often an IMAP IDLE is re-issued; RFC 2177 asks for less than 29 minutes */
  /** @param workers messages of one poll read, checked and scanned side by side; outcomes still commit in order */
  public record Poll(Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval, int workers) {
    public Poll(Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval) {
      this(interval, idle, idleRenew, outboxInterval, 2);
    }

    public Poll {
      require(workers >= 1 && workers <= 32, "poll.workers must be between 1 and 32, e.g. 2 (the number of cores)");
      require(interval != null && !interval.isNegative() && interval.toMillis() >= 1000,
          "poll.interval must be at least 1s, e.g. 60s");
      idleRenew = idleRenew == null ? Duration.ofMinutes(20) : idleRenew;
      require(idleRenew.compareTo(Duration.ofMinutes(29)) < 0, "poll.idle-renew must be under 29m (RFC 2177)");
      outboxInterval = outboxInterval == null ? Duration.ofSeconds(5) : outboxInterval;
    }
  }

  public record Database(String url) {
    public Database {
      require(url != null && url.startsWith("jdbc:sqlite:"),
          "database.url must be a SQLite JDBC URL such as jdbc:sqlite:data/intake.db");
    }
  }

  /** @param subjectFormat Mustache for reply subjects; must start with the bracketed ticket id */
  public record Tickets(String prefix, long firstNumber, String subjectFormat) {
    public Tickets {
      require(prefix != null && prefix.matches("[A-Z]{2,10}"), "tickets.prefix must be 2-10 capital letters, e.g. STATS");
      require(firstNumber > 0, "tickets.first-number must be positive, e.g. 10001");
      subjectFormat = subjectFormat == null ? "[{{ticketId}}] {{subject}}" : subjectFormat;
      require(subjectFormat.startsWith("[{{ticketId}}]"),
          "tickets.subject-format must start with [{{ticketId}}] so every reply threads to its ticket");
    }
  }

  public record Projects(Path registry, int minDigits, int maxDigits) {
    public Projects {
      require(registry != null, "projects.registry must name the project registry CSV, e.g. config/projects.csv");
      require(minDigits >= 1 && maxDigits >= minDigits && maxDigits <= 18,
          "projects.number-digits must be like 4-10 (min at least 1, max at most 18)");
    }
  }

  /**
   * @param dataDir where raw messages and attachments are kept (content-addressed)
   * @param archiveDir where a closed ticket's permanent record is exported; null for no automatic export
   */
  public record Storage(Path dataDir, Path archiveDir) {
    public Storage(Path dataDir) {
      this(dataDir, null);
    }

    public Storage {
      require(dataDir != null, "storage.data-dir must name a directory, e.g. data");
    }
  }

  public record Replies(int maxPerSenderPerHour, Path templates) {
    public Replies {
      require(maxPerSenderPerHour >= 1, "replies.max-per-sender-per-hour must be at least 1");
    }
  }

  /** @param shareRoot folder mode: the root holding {@code <project>/Ready for Checking/<folder>}; null for attachment mode */
  public record Scanning(String defaultPolicy, Path policies, Path shareRoot) {
    public Scanning {
      defaultPolicy = defaultPolicy == null || defaultPolicy.isBlank() ? "ons-srs" : defaultPolicy;
      policies = policies == null ? Path.of("config", "policies") : policies;
    }
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  static void require(boolean ok, String message) {
    if (!ok) throw new ConfigException(message);
  }
}
