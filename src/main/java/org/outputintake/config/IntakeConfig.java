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
    Scanning scanning,
    Staff staff,
    Security security) {

  /** Without the officers' settings: no staff commands are possible (tests of intake alone use this). */
  public IntakeConfig(Mailbox mailbox, Poll poll, Database database, Tickets tickets, Projects projects,
      Storage storage, Replies replies, Scanning scanning) {
    this(mailbox, poll, database, tickets, projects, storage, replies, scanning, Staff.NONE, Security.OFF);
  }

  public IntakeConfig {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(poll, "poll");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(projects, "projects");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(replies, "replies");
    Objects.requireNonNull(scanning, "scanning");
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(security, "security");
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

  /**
   * @param giveUpAfter how long a reply that meets only temporary refusals is retried before it becomes a dead
   *     letter ({@code failed}); server outages do not count against a reply
   * @param maxAttempts the same limit as a number of refused attempts
   */
  public record Replies(int maxPerSenderPerHour, Path templates, Duration giveUpAfter, int maxAttempts) {
    public Replies(int maxPerSenderPerHour, Path templates) {
      this(maxPerSenderPerHour, templates, Duration.ofDays(2), 50);
    }

    public Replies {
      require(maxPerSenderPerHour >= 1, "replies.max-per-sender-per-hour must be at least 1");
      giveUpAfter = giveUpAfter == null ? Duration.ofDays(2) : giveUpAfter;
      require(!giveUpAfter.isNegative() && giveUpAfter.toMinutes() >= 1,
          "replies.give-up-after must be at least 1m, e.g. 2d");
      require(maxAttempts >= 1, "replies.max-attempts must be at least 1, e.g. 50");
    }
  }

  /**
   * Who works the tickets. Addresses are lower-case.
   *
   * @param officersList where new-ticket notifications go (a distribution list); null: no notifications
   * @param officers who may give commands in a ticket's thread
   * @param managers who receive digests and service-level alerts
   */
  public record Staff(String officersList, java.util.List<String> officers, java.util.List<String> managers) {
    public static final Staff NONE = new Staff(null, java.util.List.of(), java.util.List.of());

    public Staff {
      officersList = officersList == null || officersList.isBlank() ? null : lower(officersList.trim());
      require(officersList == null || isAddress(officersList),
          "staff.officers-list is '" + officersList + "', not an email address: write e.g. srs-officers@example.org");
      officers = addresses("staff.officers", officers);
      managers = addresses("staff.managers", managers);
    }

    public boolean isOfficer(String address) {
      return address != null && officers.contains(lower(address));
    }

    private static java.util.List<String> addresses(String key, java.util.List<String> in) {
      if (in == null) return java.util.List.of();
      java.util.List<String> out = new java.util.ArrayList<>();
      for (String a : in) {
        if (a == null || a.isBlank()) continue;
        String t = lower(a.trim());
        require(isAddress(t), key + " holds '" + a + "', not an email address: write e.g. [alice@example.org]");
        if (!out.contains(t)) out.add(t);
      }
      return java.util.List.copyOf(out);
    }
  }

  /**
   * @param requireAuthenticatedSender staff commands count only with a passing Authentication-Results header
   * @param trustedAuthservId the authserv-id your own receiving MTA writes into Authentication-Results
   */
  public record Security(boolean requireAuthenticatedSender, String trustedAuthservId) {
    public static final Security OFF = new Security(false, null);

    public Security {
      trustedAuthservId = trustedAuthservId == null || trustedAuthservId.isBlank() ? null : trustedAuthservId.trim();
      require(!requireAuthenticatedSender || trustedAuthservId != null,
          "security.require-authenticated-sender is true but security.trusted-authserv-id is empty: "
              + "name the authserv-id your receiving MTA writes, e.g. mx.example.org");
    }
  }

  static boolean isAddress(String s) {
    return s != null && s.matches("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+");
  }

  static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
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
