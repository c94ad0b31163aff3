package org.outputintake.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages already handled and recorded whose own IMAP move the server refuses. They stay in the
 * inbox; the poller skips them instead of downloading them again, and tries the move again at most
 * once per {@link #RETRY}. Kept in memory only: after a restart such a message is downloaded once
 * more, recognised by its idempotency key (never handled twice), and its move fails into this list
 * again. Keyed by UID, so a change of UIDVALIDITY forgets everything.
 */
final class StuckMoves {
  static final Duration RETRY = Duration.ofHours(1);

  /**
   * @param folder where the message should go
   * @param label how the log names it (UID and Message-ID or content digest)
   */
  record Stuck(String folder, String label, Instant nextAttempt) {}

  private final Clock clock;
  private final Map<Long, Stuck> byUid = new HashMap<>();
  private long validity = -1;

  StuckMoves(Clock clock) {
    this.clock = clock;
  }

  void uidValidity(long current) {
    if (current != validity) byUid.clear();
    validity = current;
  }

  boolean contains(long uid) {
    return byUid.containsKey(uid);
  }

  int size() {
    return byUid.size();
  }

  Stuck get(long uid) {
    return byUid.get(uid);
  }

  /** UIDs whose next attempt is due. */
  List<Long> due() {
    Instant now = clock.instant();
    List<Long> out = new ArrayList<>();
    byUid.forEach(
        (uid, s) -> {
          if (!s.nextAttempt().isAfter(now)) out.add(uid);
        });
    out.sort(Long::compare);
    return out;
  }

  /** Records a failed move; true the first time this message is stuck (to log it once). */
  boolean failed(long uid, String folder, String label) {
    Stuck before = byUid.put(uid, new Stuck(folder, label, clock.instant().plus(RETRY)));
    return before == null;
  }

  void moved(long uid) {
    byUid.remove(uid);
  }
}
