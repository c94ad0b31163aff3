package org.outputintake.intake;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.outputintake.config.IntakeConfig;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.store.Database;
import org.outputintake.store.RawStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the inbox: each message is stored raw, handled, and only then moved to Processed or Quarantine.
 * A crash anywhere leaves the message in the inbox (or already moved), and the idempotency key makes the next pass
 * finish the job without a second ticket or reply.
 */
public final class InboxPoller {
  private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);
  private final IntakeConfig.Mailbox mailbox;
  private final Database db;
  private final RawStore rawStore;
  private final IntakeService intake;
  private final RegistrySync registry;

  private static final int MOVE_BATCH = 25;

  public record PollResult(int seen, int processed, int quarantined, boolean complete) {}

  public InboxPoller(IntakeConfig.Mailbox mailbox, Database db, RawStore rawStore, IntakeService intake,
      RegistrySync registry) {
    this.mailbox = mailbox;
    this.db = db;
    this.rawStore = rawStore;
    this.intake = intake;
    this.registry = registry;
  }

  /** Synchronized: the scheduled poll and an IDLE wake-up never run at once. */
  public synchronized PollResult pollOnce() throws MessagingException {
    registry.refresh();
    int processed = 0;
    int quarantined = 0;
    try (ImapMailbox box = new ImapMailbox(mailbox)) {
      box.open();
      noteUidValidity(box.uidValidity());
      var uids = box.pendingUids();
      // moves are batched: a crash before a batch moves leaves handled mail in the inbox, which the
      // idempotency key turns into a plain move on the next poll
      java.util.List<Long> toProcessed = new java.util.ArrayList<>();
      java.util.List<Long> toQuarantine = new java.util.ArrayList<>();
      for (long uid : uids) {
        IntakeService.Outcome outcome;
        try {
          RawStore.Stored raw = box.download(uid, rawStore);
          outcome = intake.handle(raw);
        } catch (Database.DatabaseException e) {
          LOG.error("database unavailable; message UID {} stays in the inbox for the next poll: {}", uid, e.getMessage());
          moveAll(box, toProcessed, toQuarantine);
          return new PollResult(uids.size(), processed, quarantined, false);
        } catch (IOException e) {
          LOG.error("message UID {} could not be stored locally; it stays in the inbox: {}", uid, e.getMessage());
          continue;
        }
        if (outcome.disposition() == IntakeService.Disposition.QUARANTINED) {
          quarantined++;
          toQuarantine.add(uid);
        } else {
          processed++;
          toProcessed.add(uid);
        }
        LOG.info("UID {}: {}", uid, outcome.summary());
        if (toProcessed.size() + toQuarantine.size() >= MOVE_BATCH) moveAll(box, toProcessed, toQuarantine);
      }
      moveAll(box, toProcessed, toQuarantine);
      return new PollResult(uids.size(), processed, quarantined, true);
    }
  }

  private void moveAll(ImapMailbox box, java.util.List<Long> processed, java.util.List<Long> quarantine)
      throws MessagingException {
    box.move(processed, mailbox.folders().processed());
    box.move(quarantine, mailbox.folders().quarantine());
    processed.clear();
    quarantine.clear();
  }

  /** The inbox is drained by moving, so UIDs are not needed to find new mail; a change is still worth knowing. */
  private void noteUidValidity(long validity) {
    String folder = mailbox.folders().inbox();
    db.inTransaction(c -> {
      long previous = -1;
      try (PreparedStatement ps = c.prepareStatement("SELECT uid_validity FROM mailbox_state WHERE folder = ?")) {
        ps.setString(1, folder);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) previous = rs.getLong(1);
        }
      }
      if (previous != validity) {
        if (previous >= 0) LOG.warn("UIDVALIDITY of {} changed from {} to {}: the mailbox was recreated", folder,
            previous, validity);
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT OR REPLACE INTO mailbox_state(folder, uid_validity, last_uid) VALUES (?, ?, 0)")) {
          ps.setString(1, folder);
          ps.setLong(2, validity);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }
}
