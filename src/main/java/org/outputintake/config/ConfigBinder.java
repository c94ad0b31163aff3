package org.outputintake.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Turns the merged YAML tree into {@link IntakeConfig}, naming the key in every error. */
final class ConfigBinder {
  private final ConfigTree tree;

  ConfigBinder(JsonNode root, UnaryOperator<String> resolver) {
    this.tree = new ConfigTree(root, resolver);
  }

  IntakeConfig bind() {
    ScheduleBinder schedules = new ScheduleBinder(tree);
    try {
      return IntakeConfig.builder()
          .mailboxes(new MailboxBinder(tree).mailboxes())
          .poll(poll())
          .database(database())
          .tickets(tickets())
          .projects(projects())
          .storage(storage())
          .replies(replies())
          .scanning(scanning())
          .staff(staff())
          .security(security())
          .sla(schedules.sla())
          .digests(schedules.digests())
          .workflow(schedules.workflow())
          .server(server())
          .ha(new HaSettings(tree.duration("ha.takeover", HaSettings.DEFAULT_TAKEOVER)))
          .build();
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException("invalid configuration: " + e.getMessage(), e);
    }
  }

  private Poll poll() {
    return new Poll(
        tree.duration("poll.interval", Duration.ofSeconds(60)),
        tree.bool("poll.idle"),
        tree.duration("poll.idle-renew", Duration.ofMinutes(20)),
        tree.duration("poll.outbox-interval", Duration.ofSeconds(5)),
        tree.integer("poll.workers", 2));
  }

  /** Checked here, once: a port typed wrong is refused at load, not when the server starts. */
  private ServerSettings server() {
    String port = tree.text("server.port");
    if (port == null || port.isBlank())
      return new ServerSettings(null, tree.text("server.address"));
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
    return new ServerSettings(java.util.OptionalInt.of(number), tree.text("server.address"));
  }

  private DatabaseSettings database() {
    return new DatabaseSettings(
        tree.text("database.url"), tree.text("database.username"), tree.password("database"));
  }

  private Tickets tickets() {
    java.util.Map<String, String> prefixes = new java.util.LinkedHashMap<>();
    for (String kind : java.util.List.of("ingest", "transfer")) {
      String p = tree.text("tickets.prefixes." + kind);
      if (p != null && !p.isBlank()) prefixes.put(kind, p.trim());
    }
    return new Tickets(
        tree.text("tickets.prefix"),
        tree.integer("tickets.first-number"),
        tree.text("tickets.subject-format"),
        prefixes);
  }

  private Projects projects() {
    String digits = tree.text("projects.number-digits");
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
    return new Projects(tree.path("projects.registry"), min, max);
  }

  private Storage storage() {
    return new Storage(
        tree.path("storage.data-dir"),
        archiveDir(tree.path("storage.archive-dir")),
        tree.path("storage.shared-dir"));
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
        tree.integer("replies.max-per-sender-per-hour"),
        tree.path("replies.templates"),
        tree.duration("replies.give-up-after", Duration.ofDays(2)),
        tree.integer("replies.max-attempts", 50));
  }

  private Staff staff() {
    return new Staff(
        tree.text("staff.officers-list"),
        tree.list("staff.officers"),
        tree.list("staff.managers"),
        tree.size("staff.attach-limit", Staff.DEFAULT_ATTACH_LIMIT),
        staffLists());
  }

  /** {@code staff.lists.<kind>: FILE}, one address a line ({@code #} starts a comment). */
  private java.util.Map<String, java.util.List<String>> staffLists() {
    java.util.Map<String, java.util.List<String>> out = new java.util.TreeMap<>();
    for (String kind : java.util.List.of("ingest", "transfer")) {
      String key = "staff.lists." + kind;
      String file = tree.text(key);
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

  private Security security() {
    return new Security(
        SenderProofRule.of(tree.bool("security.require-authenticated-sender", true)),
        tree.text("security.trusted-authserv-id"),
        SenderProofRule.of(tree.bool("security.require-authenticated-researchers", false)));
  }

  private Scanning scanning() {
    return new Scanning(
        tree.text("scanning.default-policy"),
        tree.path("scanning.policies"),
        tree.path("scanning.share-root"));
  }
}
