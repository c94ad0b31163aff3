package org.outputintake.workflow;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.outputintake.reply.OutgoingMail;
import org.outputintake.scan.Finding;
import org.outputintake.scan.identifier.IdentifierKind;
import org.outputintake.store.Database;
import org.outputintake.store.DbTime;
import org.outputintake.store.DeskFiles;
import org.outputintake.store.RawStore;
import org.outputintake.text.OutsideText;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.outputintake.ticket.PurgedFiles;
import org.outputintake.ticket.RequestKind;
import org.outputintake.ticket.TicketFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct identifiers are never allowed in the SRS (seed 002), so an ingest or transfer file refused
 * for holding them is not kept either: once the researcher has been sent the refusal, its bytes and
 * the raw email that carried them leave the store. What the desk needs to account for the request
 * stays: the file's name, size, SHA-256 and findings, and an audit event per file. Outputs are
 * never purged: their files are the checkers' evidence.
 *
 * <p>The rows are marked in one transaction before any byte is deleted: a crash in between leaves
 * bytes the ticket no longer counts on (deleted by the next {@link #sweep}), never a ticket
 * pointing at bytes that vanished without a record.
 */
public final class RefusedFiles {
  private static final Logger LOG = LoggerFactory.getLogger(RefusedFiles.class);
  private static final String EML = ".eml";

  private final Database db;
  private final DeskFiles desk;
  private final Clock clock;

  public RefusedFiles(Database db, DeskFiles desk, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.desk = Objects.requireNonNull(desk, "desk");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The outbox sent {@code mail}: when it told the researcher of an ingest or transfer that direct
   * identifiers block it, those files go. Never throws: the reply is sent whatever happens here. A
   * failure is logged; the ticket's next reply tries again, marking or deleting what is left.
   */
  public void replySent(OutgoingMail mail) {
    String ticketId = mail.ticketId();
    if (ticketId == null) return;
    try {
      if (!db.inTransaction(c -> mark(c, mail))) return;
      // every row marked so far, not only this pass's: a deletion that failed before is retried
      for (PurgedFiles.KeptFile f : db.read(c -> PurgedFiles.purgedFiles(c, ticketId))) {
        boolean needed = db.read(c -> PurgedFiles.bytesStillNeeded(c, f.sha256()));
        if (!needed) desk.files().remove(f.sha256(), "", f.storedPath());
      }
      for (String raw : db.read(c -> PurgedFiles.purgedRawEmails(c, ticketId))) {
        boolean needed = db.read(c -> PurgedFiles.rawStillNeeded(c, raw));
        if (!needed) desk.messages().remove(raw, EML, null);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "ticket {}: refused files not removed from the store yet: {}", ticketId, e.toString());
    }
  }

  /** Where {@link #sweep} looks. */
  public enum Sweep {
    /**
     * This host's copies and the shared one: at start-up, after a deletion that may have failed.
     */
    EVERYWHERE,
    /** This host's copies: those cached here before another instance purged the file. */
    THIS_HOST
  }

  /**
   * Removes the copies still stored of files and emails already marked removed: one another
   * instance cached in its own {@code storage.data-dir} before the purge (the purging instance
   * cannot reach it), or one whose deletion failed. Each instance runs it at start-up and hourly.
   * Never throws: a failure is logged and the next sweep tries again.
   *
   * @return how many copies were removed
   */
  public int sweep(Sweep where) {
    int removed = 0;
    try {
      for (PurgedFiles.PurgedCopy p : db.read(PurgedFiles::purgedCopies)) {
        if (p.stillNeeded()) continue;
        boolean file = p.kind() == PurgedFiles.PurgedCopy.Kind.FILE;
        RawStore store = file ? desk.files() : desk.messages();
        String suffix = file ? "" : EML;
        if (store.removeLocally(p.sha256(), suffix, p.storedPath())) removed++;
        if (where == Sweep.EVERYWHERE) store.remove(p.sha256(), suffix, p.storedPath());
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("refused files not all removed from the store yet: {}", e.toString());
    }
    if (removed > 0)
      LOG.info(
          "removed {} stored copies of refused files and emails already marked removed", removed);
    return removed;
  }

  /**
   * Marks the refused files removed; false when the mail is no refusal of an ingest or transfer.
   */
  private boolean mark(Connection c, OutgoingMail mail) throws SQLException {
    String ticketId = mail.ticketId();
    if (!refusable(c, ticketId, mail.to())) return false;
    Instant now = clock.instant();
    String at = DbTime.of(now);
    for (PurgedFiles.KeptFile f : PurgedFiles.keptFiles(c, ticketId)) {
      Set<String> codes = directIdentifiers(c, ticketId, f);
      if (codes.isEmpty()) continue;
      String reason =
          "direct identifiers (" + String.join(", ", codes) + "): never kept in the SRS";
      PurgedFiles.markPurged(c, f.id(), at, reason);
      PurgedFiles.markRawPurged(c, ticketId, f.messageKey(), at);
      AuditLog.append(
          c,
          ticketId,
          now,
          "system",
          AuditType.Action.FILE_PURGED,
          OutsideText.line(f.originalName())
              + " ("
              + f.size()
              + " bytes, sha256 "
              + f.sha256()
              + "): bytes and the email's raw copy removed once the refusal was sent; "
              + reason);
    }
    return true;
  }

  /** Only the refusal to the researcher of an ingest or transfer counts. */
  private static boolean refusable(Connection c, String ticketId, String to) throws SQLException {
    TicketFiles.Requester r = TicketFiles.requester(c, ticketId).orElse(null);
    if (r == null || r.kind() == RequestKind.OUTPUT) return false;
    return to != null && to.equalsIgnoreCase(r.researcher());
  }

  /**
   * The direct identifier codes found in this file: request findings of its email whose location
   * names it (the review puts the file first: {@code name}, {@code name, …} or a member {@code
   * name!/…}).
   */
  private static Set<String> directIdentifiers(
      Connection c, String ticketId, PurgedFiles.KeptFile f) throws SQLException {
    Set<String> codes = new java.util.TreeSet<>();
    for (TicketFiles.StoredFinding sf : TicketFiles.requestFindings(c, ticketId, f.messageKey())) {
      Finding finding = sf.finding();
      IdentifierKind kind = IdentifierKind.ofCode(finding.code());
      if (kind == null || !kind.direct() || !finding.isBlocker()) continue;
      if (names(finding.location(), f.originalName())) codes.add(finding.code());
    }
    return codes;
  }

  private static boolean names(String location, String file) {
    if (location == null) return false;
    return location.equals(file)
        || location.startsWith(file + ", ")
        || location.startsWith(file + "!/");
  }
}
