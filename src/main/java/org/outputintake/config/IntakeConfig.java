package org.outputintake.config;

import static org.outputintake.config.ConfigChecks.addresses;
import static org.outputintake.config.ConfigChecks.cronProblem;
import static org.outputintake.config.ConfigChecks.isAddress;
import static org.outputintake.config.ConfigChecks.lower;
import static org.outputintake.config.ConfigChecks.notBlank;
import static org.outputintake.config.ConfigChecks.require;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration, validated once at start-up by {@link ConfigLoader}. Every record checks
 * its own invariants so that an invalid configuration cannot be constructed in tests either.
 */
public record IntakeConfig(
    java.util.List<Mailbox> mailboxes,
    Poll poll,
    Database database,
    Tickets tickets,
    Projects projects,
    Storage storage,
    Replies replies,
    Scanning scanning,
    Staff staff,
    Security security,
    Sla sla,
    java.util.List<Digest> digests,
    WorkflowSettings workflow,
    ServerSettings server,
    HaSettings ha) {

  /** With the default {@code ha} settings (a 30 s takeover). */
  public IntakeConfig(
      java.util.List<Mailbox> mailboxes,
      Poll poll,
      Database database,
      Tickets tickets,
      Projects projects,
      Storage storage,
      Replies replies,
      Scanning scanning,
      Staff staff,
      Security security,
      Sla sla,
      java.util.List<Digest> digests,
      WorkflowSettings workflow,
      ServerSettings server) {
    this(
        mailboxes,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security,
        sla,
        digests,
        workflow,
        server,
        HaSettings.DEFAULT);
  }

  /** One mailbox ({@code mailbox:}), accepting what its {@code accepts} says. */
  public IntakeConfig(
      Mailbox mailbox,
      Poll poll,
      Database database,
      Tickets tickets,
      Projects projects,
      Storage storage,
      Replies replies,
      Scanning scanning,
      Staff staff,
      Security security,
      Sla sla,
      java.util.List<Digest> digests,
      WorkflowSettings workflow,
      ServerSettings server) {
    this(
        java.util.List.of(Objects.requireNonNull(mailbox, "mailbox")),
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security,
        sla,
        digests,
        workflow,
        server);
  }

  /** Without the operations endpoint ({@code server.port} unset): no HTTP port is opened. */
  public IntakeConfig(
      Mailbox mailbox,
      Poll poll,
      Database database,
      Tickets tickets,
      Projects projects,
      Storage storage,
      Replies replies,
      Scanning scanning,
      Staff staff,
      Security security,
      Sla sla,
      java.util.List<Digest> digests,
      WorkflowSettings workflow) {
    this(
        mailbox,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security,
        sla,
        digests,
        workflow,
        ServerSettings.OFF);
  }

  /** Without the {@code workflow} section: its defaults (chase after 5, withdraw after 20). */
  public IntakeConfig(
      Mailbox mailbox,
      Poll poll,
      Database database,
      Tickets tickets,
      Projects projects,
      Storage storage,
      Replies replies,
      Scanning scanning,
      Staff staff,
      Security security,
      Sla sla,
      java.util.List<Digest> digests) {
    this(
        mailbox,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security,
        sla,
        digests,
        WorkflowSettings.DEFAULT);
  }

  /**
   * Without the officers' settings: no staff commands are possible (tests of intake alone use
   * this).
   */
  public IntakeConfig(
      Mailbox mailbox,
      Poll poll,
      Database database,
      Tickets tickets,
      Projects projects,
      Storage storage,
      Replies replies,
      Scanning scanning) {
    this(
        mailbox,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        Staff.NONE,
        Security.OFF);
  }

  /**
   * Without service-level settings or digests: the defaults (five working days, England and Wales),
   * no digests.
   */
  public IntakeConfig(
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
    this(
        mailbox,
        poll,
        database,
        tickets,
        projects,
        storage,
        replies,
        scanning,
        staff,
        security,
        Sla.DEFAULT,
        java.util.List.of());
  }

  public IntakeConfig {
    require(
        mailboxes != null && !mailboxes.isEmpty(),
        "mailboxes: name at least one mailbox, or write mailbox: instead");
    mailboxes = java.util.List.copyOf(mailboxes);
    java.util.Set<String> addresses = new java.util.HashSet<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Mailbox m : mailboxes) {
      require(
          addresses.add(m.address().toLowerCase(java.util.Locale.ROOT)),
          "mailboxes: the address " + m.address() + " is given twice: each mailbox has its own");
      require(
          keys.add(m.key()),
          "mailboxes: "
              + m.key()
              + " is read by two entries: each entry names its own IMAP login or inbox folder");
    }
    Objects.requireNonNull(poll, "poll");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(projects, "projects");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(replies, "replies");
    Objects.requireNonNull(scanning, "scanning");
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(sla, "sla");
    workflow = workflow == null ? WorkflowSettings.DEFAULT : workflow;
    server = server == null ? ServerSettings.OFF : server;
    ha = ha == null ? HaSettings.DEFAULT : ha;
    digests = digests == null ? java.util.List.of() : java.util.List.copyOf(digests);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Digest d : digests)
      require(names.add(d.name()), "digests: the name '" + d.name() + "' is used twice");
  }

  /**
   * The first mailbox: the one staff mail (digests, officers' notifications) leaves from, and every
   * reply written before there were several.
   */
  public Mailbox mailbox() {
    return mailboxes.get(0);
  }

  /** The mailbox that accepts requests of this kind (by code), if any does: the first that does. */
  public java.util.Optional<Mailbox> mailboxFor(String kindCode) {
    return mailboxes.stream().filter(m -> m.accepts().contains(kindCode)).findFirst();
  }

  /** The digest named {@code name}, or the first one when name is null. */
  public java.util.Optional<Digest> digest(String name) {
    return digests.stream().filter(d -> name == null || d.name().equals(name)).findFirst();
  }

  /**
   * The service level (seed 001: up to five working days, not counting time waiting for the
   * researcher).
   *
   * @param region which set of {@code bankHolidays} applies: england-and-wales, scotland or
   *     northern-ireland
   * @param bankHolidays the editable holidays file; the bundled copy is used when it does not exist
   * @param reminderBefore working time before the due time at which the checkers are reminded
   */
  public record Sla(
      String region,
      Path bankHolidays,
      java.time.ZoneId zone,
      java.time.LocalTime dayStart,
      java.time.LocalTime dayEnd,
      int days,
      Duration reminderBefore) {
    public static final Sla DEFAULT = new Sla(null, null, null, null, null, 5, null);

    public Sla {
      region = region == null || region.isBlank() ? "england-and-wales" : region.trim();
      require(
          region.matches("[a-z][a-z-]*"),
          "sla.region is '" + region + "': write england-and-wales, scotland or northern-ireland");
      bankHolidays = bankHolidays == null ? Path.of("config", "bank-holidays.yaml") : bankHolidays;
      zone = zone == null ? java.time.ZoneId.of("Europe/London") : zone;
      dayStart = dayStart == null ? java.time.LocalTime.of(9, 0) : dayStart;
      dayEnd = dayEnd == null ? java.time.LocalTime.of(17, 0) : dayEnd;
      require(
          dayStart.isBefore(dayEnd),
          "sla.working-hours must be like 09:00-17:00 (start before end)");
      require(
          days >= 1 && days <= 100,
          "sla.days must be a number of working days between 1 and 100, e.g. 5");
      Duration day = Duration.between(dayStart, dayEnd);
      reminderBefore = reminderBefore == null ? day : reminderBefore;
      require(
          !reminderBefore.isNegative() && reminderBefore.compareTo(day.multipliedBy(days)) < 0,
          "sla.reminder-before must be less than the service level, e.g. 1d (one working day) or 4h");
    }

    /** The length of one working day. */
    public Duration workingDay() {
      return Duration.between(dayStart, dayEnd);
    }

    /** The service level as working time. */
    public Duration target() {
      return workingDay().multipliedBy(days);
    }
  }

  /**
   * A scheduled queue digest for managers.
   *
   * @param cron a Quartz cron expression, read in {@code sla.zone} (e.g. {@code 0 0 8 ? * MON-FRI})
   * @param period what "received, released, rejected" counts back over, e.g. 1d or 7d
   * @param to who receives it; empty means {@code staff.managers}
   * @param skipIfEmpty send nothing when no ticket arrived, moved or waits
   */
  public record Digest(
      String name, String cron, Duration period, java.util.List<String> to, boolean skipIfEmpty) {
    public Digest {
      require(
          name != null && name.matches("[a-z0-9][a-z0-9-]*"),
          "digests: a digest needs a name of lower-case letters, digits and '-', e.g. daily (got '"
              + name
              + "')");
      require(
          cron != null, "digests." + name + ".cron is missing: write e.g. \"0 0 8 ? * MON-FRI\"");
      String why = cronProblem(cron);
      require(
          why == null,
          "digests."
              + name
              + ".cron is '"
              + cron
              + "', not a Quartz cron expression ("
              + why
              + "): write six fields, seconds minutes hours day-of-month month day-of-week, with"
              + " '?' in day-of-month or day-of-week, e.g. \"0 0 8 ? * MON-FRI\" (08:00 Monday"
              + " to Friday)");
      period = period == null ? Duration.ofDays(1) : period;
      require(
          !period.isNegative() && period.toMinutes() >= 1,
          "digests." + name + ".period must be at least 1m, e.g. 1d");
      to = addresses("digests." + name + ".to", to);
    }

    /** Its recipients: its own list, else the managers. */
    public java.util.List<String> recipients(Staff staff) {
      return to.isEmpty() ? staff.managers() : to;
    }
  }

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
    public Mailbox(String address, Server imap, Server smtp, Folders folders) {
      this(address, imap, smtp, folders, KINDS);
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

    /**
     * Which inbox this is, stable across restarts: {@code imap-username@imap-host/inbox-folder}.
     */
    public String key() {
      return imap.username() + "@" + imap.host() + "/" + folders.inbox();
    }
  }

  /**
   * An IMAP or SMTP server. {@code auth} is {@code password}, {@code xoauth2} (an access token
   * obtained elsewhere is the password) or {@code oauth2} (the bot obtains and refreshes the token
   * itself as {@code oauth2} says, and {@code username} is the mailbox it logs in to).
   */
  public record Server(
      String host,
      int port,
      boolean ssl,
      boolean starttls,
      String username,
      String password,
      String auth,
      Duration timeout,
      OAuth2Settings oauth2) {
    /** A server without OAuth2 settings (password or xoauth2). */
    public Server(
        String host,
        int port,
        boolean ssl,
        boolean starttls,
        String username,
        String password,
        String auth,
        Duration timeout) {
      this(host, port, ssl, starttls, username, password, auth, timeout, null);
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

  public record Folders(String inbox, String processed, String quarantine) {
    public Folders {
      require(
          notBlank(inbox) && notBlank(processed) && notBlank(quarantine),
          "mailbox.folders needs inbox, processed and quarantine folder names");
      require(
          !inbox.equals(processed) && !inbox.equals(quarantine),
          "mailbox.folders.processed and .quarantine must differ from the inbox, or messages would be fetched again");
    }
  }

  /**
   * @param idleRenew how often an IMAP IDLE is re-issued; RFC 2177 asks for less than 29 minutes
   */
  /**
   * @param workers messages of one poll read, checked and scanned side by side; outcomes still
   *     commit in order
   */
  public record Poll(
      Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval, int workers) {
    public Poll(Duration interval, boolean idle, Duration idleRenew, Duration outboxInterval) {
      this(interval, idle, idleRenew, outboxInterval, 2);
    }

    public Poll {
      require(
          workers >= 1 && workers <= 32,
          "poll.workers must be between 1 and 32, e.g. 2 (the number of cores)");
      require(
          interval != null && !interval.isNegative() && interval.toMillis() >= 1000,
          "poll.interval must be at least 1s, e.g. 60s");
      idleRenew = idleRenew == null ? Duration.ofMinutes(20) : idleRenew;
      require(
          idleRenew.compareTo(Duration.ofMinutes(29)) < 0,
          "poll.idle-renew must be under 29m (RFC 2177)");
      outboxInterval = outboxInterval == null ? Duration.ofSeconds(5) : outboxInterval;
    }
  }

  /**
   * @param url SQLite (embedded, the default) or PostgreSQL
   * @param username PostgreSQL's login; SQLite has none
   * @param password PostgreSQL's password, from {@code database.password}, {@code
   *     database.password-file} or {@code INTAKE_DATABASE_PASSWORD}; never shown
   */
  public record Database(String url, String username, String password) {
    public Database {
      require(
          url != null && (url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:")),
          "database.url must be a SQLite or PostgreSQL JDBC URL such as jdbc:sqlite:data/intake.db"
              + " or jdbc:postgresql://db.example.org:5432/intake");
      username = username == null || username.isBlank() ? null : username;
      password = password == null || password.isEmpty() ? null : password;
    }

    public Database(String url) {
      this(url, null, null);
    }

    /** Without the password: a configuration is printed and logged. */
    @Override
    public String toString() {
      return "Database[url="
          + url
          + ", username="
          + username
          + ", password="
          + (password == null ? "unset" : "(set)")
          + "]";
    }
  }

  /**
   * @param subjectFormat Mustache for reply subjects; must start with the bracketed ticket id
   */
  /**
   * @param prefixes the prefix of each kind's ticket ids by the kind's code ({@code
   *     tickets.prefixes: { ingest: INGEST }}); a kind not named uses {@code prefix}. All kinds
   *     share one numbering.
   */
  public record Tickets(
      String prefix, long firstNumber, String subjectFormat, Map<String, String> prefixes) {
    public Tickets(String prefix, long firstNumber, String subjectFormat) {
      this(prefix, firstNumber, subjectFormat, Map.of());
    }

    public Tickets {
      require(
          prefix != null && prefix.matches("[A-Z]{2,10}"),
          "tickets.prefix must be 2-10 capital letters, e.g. STATS");
      prefixes = prefixes == null ? Map.of() : Map.copyOf(prefixes);
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(prefixes).entrySet()) {
        require(
            e.getValue().matches("[A-Z]{2,10}"),
            "tickets.prefixes."
                + e.getKey()
                + " is '"
                + e.getValue()
                + "': write 2-10 capital letters, e.g. "
                + e.getKey().toUpperCase(java.util.Locale.ROOT)
                + ", or leave it out to number these tickets with tickets.prefix ("
                + prefix
                + ")");
      }
      require(firstNumber > 0, "tickets.first-number must be positive, e.g. 10001");
      subjectFormat = subjectFormat == null ? "[{{ticketId}}] {{subject}}" : subjectFormat;
      require(
          subjectFormat.startsWith("[{{ticketId}}]"),
          "tickets.subject-format must start with [{{ticketId}}] so every reply threads to its ticket");
    }

    /** The prefix of a new ticket of this kind (by its code: output, ingest, transfer). */
    public String prefix(String kindCode) {
      return prefixes.getOrDefault(kindCode, prefix);
    }

    /** Every prefix a ticket id of this desk may carry: a subject's tag is looked for with each. */
    public java.util.List<String> allPrefixes() {
      java.util.Set<String> all = new java.util.LinkedHashSet<>();
      all.add(prefix);
      all.addAll(new java.util.TreeMap<>(prefixes).values());
      return java.util.List.copyOf(all);
    }
  }

  public record Projects(Path registry, int minDigits, int maxDigits) {
    public Projects {
      require(
          registry != null,
          "projects.registry must name the project registry CSV, e.g. config/projects.csv");
      require(
          minDigits >= 1 && maxDigits >= minDigits && maxDigits <= 18,
          "projects.number-digits must be like 4-10 (min at least 1, max at most 18)");
    }
  }

  /**
   * @param dataDir where raw messages and attachments are kept (content-addressed)
   * @param archiveDir where a closed ticket's permanent record is exported; null for no automatic
   *     export
   * @param sharedDir a folder every instance mounts, where the stored files are kept instead of
   *     under {@code dataDir} (which is then scratch space only); null to keep them under {@code
   *     dataDir}, or in the database when that is PostgreSQL
   */
  public record Storage(Path dataDir, Path archiveDir, Path sharedDir) {
    public Storage(Path dataDir) {
      this(dataDir, null, null);
    }

    public Storage(Path dataDir, Path archiveDir) {
      this(dataDir, archiveDir, null);
    }

    public Storage {
      require(dataDir != null, "storage.data-dir must name a directory, e.g. data");
    }
  }

  /**
   * @param giveUpAfter how long a reply that meets only temporary refusals is retried before it
   *     becomes a dead letter ({@code failed}); server outages do not count against a reply
   * @param maxAttempts the same limit as a number of refused attempts
   */
  public record Replies(
      int maxPerSenderPerHour, Path templates, Duration giveUpAfter, int maxAttempts) {
    public Replies(int maxPerSenderPerHour, Path templates) {
      this(maxPerSenderPerHour, templates, Duration.ofDays(2), 50);
    }

    public Replies {
      require(maxPerSenderPerHour >= 1, "replies.max-per-sender-per-hour must be at least 1");
      giveUpAfter = giveUpAfter == null ? Duration.ofDays(2) : giveUpAfter;
      require(
          !giveUpAfter.isNegative() && giveUpAfter.toMinutes() >= 1,
          "replies.give-up-after must be at least 1m, e.g. 2d");
      require(maxAttempts >= 1, "replies.max-attempts must be at least 1, e.g. 50");
    }
  }

  /**
   * Who works the tickets. Addresses are lower-case.
   *
   * @param officersList where new-ticket notifications go (a distribution list); null: no
   *     notifications
   * @param officers who may give commands in a ticket's thread
   * @param managers who receive digests and service-level alerts
   * @param attachLimitBytes {@code staff.attach-limit}: the largest total of a submission's files
   *     attached to the officers' new-ticket notification (a {@code #take} confirmation always
   *     carries them)
   * @param lists {@code staff.lists}: by request kind code ({@code ingest}, {@code transfer}), the
   *     officers who work tickets of that kind instead of {@code staff.officers}, read from the
   *     file the key names; a kind not listed is worked by {@code staff.officers}
   */
  public record Staff(
      String officersList,
      java.util.List<String> officers,
      java.util.List<String> managers,
      long attachLimitBytes,
      java.util.Map<String, java.util.List<String>> lists) {
    /** {@code staff.attach-limit}'s default: 20 MB. */
    public static final long DEFAULT_ATTACH_LIMIT = 20L * 1024 * 1024;

    public static final Staff NONE = new Staff(null, java.util.List.of(), java.util.List.of());

    public Staff(
        String officersList, java.util.List<String> officers, java.util.List<String> managers) {
      this(officersList, officers, managers, DEFAULT_ATTACH_LIMIT);
    }

    public Staff(
        String officersList,
        java.util.List<String> officers,
        java.util.List<String> managers,
        long attachLimitBytes) {
      this(officersList, officers, managers, attachLimitBytes, java.util.Map.of());
    }

    public Staff {
      require(
          attachLimitBytes >= 0,
          "staff.attach-limit is " + attachLimitBytes + " bytes: write a size such as 20MB, or 0");
      officersList =
          officersList == null || officersList.isBlank() ? null : lower(officersList.trim());
      require(
          officersList == null || isAddress(officersList),
          "staff.officers-list is '"
              + officersList
              + "', not an email address: write e.g. srs-officers@example.org");
      officers = addresses("staff.officers", officers);
      managers = addresses("staff.managers", managers);
      java.util.Map<String, java.util.List<String>> read = new java.util.TreeMap<>();
      for (var e :
          (lists == null ? java.util.Map.<String, java.util.List<String>>of() : lists).entrySet()) {
        java.util.List<String> members = addresses("staff.lists." + e.getKey(), e.getValue());
        require(
            !members.isEmpty(),
            "staff.lists." + e.getKey() + " names no officer: list one address per line");
        read.put(e.getKey(), members);
      }
      lists = java.util.Collections.unmodifiableMap(read);
    }

    /** An officer of any kind of ticket: may give the commands that belong to no ticket. */
    public boolean isOfficer(String address) {
      return address != null
          && (officers.contains(lower(address))
              || lists.values().stream().anyMatch(l -> l.contains(lower(address))));
    }

    /**
     * The officers who work tickets of the kind whose code is {@code kindCode}: its {@code
     * staff.lists} entry, else {@code staff.officers}.
     */
    public java.util.List<String> officersFor(String kindCode) {
      return lists.getOrDefault(kindCode, officers);
    }

    public boolean isOfficerFor(String address, String kindCode) {
      return address != null && officersFor(kindCode).contains(lower(address));
    }

    public boolean isManager(String address) {
      return address != null && managers.contains(lower(address));
    }
  }

  /** Whether mail must prove its sender before the bot acts on it. */
  public enum SenderProofRule {
    /** Acted on only with a pass in the Authentication-Results header of our own server. */
    REQUIRED,
    /** Acted on from the From address alone: written explicitly by an operator, never a default. */
    NOT_REQUIRED;

    static SenderProofRule of(boolean required) {
      return required ? REQUIRED : NOT_REQUIRED;
    }
  }

  /**
   * @param staff whether staff commands need an authenticated sender ({@code
   *     security.require-authenticated-sender}, default true)
   * @param trustedAuthservId the authserv-id your own receiving MTA writes into
   *     Authentication-Results
   * @param researchers whether a researcher's mail needs an authenticated sender before it opens or
   *     changes a ticket ({@code security.require-authenticated-researchers}, default false)
   */
  public record Security(
      SenderProofRule staff, String trustedAuthservId, SenderProofRule researchers) {
    /** For tests and tools with no staff: nothing is obeyed on the From address alone there. */
    public static final Security OFF =
        new Security(SenderProofRule.NOT_REQUIRED, null, SenderProofRule.NOT_REQUIRED);

    public Security {
      staff = staff == null ? SenderProofRule.REQUIRED : staff;
      researchers = researchers == null ? SenderProofRule.NOT_REQUIRED : researchers;
      trustedAuthservId =
          trustedAuthservId == null || trustedAuthservId.isBlank()
              ? null
              : trustedAuthservId.trim();
    }

    /** Staff commands need a passing Authentication-Results header. */
    public Security(boolean requireAuthenticatedSender, String trustedAuthservId) {
      this(
          SenderProofRule.of(requireAuthenticatedSender),
          trustedAuthservId,
          SenderProofRule.NOT_REQUIRED);
    }

    public boolean requireAuthenticatedSender() {
      return staff == SenderProofRule.REQUIRED;
    }

    public boolean requireAuthenticatedResearchers() {
      return researchers == SenderProofRule.REQUIRED;
    }

    /**
     * Refuses to run a bot that would obey, or refuse, every staff command for want of a setting:
     * with staff configured and sender proof required, the trusted authserv-id must be named.
     *
     * @throws ConfigException naming the keys to set
     */
    public void requireUsableWith(Staff staff) {
      boolean anyStaff = !staff.officers().isEmpty() || !staff.managers().isEmpty();
      require(
          trustedAuthservId != null || !(anyStaff && requireAuthenticatedSender()),
          "security.trusted-authserv-id is not set, and staff commands need an authenticated"
              + " sender (security.require-authenticated-sender is true by default, and"
              + " staff.officers or staff.managers are set): set security.trusted-authserv-id to"
              + " the authserv-id your own receiving server writes into Authentication-Results,"
              + " e.g. mx.example.org (README: Security). Only where nobody"
              + " but staff can send mail as staff, write security.require-authenticated-sender:"
              + " false");
      require(
          trustedAuthservId != null || !requireAuthenticatedResearchers(),
          "security.require-authenticated-researchers is true but security.trusted-authserv-id"
              + " is not set: name the authserv-id your receiving server writes, e.g."
              + " mx.example.org");
    }
  }

  /**
   * @param shareRoot folder mode: the root holding {@code <project>/Ready for Checking/<folder>};
   *     null for attachment mode
   */
  public record Scanning(String defaultPolicy, Path policies, Path shareRoot) {
    public Scanning {
      defaultPolicy = defaultPolicy == null || defaultPolicy.isBlank() ? "ons-srs" : defaultPolicy;
      policies = policies == null ? Path.of("config", "policies") : policies;
    }
  }
}
