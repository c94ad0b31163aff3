package org.outputintake.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.outputintake.config.IntakeConfig;
import org.outputintake.config.Storage;
import org.outputintake.store.Database;
import org.outputintake.store.DeskFiles;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket's permanent record as one self-contained folder, {@code DIR/STATS10001/}: every email as
 * {@code .eml}, every file version, the findings, the audit trail as CSV, the ticket, and a
 * manifest with the SHA-256 of each. Stored bytes are checked against the SHA-256 recorded when
 * they arrived; a file that no longer matches is not copied but reported, and the export is then
 * marked incomplete. The folder is written beside its final name and renamed into place; an
 * existing export is never overwritten unless identical or marked incomplete.
 */
public final class TicketArchive {
  private static final Logger LOG = LoggerFactory.getLogger(TicketArchive.class);
  private final Storage storage;
  private final String botAddress;
  private final Path archiveDir;
  private final Clock clock;

  /**
   * @param dataDir the bot's data directory (raw messages and files)
   * @param botAddress the bot's address, the From of its replies
   * @param archiveDir where {@link #exportOnClose} writes; null to export only on demand
   */
  public TicketArchive(Path dataDir, String botAddress, Path archiveDir, Clock clock) {
    this(Storage.at(dataDir).withArchiveDir(archiveDir), botAddress, clock);
  }

  /**
   * @param storage where the stored files are (this host's data directory, a shared folder, or the
   *     database) and where {@link #exportOnClose} writes
   */
  public TicketArchive(Storage storage, String botAddress, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    Path archiveDir = storage.archiveDir();
    this.botAddress = Objects.requireNonNull(botAddress, "botAddress");
    this.archiveDir = archiveDir;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TicketArchive forConfig(IntakeConfig config, Clock clock) {
    return new TicketArchive(config.storage(), config.mailbox().address(), clock);
  }

  /**
   * Exports one ticket into {@code dir/<ticket id>}.
   *
   * @throws ArchiveException.UnknownTicket if there is no such ticket
   * @throws ArchiveException.Conflict if the folder holds a different, complete export
   */
  public ArchiveResult export(Database db, String ticketId, Path dir) throws IOException {
    String id = ticketId.trim().toUpperCase(Locale.ROOT);
    // the database is read in one transaction (a consistent snapshot); the file work happens after
    // it
    TicketRecord record =
        db.inTransaction(c -> TicketRecord.read(c, id))
            .orElseThrow(() -> new ArchiveException.UnknownTicket(id));
    Files.createDirectories(dir);
    Path target = dir.resolve(id);
    Path temp = Files.createTempDirectory(dir, "." + id + ".partial-");
    try {
      ArchiveFolder folder = new ArchiveFolder(temp);
      String manifest =
          new ArchiveWriter(DeskFiles.of(storage, db), botAddress).write(record, folder);
      ArchiveResult.Outcome outcome;
      try {
        outcome = ExportPublisher.publish(temp, target);
      } catch (ArchiveException.Conflict e) {
        if (folder.problems().isEmpty()) throw e;
        // the existing record stays, but what this attempt found in the store must not go unsaid
        throw new ArchiveException.Conflict(
            e.getMessage()
                + "; this export also found "
                + folder.problems().size()
                + " problem(s) in the store: "
                + folder.problems());
      }
      int files = record.attachments().rows().size();
      int emails = record.inbound().rows().size() + record.replies().size();
      ArchiveResult result =
          new ArchiveResult(id, target, outcome, emails, files, manifest, folder.problems());
      if (result.complete()) {
        LOG.info(
            "ticket {} archived to {} ({}; {} emails, {} files)",
            id,
            target,
            outcome,
            emails,
            files);
      } else {
        LOG.error("ticket {} archived to {} INCOMPLETE: {}", id, target, result.problems());
      }
      return result;
    } finally {
      ExportPublisher.deleteTree(temp);
    }
  }

  /**
   * Exports and records the outcome on the ticket's audit trail: {@code archived} with the
   * manifest's SHA-256, or {@code archive-failed} with what went wrong. An unchanged re-export adds
   * no event.
   */
  public ArchiveResult exportAndRecord(Database db, String ticketId, Path dir, String actor)
      throws IOException {
    String id = ticketId.trim().toUpperCase(Locale.ROOT);
    ArchiveResult r;
    try {
      r = export(db, id, dir);
    } catch (ArchiveException.UnknownTicket e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      audit(
          db,
          id,
          actor,
          AuditType.Action.ARCHIVE_FAILED,
          "export to " + dir + " failed: " + e.getMessage());
      throw e;
    }
    if (!r.complete()) {
      audit(
          db,
          id,
          actor,
          AuditType.Action.ARCHIVE_FAILED,
          "export to "
              + r.folder()
              + " is incomplete ("
              + r.problems().size()
              + " problem(s), e.g. "
              + r.problems().get(0)
              + "); manifest sha256 "
              + r.manifestSha256());
    } else if (r.outcome() != ArchiveResult.Outcome.UNCHANGED) {
      audit(
          db,
          id,
          actor,
          AuditType.Action.ARCHIVED,
          "exported to " + r.folder() + "; manifest.json sha256 " + r.manifestSha256());
    }
    return r;
  }

  /**
   * After a ticket closes: exports it into {@code storage.archive-dir} when that is set. Never
   * throws; a failure is logged as an error and audited, and the export can be run again with
   * {@code tickets export}.
   *
   * @return the result, or empty when no archive directory is set or the export failed
   */
  public Optional<ArchiveResult> exportOnClose(Database db, String ticketId) {
    if (archiveDir == null) return Optional.empty();
    try {
      return Optional.of(exportAndRecord(db, ticketId, archiveDir, "system"));
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "ticket {} could not be archived to {}: {} (run 'tickets export {} {}' once fixed)",
          ticketId,
          archiveDir,
          e.getMessage(),
          ticketId,
          archiveDir,
          e);
      return Optional.empty();
    }
  }

  private void audit(Database db, String ticketId, String actor, AuditType type, String detail) {
    try {
      db.inTransaction(
          c -> {
            AuditLog.append(c, ticketId, clock.instant(), actor, type, detail);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.error(
          "ticket {}: could not record '{}' on the audit trail: {}",
          ticketId,
          type.code(),
          e.getMessage());
    }
  }
}
