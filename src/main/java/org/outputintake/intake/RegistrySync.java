package org.outputintake.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.outputintake.archive.TicketArchive;
import org.outputintake.inspection.FilePolicies;
import org.outputintake.project.Project;
import org.outputintake.project.ProjectRegistry;
import org.outputintake.scan.FilePolicy;
import org.outputintake.ticket.StateChange;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the project registry current: the file is re-read when it changes, and "a project which
 * closes will have any open requests immediately closed without further action" (seed 002) - each
 * with an audit event and a notice to the researcher. A registry edited into an invalid state is
 * reported and the last good one kept.
 */
public final class RegistrySync {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrySync.class);
  private final Path file;
  private final Path policyDir;
  private final String defaultPolicy;
  private final AtomicReference<Loaded> current;
  private IntakeContext ctx;
  private String loadedDigest;

  /** The registry and every policy it names, loaded and checked together, replaced together. */
  private record Loaded(ProjectRegistry registry, Map<String, FilePolicy> policies) {}

  /**
   * @param policyDir where named policies are looked up ({@code scanning.policies}), besides the
   *     bundled ones
   */
  public RegistrySync(Path file, Path policyDir) {
    this(file, policyDir, ProjectRegistry.DEFAULT_POLICY);
  }

  /**
   * @param defaultPolicy the policy of projects whose row names none; refused now if it cannot be
   *     loaded, not at the first request
   */
  public RegistrySync(Path file, Path policyDir, String defaultPolicy) {
    this.file = file;
    this.policyDir = policyDir;
    this.defaultPolicy = defaultPolicy;
    try {
      FilePolicies.load(defaultPolicy, policyDir);
    } catch (RuntimeException e) {
      throw new org.outputintake.config.ConfigException(
          "scanning.default-policy: " + e.getMessage(), e);
    }
    this.current = new AtomicReference<>(load());
    this.loadedDigest = digest();
  }

  /** Reads the registry and parses each policy it names once: reviews use these, never the YAML. */
  private Loaded load() {
    Map<String, FilePolicy> loaded = new java.util.HashMap<>();
    Consumer<String> policies =
        name -> loaded.computeIfAbsent(name, n -> FilePolicies.load(n, policyDir));
    policies.accept(defaultPolicy);
    ProjectRegistry registry = ProjectRegistry.load(file, policies, defaultPolicy);
    return new Loaded(registry, Map.copyOf(loaded));
  }

  public void bind(IntakeContext ctx) {
    this.ctx = ctx;
  }

  public ProjectRegistry get() {
    return current.get().registry();
  }

  /**
   * The parsed policy of that name, as loaded with the registry; a name the registry did not name
   * (a project added since) is parsed now.
   */
  public FilePolicy policy(String name) {
    String key = name == null || name.isBlank() ? defaultPolicy : name;
    FilePolicy p = current.get().policies().get(key);
    return p != null ? p : FilePolicies.load(key, policyDir);
  }

  /** Re-reads the file if it changed, then closes the open tickets of closed projects. */
  public synchronized void refresh() {
    String now = digest();
    if (now != null && !now.equals(loadedDigest)) {
      try {
        current.set(load());
        LOG.info(
            "project registry {} and its policies reloaded ({} projects)",
            file,
            current.get().registry().all().size());
      } catch (RuntimeException e) {
        // a broken registry row or policy edit: the desk goes on with the last good set
        LOG.error(
            "project registry {} or a policy in {} is invalid, keeping the previous ones: {}",
            file,
            policyDir,
            e.getMessage());
      }
      loadedDigest = now;
    }
    closeTicketsOfClosedProjects();
  }

  void closeTicketsOfClosedProjects() {
    if (ctx == null) return;
    for (Map.Entry<String, Project> e : current.get().registry().all().entrySet()) {
      if (e.getValue().status() != Project.Status.CLOSED) continue;
      List<Ticket> open = ctx.db().read(c -> ctx.tickets().openForProject(c, e.getKey()));
      for (Ticket t : open) close(t, e.getKey());
    }
  }

  /**
   * @param closedProject the project that closed: a transfer closes when either of its projects
   *     does
   */
  private void close(Ticket t, String closedProject) {
    Instant now = ctx.clock().instant();
    String reason = "project " + closedProject + " closed";
    if (!(t.state() instanceof TicketState.Open open)) return;
    TicketState closed = open.close(reason, now);
    Ticket updated = t.withState(closed);
    ctx.db()
        .inTransaction(
            c -> {
              ctx.tickets()
                  .update(
                      c,
                      new StateChange(
                          updated, "system", reason + ": open requests are closed", now));
              ctx.queueReply(
                  c,
                  ctx.composer()
                      .ticketReply(
                          "project-closed",
                          updated,
                          null,
                          Map.of("closedProject", closedProject),
                          List.of()),
                  now);
              return null;
            });
    ctx.events().ticketUpdated(updated, "closed because the project closed");
    // after the commit, so the record exported is the closed ticket; a failure is logged and
    // audited, never thrown
    TicketArchive.forConfig(ctx.config(), ctx.clock()).exportOnClose(ctx.db(), t.id().toString());
  }

  /**
   * The content's digest, over the registry and every policy file beside it: a file edited twice
   * within a second still counts as changed, unlike its mtime.
   */
  private String digest() {
    try {
      java.security.MessageDigest sha = org.outputintake.store.Sha256.digest();
      sha.update(Files.readAllBytes(file));
      if (policyDir != null && Files.isDirectory(policyDir)) {
        try (var files = Files.list(policyDir)) {
          for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
            sha.update(
                p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(p));
          }
        }
      }
      return org.outputintake.store.Sha256.hex(sha);
    } catch (IOException e) {
      return null;
    }
  }
}
