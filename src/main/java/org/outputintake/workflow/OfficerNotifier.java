package org.outputintake.workflow;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outputintake.project.Project;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.reply.ReplyComposer;
import org.outputintake.scan.FileReport;
import org.outputintake.scan.Finding;
import org.outputintake.scan.ScanReport;
import org.outputintake.scan.report.ReportFormat;
import org.outputintake.ticket.Ticket;
import org.outputintake.ticket.TicketFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the officers about a ticket that entered the queue (new, or back after a revision): who
 * asked, the project, the files with their hashes, the queue position, the scanners' findings by
 * file, the form's summary, the full scan report as an HTML attachment and the files themselves
 * ({@link FilesForCheckers}). Replies to it come back to the bot ({@code Reply-To}), never to the
 * list.
 */
public final class OfficerNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(OfficerNotifier.class);
  private final WorkflowContext ctx;
  private final StaffMail mail;
  private final org.outputintake.sla.ServiceLevel serviceLevel;

  OfficerNotifier(
      WorkflowContext ctx, StaffMail mail, org.outputintake.sla.ServiceLevel serviceLevel) {
    this.ctx = ctx;
    this.mail = mail;
    this.serviceLevel = serviceLevel;
  }

  /** How a ticket came to be in the queue, which the notification's subject and text say. */
  public enum Arrival {
    NEW_REQUEST,
    /** Back after the researcher revised or answered: it may already have checkers. */
    REVISED
  }

  /** To the officers' list, in the caller's transaction. */
  public void queued(Connection c, Ticket t, Arrival arrival, Instant now) throws SQLException {
    Facts f = facts(c, t, arrival, FilesForCheckers.Attach.UP_TO_LIMIT);
    for (String to : mail.officerAddresses(t)) {
      mail.queue(
          c,
          ctx.composer()
              .ticketMail(
                  "officer-new-ticket",
                  t,
                  to,
                  List.of(),
                  f.topic(),
                  f.values(),
                  f.attachments(),
                  null),
          now);
    }
  }

  /** The same notification to one officer ({@code #next}). */
  public void toOne(Connection c, Ticket t, String officer, Instant now) throws SQLException {
    Facts f = facts(c, t, Arrival.NEW_REQUEST, FilesForCheckers.Attach.ALWAYS);
    // already theirs: no queue position to give, and #take would only be refused
    f.values().put("taken", true);
    mail.queue(
        c,
        ctx.composer()
            .ticketMail(
                "officer-new-ticket",
                t,
                officer,
                List.of(),
                f.topic(),
                f.values(),
                f.attachments(),
                null),
        now);
  }

  private record Facts(
      String topic, Map<String, Object> values, List<OutgoingMail.FileRef> attachments) {}

  private Facts facts(Connection c, Ticket t, Arrival arrival, FilesForCheckers.Attach how)
      throws SQLException {
    boolean revision = arrival == Arrival.REVISED;
    Project p = ctx.registry().get().find(t.projectNumber()).orElse(null);
    List<TicketFiles.StoredAttachment> files = TicketFiles.latestSubmission(c, t.idText());
    List<TicketFiles.StoredFinding> findings = TicketFiles.latestFindings(c, t.idText());
    Map<String, Object> v = new HashMap<>();
    v.put("revision", revision);
    v.put("researcher", t.researcher());
    v.put("projectTitle", p == null ? "(not in the registry)" : p.title());
    v.put(
        "dataOwnerReview",
        p == null ? "none" : p.dataOwnerReview().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    v.put("dataOwners", p == null ? "" : String.join(", ", p.dataOwners()));
    v.put("hasDataOwners", p != null && !p.dataOwners().isEmpty());
    v.put("folder", t.folderName() == null ? "" : t.folderName());
    v.put("hasFolder", t.folderName() != null);
    v.put("position", WorkflowStore.queuePosition(c, t.idText()));
    // a revised ticket keeps its checkers: the list must not be invited to take a full ticket
    List<String> checkers = WorkflowStore.checkers(c, t.idText());
    v.put("held", String.join(" and ", checkers));
    v.put("isHeld", !checkers.isEmpty());
    v.put(
        "full",
        checkers.size() >= WorkflowStore.checksNeeded(ctx.config().workflow().checkers(), t));
    v.put("round", t.round());
    v.putAll(serviceLevel.staffFacts(serviceLevel.status(c, t, ctx.clock().instant())));
    List<Map<String, Object>> fileRows = new ArrayList<>();
    for (TicketFiles.StoredAttachment a : files) {
      fileRows.add(
          Map.of(
              "name",
              a.originalName(),
              "size",
              ReplyComposer.humanSize(a.size()),
              "sha256",
              a.sha256(),
              "role",
              a.role()));
    }
    v.put("files", fileRows);
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (TicketFiles.StoredFinding sf : findings) {
      byFile
          .computeIfAbsent(sf.file() == null ? "(the request)" : sf.file(), k -> new ArrayList<>())
          .add(sf.finding());
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    byFile.forEach(
        (file, list) ->
            groups.add(Map.of("file", file, "findings", ReplyComposer.rows(list, null))));
    v.put("scan", groups);
    v.put("hasFindings", !groups.isEmpty());
    List<OutgoingMail.FileRef> attachments = new ArrayList<>();
    Path report = report(t, files, byFile);
    if (report != null) {
      attachments.add(
          new OutgoingMail.FileRef("scan-report-" + t.idText() + ".html", report, "text/html"));
    }
    v.put("hasReport", report != null);
    // the files themselves, so an email-only desk can check them; the list gets them up to the
    // limit
    long limit = ctx.config().staff().attachLimitBytes();
    FilesForCheckers.Prepared sent = FilesForCheckers.of(ctx.files().files(), files, how, limit);
    attachments.addAll(sent.attachments());
    v.putAll(sent.facts(limit));
    String name = t.folderName() != null ? t.folderName() : t.subject();
    String topic =
        (revision ? "Revised output request: project " : "New output request: project ")
            + t.projectNumber()
            + ", "
            + name;
    return new Facts(topic, v, attachments);
  }

  /**
   * The {@code check --format html} page of the stored findings, or null when it cannot be written
   * (logged).
   */
  private Path report(
      Ticket t, List<TicketFiles.StoredAttachment> files, Map<String, List<Finding>> byFile) {
    List<FileReport> reports = new ArrayList<>();
    Map<String, Path> sources = new HashMap<>();
    for (TicketFiles.StoredAttachment a : files) {
      // the stored copy, so the report shows each table with its flagged cells (identifiers masked)
      sources.put(a.originalName(), ctx.files().files().located(a.sha256(), "", a.storedPath()));
      List<Finding> list = byFile.getOrDefault(a.originalName(), List.of());
      reports.add(new FileReport(a.originalName(), a.mediaType(), a.sha256(), a.size(), list));
    }
    List<Finding> general = new ArrayList<>();
    byFile.forEach(
        (file, list) -> {
          if (files.stream().noneMatch(a -> a.originalName().equals(file))) general.addAll(list);
        });
    if (!general.isEmpty())
      reports.add(new FileReport("(the request)", "message/rfc822", "", 0, general));
    try {
      Files.createDirectories(ctx.reportsDir());
      Path out = ctx.reportsDir().resolve(t.idText() + "-round-" + t.round() + ".html");
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        ReportFormat.HTML.write(new ScanReport(t.policy(), reports), w, sources);
      }
      // into the desk's store: the instance that sends the notification, or exports the ticket,
      // may be another than the one that wrote it
      Path stored = ctx.files().files().putFile(out, ".html").path();
      Files.deleteIfExists(out);
      return stored;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "the scan report for {} could not be written; the notification goes without it: {}",
          t.idText(),
          e.getMessage());
      return null;
    }
  }
}
