package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Turns the merged YAML tree into {@link IntakeConfig}, naming the key in every error. */
final class ConfigBinder {
  private final JsonNode root;
  private final UnaryOperator<String> resolver;

  ConfigBinder(JsonNode root, UnaryOperator<String> resolver) {
    this.root = root;
    this.resolver = resolver;
  }

  IntakeConfig bind() {
    try {
      return IntakeConfig.builder()
          .mailboxes(mailboxes())
          .poll(poll())
          .database(database())
          .tickets(tickets())
          .projects(projects())
          .storage(storage())
          .replies(replies())
          .scanning(scanning())
          .staff(staff())
          .security(security())
          .sla(sla())
          .digests(digests())
          .workflow(workflow())
          .server(server())
          .ha(new HaSettings(duration("ha.takeover", HaSettings.DEFAULT_TAKEOVER)))
          .build();
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  /** {@code mailboxes:}, each entry read as {@code mailbox:} is; else the one {@code mailbox:}. */
  private java.util.List<Mailbox> mailboxes() {
    JsonNode list = node("mailboxes");
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
        text(key + ".address"),
        server(key + ".imap"),
        server(key + ".smtp"),
        new Folders(
            text(key + ".folders.inbox"),
            text(key + ".folders.processed"),
            text(key + ".folders.quarantine")),
        accepts);
  }

  /** {@code accepts: [ingest, transfer]}, or one kind written alone. */
  private java.util.List<String> accepts(String key) {
    JsonNode n = node(key);
    if (n == null)
      throw new ConfigException(
          key + " is missing: list the kinds of request this mailbox takes, e.g. [output]");
    java.util.List<String> kinds = new java.util.ArrayList<>();
    if (n.isArray()) n.forEach(k -> kinds.add(resolver.apply(k.asText()).trim()));
    else kinds.add(resolver.apply(n.asText()).trim());
    return kinds;
  }

  /**
   * {@code KEY.password}, or the content of the file {@code KEY.password-file} names when the
   * password itself is unset: every secret the bot logs in with is read this one way.
   */
  private String password(String key) {
    String password = text(key + ".password");
    String passwordFile = text(key + ".password-file");
    if ((password == null || password.isBlank())
        && passwordFile != null
        && !passwordFile.isBlank()) {
      password = ConfigLoader.readSecretFile(key + ".password-file", Path.of(passwordFile));
    }
    return password;
  }

  private Server server(String key) {
    String password = password(key);
    int port = integer(key + ".port");
    if (port < 1 || port > 65535)
      throw new ConfigException(key + ".port is " + port + ", not a port number (1-65535)");
    String auth = text(key + ".auth");
    return new Server(
        text(key + ".host"),
        port,
        bool(key + ".ssl"),
        bool(key + ".starttls"),
        text(key + ".username"),
        password,
        auth,
        duration(key + ".timeout", Duration.ofSeconds(30)),
        auth != null && auth.trim().equals("oauth2")
            ? OAuth2Keys.read(key + ".oauth2", this::text)
            : null);
  }

  private Poll poll() {
    return new Poll(
        duration("poll.interval", Duration.ofSeconds(60)),
        bool("poll.idle"),
        duration("poll.idle-renew", Duration.ofMinutes(20)),
        duration("poll.outbox-interval", Duration.ofSeconds(5)),
        integer("poll.workers", 2));
  }

  /** Checked here, once: a port typed wrong is refused at load, not when the server starts. */
  private ServerSettings server() {
    String port = text("server.port");
    if (port == null || port.isBlank()) return new ServerSettings(null, text("server.address"));
    int number;
    try {
      number = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      number = -1;
    }
    if (number < 1 || number > 65535)
      throw new ConfigException(
          "server.port is '"
              + port
              + "', not a port number: write one from 1 to 65535, e.g. 9464, or leave it out to"
              + " open no HTTP port");
    return new ServerSettings(java.util.OptionalInt.of(number), text("server.address"));
  }

  private DatabaseSettings database() {
    return new DatabaseSettings(
        text("database.url"), text("database.username"), password("database"));
  }

  private Tickets tickets() {
    java.util.Map<String, String> prefixes = new java.util.LinkedHashMap<>();
    for (String kind : java.util.List.of("ingest", "transfer")) {
      String p = text("tickets.prefixes." + kind);
      if (p != null && !p.isBlank()) prefixes.put(kind, p.trim());
    }
    return new Tickets(
        text("tickets.prefix"),
        integer("tickets.first-number"),
        text("tickets.subject-format"),
        prefixes);
  }

  private Projects projects() {
    String digits = text("projects.number-digits");
    int min = 4;
    int max = 10;
    if (digits != null && !digits.isBlank()) {
      String[] parts = digits.trim().split("\\s*-\\s*");
      try {
        min = Integer.parseInt(parts[0]);
        max = Integer.parseInt(parts[parts.length - 1]);
      } catch (NumberFormatException e) {
        throw new ConfigException(
            "projects.number-digits is '" + digits + "': write a range such as 4-10");
      }
    }
    return new Projects(path("projects.registry"), min, max);
  }

  private Storage storage() {
    return new Storage(
        path("storage.data-dir"),
        archiveDir(path("storage.archive-dir")),
        path("storage.shared-dir"));
  }

  /**
   * The archive is written long after start-up: a directory that cannot be written fails now, not
   * at close.
   */
  private static Path archiveDir(Path dir) {
    if (dir == null) return null;
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "storage.archive-dir is '"
              + dir
              + "', which cannot be created: "
              + (e instanceof IOException io ? ConfigException.reason(io) : e.getMessage()),
          e);
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new ConfigException(
          "storage.archive-dir is '" + dir + "', which is not a writable directory");
    }
    return dir;
  }

  private Replies replies() {
    return new Replies(
        integer("replies.max-per-sender-per-hour"),
        path("replies.templates"),
        duration("replies.give-up-after", Duration.ofDays(2)),
        integer("replies.max-attempts", 50));
  }

  private Staff staff() {
    return new Staff(
        text("staff.officers-list"),
        list("staff.officers"),
        list("staff.managers"),
        size("staff.attach-limit", Staff.DEFAULT_ATTACH_LIMIT),
        staffLists());
  }

  /** {@code staff.lists.<kind>: FILE}, one address a line ({@code #} starts a comment). */
  private java.util.Map<String, java.util.List<String>> staffLists() {
    java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
    for (String kind : java.util.List.of("ingest", "transfer")) {
      String key = "staff.lists." + kind;
      String file = text(key);
      if (file == null || file.isBlank()) continue;
      Path p = Path.of(file.trim());
      try {
        java.util.List<String> members = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(p, java.nio.charset.StandardCharsets.UTF_8)) {
          String a = line.replaceFirst("#.*", "").strip();
          if (!a.isEmpty()) members.add(a);
        }
        out.put(kind, members);
      } catch (IOException | RuntimeException e) {
        throw new ConfigException(
            key
                + " is '"
                + file
                + "': the file cannot be read; write the path of a file listing"
                + " one officer's address a line");
      }
    }
    return out;
  }

  /** A size such as {@code 20MB}, {@code 512 KB}, {@code 1GB} or plain bytes. */
  private long size(String key, long fallback) {
    String t = text(key);
    if (t == null || t.isBlank()) return fallback;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,12})\\s*(B|KB|MB|GB)?\\s*").matcher(t);
    if (!m.matches()) throw new ConfigException(key + " is '" + t + "': write a size such as 20MB");
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    return switch (unit) {
      case "KB" -> n * 1024;
      case "MB" -> n * 1024 * 1024;
      case "GB" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  private Security security() {
    return new Security(
        SenderProofRule.of(bool("security.require-authenticated-sender", true)),
        text("security.trusted-authserv-id"),
        SenderProofRule.of(bool("security.require-authenticated-researchers", false)));
  }

  private Sla sla() {
    String hours = text("sla.working-hours");
    java.time.LocalTime start = null;
    java.time.LocalTime end = null;
    if (hours != null && !hours.isBlank()) {
      String[] parts = hours.trim().split("\\s*-\\s*");
      try {
        if (parts.length != 2) throw new IllegalArgumentException();
        start = java.time.LocalTime.parse(parts[0]);
        end = java.time.LocalTime.parse(parts[1]);
      } catch (RuntimeException e) {
        throw new ConfigException("sla.working-hours is '" + hours + "': write e.g. 09:00-17:00");
      }
    }
    java.time.ZoneId zone = null;
    String z = text("sla.zone");
    if (z != null && !z.isBlank()) {
      try {
        zone = java.time.ZoneId.of(z.trim());
      } catch (RuntimeException e) {
        throw new ConfigException(
            "sla.zone is '" + z + "', not a time zone: write e.g. Europe/London");
      }
      String region = text("sla.region");
      boolean uk =
          region == null
              || java.util.Set.of("england-and-wales", "scotland", "northern-ireland")
                  .contains(region.trim());
      // GMT or UTC would put the working day an hour late all summer, when the office is on BST
      if (uk && zone.getRules().isFixedOffset()) {
        throw new ConfigException(
            "sla.zone is '"
                + z
                + "', a fixed offset, but offices in the UK move to BST in summer, so the working"
                + " day would be counted an hour late from March to October: write Europe/London"
                + " (or remove the key)");
      }
    }
    Sla base =
        new Sla(
            text("sla.region"),
            path("sla.bank-holidays"),
            zone,
            start,
            end,
            integer("sla.days", 5),
            null);
    Sla sla =
        new Sla(
            base.region(),
            base.bankHolidays(),
            base.zone(),
            base.dayStart(),
            base.dayEnd(),
            base.days(),
            workingTime("sla.reminder-before", base.workingDay()));
    // the region must exist in the holidays file now, not when the first clock is read
    BankHolidays.load(sla.bankHolidays(), sla.region());
    return sla;
  }

  private WorkflowSettings workflow() {
    return new WorkflowSettings(
        integer("workflow.chase-after", WorkflowSettings.DEFAULT_CHASE_AFTER),
        integer("workflow.withdraw-after", WorkflowSettings.DEFAULT_WITHDRAW_AFTER),
        timeOfDay("workflow.daily-summary"),
        new WorkflowSettings.Checkers(
            integer("workflow.checkers.output", WorkflowSettings.Checkers.DEFAULT.output()),
            integer("workflow.checkers.ingest", WorkflowSettings.Checkers.DEFAULT.ingest()),
            integer("workflow.checkers.transfer", WorkflowSettings.Checkers.DEFAULT.transfer())));
  }

  /** A time such as {@code "08:30"}; {@code off} (or nothing) for none. */
  private java.time.LocalTime timeOfDay(String key) {
    JsonNode n = node(key);
    if (n == null) return null;
    // YAML 1.1 reads an unquoted 8:30 as the number 510 (base 60), and off as false
    if (n.isNumber())
      throw new ConfigException(
          key
              + " is "
              + n.asText()
              + ", read as a number: write the time in quotes, e.g. \"08:30\"");
    String t = text(key);
    if (t == null || t.isBlank()) return null;
    String v = t.trim().toLowerCase(Locale.ROOT);
    if (v.equals("off") || v.equals("false") || v.equals("no")) return null;
    try {
      return java.time.LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (RuntimeException e) {
      throw new ConfigException(
          key
              + " is '"
              + t.trim()
              + "': write a time of day in quotes, e.g. \"08:30\" (in sla.zone, sent on working"
              + " days), or off");
    }
  }

  /** {@code 1d} is one working day (not 24 hours); {@code 4h}, {@code 30m} are working time. */
  private java.time.Duration workingTime(String key, java.time.Duration workingDay) {
    String t = text(key);
    if (t == null || t.isBlank()) return null;
    String v = t.trim().toLowerCase(Locale.ROOT);
    if (v.matches("\\d+(\\.\\d+)?\\s*d")) {
      double days = Double.parseDouble(v.substring(0, v.length() - 1).trim());
      return java.time.Duration.ofSeconds(Math.round(days * workingDay.toSeconds()));
    }
    // elsewhere a bare number is seconds; here '1' is far likelier to mean a day than a second
    if (v.matches("[0-9.]+") && !v.matches("0+"))
      throw new ConfigException(
          key + " is '" + t.trim() + "', with no unit: write e.g. 1d (one working day) or 4h");
    return ConfigLoader.parseDuration(key, t);
  }

  private java.util.List<Digest> digests() {
    JsonNode n = node("digests");
    if (n == null) return java.util.List.of();
    if (!n.isArray())
      throw new ConfigException(
          "digests must be a list, e.g. - { name: daily, cron: \"0 0 8 ? * MON-FRI\", period: 1d }");
    java.util.List<Digest> out = new java.util.ArrayList<>();
    int i = 0;
    for (JsonNode d : n) {
      String where = "digests[" + i++ + "]";
      if (!d.isObject())
        throw new ConfigException(where + " must be a mapping with name, cron and period");
      String name = value(d, "name");
      String key = "digests." + (name == null ? where : name);
      String period = value(d, "period");
      java.util.List<String> to = new java.util.ArrayList<>();
      JsonNode toNode = d.get("to");
      if (toNode != null && !toNode.isNull()) {
        if (toNode.isArray())
          toNode.forEach(
              x ->
                  to.addAll(java.util.Arrays.asList(resolver.apply(x.asText()).split("[,;\\s]+"))));
        else
          to.addAll(
              java.util.Arrays.asList(
                  String.valueOf(resolver.apply(toNode.asText())).split("[,;\\s]+")));
      }
      String skip = value(d, "skip-if-empty");
      boolean skipIfEmpty =
          switch (skip == null ? "false" : skip.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0", "" -> false;
            default ->
                throw new ConfigException(
                    key + ".skip-if-empty is '" + skip + "': write true or false");
          };
      for (java.util.Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!java.util.Set.of("name", "cron", "period", "to", "skip-if-empty").contains(f)) {
          throw new ConfigException(
              key + "." + f + " is not a digest key: use name, cron, period, to, skip-if-empty");
        }
      }
      out.add(
          new Digest(
              name,
              value(d, "cron"),
              period == null || period.isBlank()
                  ? null
                  : ConfigLoader.parseDuration(key + ".period", period),
              to,
              skipIfEmpty));
    }
    return out;
  }

  private String value(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : resolver.apply(v.asText());
  }

  /**
   * A YAML sequence, or (from an environment variable) one text of addresses separated by commas or
   * spaces.
   */
  private java.util.List<String> list(String key) {
    JsonNode n = node(key);
    if (n == null) return java.util.List.of();
    java.util.List<String> out = new java.util.ArrayList<>();
    if (n.isArray()) {
      for (JsonNode item : n) {
        String v = resolver.apply(item.asText());
        if (v != null) out.addAll(java.util.Arrays.asList(v.split("[,;\\s]+")));
      }
    } else {
      String v = resolver.apply(n.asText());
      if (v != null) out.addAll(java.util.Arrays.asList(v.split("[,;\\s]+")));
    }
    return out;
  }

  private Scanning scanning() {
    return new Scanning(
        text("scanning.default-policy"), path("scanning.policies"), path("scanning.share-root"));
  }

  private JsonNode node(String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) {
      // mailboxes.0.imap: a list entry by its index
      n =
          n == null
              ? null
              : n.isArray() && part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  private String text(String key) {
    JsonNode n = node(key);
    return n == null ? null : resolver.apply(n.asText());
  }

  private Path path(String key) {
    String t = text(key);
    return t == null || t.isBlank() ? null : Path.of(t);
  }

  private int integer(String key) {
    String t = text(key);
    if (t == null || t.isBlank())
      throw new ConfigException(key + " is missing: it needs a whole number");
    try {
      return Integer.parseInt(t.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " is '" + t + "', not a whole number");
    }
  }

  private int integer(String key, int fallback) {
    String t = text(key);
    return t == null || t.isBlank() ? fallback : integer(key);
  }

  private boolean bool(String key) {
    return bool(key, false);
  }

  private boolean bool(String key, boolean absent) {
    String t = text(key);
    if (t == null || t.isBlank()) return absent;
    return switch (t.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException(key + " is '" + t + "': write true or false");
    };
  }

  private Duration duration(String key, Duration fallback) {
    String t = text(key);
    return t == null || t.isBlank() ? fallback : ConfigLoader.parseDuration(key, t);
  }
}
