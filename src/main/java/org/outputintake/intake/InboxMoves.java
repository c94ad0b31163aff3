package org.outputintake.intake;

import java.util.ArrayList;
import java.util.List;
import org.outputintake.config.Folders;
import org.outputintake.mail.ImapMailbox;
import org.outputintake.mail.MailboxUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves to Processed and Quarantine, sent in batches, one IMAP command per folder. */
final class InboxMoves {
  // the poller's logger: these lines are part of its account of a poll
  private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);

  private static final int MOVE_BATCH = 25;

  /** A handled message on its way to Processed or Quarantine. */
  record Move(long uid, String folder, String label) {}

  /** A batch of moves failed; these were not moved. */
  static final class MovesFailed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient List<Move> unmoved;

    MovesFailed(List<Move> unmoved, MailboxUnavailable cause) {
      super(cause.getMessage(), cause);
      this.unmoved = unmoved;
    }
  }

  private final ImapMailbox box;
  private final Folders folders;
  private final List<Move> pending = new ArrayList<>();

  InboxMoves(ImapMailbox box, Folders folders) {
    this.box = box;
    this.folders = folders;
  }

  void add(Move m) throws MovesFailed {
    pending.add(m);
    if (pending.size() >= MOVE_BATCH) flush();
  }

  void flush() throws MovesFailed {
    for (String folder : List.of(folders.processed(), folders.quarantine())) {
      List<Move> these = pending.stream().filter(m -> m.folder().equals(folder)).toList();
      if (these.isEmpty()) continue;
      try {
        box.move(these.stream().map(Move::uid).toList(), folder);
      } catch (MailboxUnavailable e) {
        LOG.info(
            "moving {} message(s) to {} failed ({}); moving them one at a time",
            these.size(),
            folder,
            e.getMessage());
        List<Move> unmoved = List.copyOf(pending);
        pending.clear();
        throw new MovesFailed(unmoved, e);
      }
      pending.removeAll(these);
    }
  }

  /** Flushes; what a failed batch did not move is returned, to be moved one by one. */
  List<Move> flushOrUnmoved() {
    try {
      flush();
      return List.of();
    } catch (MovesFailed e) {
      return e.unmoved;
    }
  }

  /**
   * Before giving up on a broken connection: whatever does not move now is moved by the next poll.
   */
  void flushQuietly() {
    try {
      flush();
    } catch (MovesFailed e) {
      LOG.debug("moves left for the next poll: {}", e.getMessage());
    }
  }
}
