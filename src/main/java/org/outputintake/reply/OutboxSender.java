package org.outputintake.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.outputintake.backoff.Backoff;
import org.outputintake.backoff.LoginRefused;
import org.outputintake.store.Database;
import org.outputintake.ticket.AuditLog;
import org.outputintake.ticket.AuditType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox rows and marks them. A pass drains everything due, oldest first, page by page
 * over one SMTP connection, so a reply written while a backlog drains still leaves in the same
 * pass.
 *
 * <p>Failures are told apart. A server failure (refused connection, timeout, login, 421) stops the
 * pass and pauses the whole outbox with backoff (5 s doubling to 15 minutes; {@link OutboxPause},
 * shared by every instance); it counts against no reply. A failure that belongs to one message
 * ({@link MessageRejected}) is marked on that row and the pass goes on: a permanent one makes it a
 * dead letter at once; a temporary one is retried with its own backoff until {@code
 * replies.give-up-after} or {@code replies.max-attempts}, then it is a dead letter too. A crash
 * between the send and the mark can resend a reply; it carries the same Message-ID, so it is
 * recognised as the same message.
 */
public final class OutboxSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  // a temporary refusal of one message waits as an outage does: the same doubling
  private static final Backoff RETRY = OutboxPause.OUTAGE;
  private static final int PAGE = 100;

  /**
   * How long a claimed row stays this sender's: longer than any one send, short enough that rows a
   * dead process held go out soon after.
   */
  private static final Duration LEASE = Duration.ofMinutes(10);

  /** Whether this pass claimed rows it must free when it ends. */
  private boolean holding;

  /**
   * This sender's name on the rows it claims; unique per process and instance. In the daemon it is
   * the instance's id ({@link #claimAs}), so its claims end with its heartbeat.
   */
  private String owner = "pid " + ProcessHandle.current().pid() + " " + java.util.UUID.randomUUID();

  /**
   * How long an instance's heartbeat may be silent before its claims are free; none: no instance.
   */
  private java.util.Optional<Duration> instanceSilence = java.util.Optional.empty();

  private final Database db;
  private final SendMailPort smtp;
  private final Clock clock;
  private final Consumer<OutgoingMail> onSent;
  private final Duration giveUpAfter;
  private final int maxAttempts;
  private OutboxPause pause;
  private ChangedAttachmentAlert changedAttachment = (c, mail, why, now) -> {};

  /** Who hears of a mail that was not sent because a file it carried had changed since checked. */
  @FunctionalInterface
  public interface ChangedAttachmentAlert {
    /** Called in the transaction that makes the mail a dead letter. */
    void deadLetter(java.sql.Connection c, OutgoingMail mail, String why, Instant now)
        throws java.sql.SQLException;
  }

  // none: the paths the mail recorded are read as they are (one host)
  private java.util.Optional<org.outputintake.store.RawStore> files = java.util.Optional.empty();

  /**
   * Where a released file is found when the instance that queued the mail was another: the desk's
   * store, which fetches it from the shared copy by the SHA-256 it was checked under.
   */
  public synchronized void findFilesIn(org.outputintake.store.RawStore store) {
    this.files = java.util.Optional.of(store);
  }

  /** The mail with each checked file's path on this host. */
  private OutgoingMail withLocalFiles(OutgoingMail mail) {
    if (files.isEmpty() || mail.attachments().isEmpty()) return mail;
    org.outputintake.store.RawStore store = files.get();
    List<OutgoingMail.FileRef> here =
        mail.attachments().stream()
            .map(
                f ->
                    new OutgoingMail.FileRef(
                        f.name(),
                        f.sha256() == null
                            ? store.located(f.path())
                            : store.located(f.sha256(), "", f.path().toString()),
                        f.contentType(),
                        f.sha256()))
            .toList();
    return mail.withAttachments(here);
  }

  /**
   * Claims rows as the instance {@code instanceId} of the {@code instance} table, whose claims any
   * other instance may take once its heartbeat has been silent for {@code takeover}: a killed
   * instance's replies then leave as soon as its mailbox is taken over, not when its claims run
   * out.
   */
  public synchronized void claimAs(String instanceId, Duration takeover) {
    this.owner = instanceId;
    this.instanceSilence = java.util.Optional.of(takeover);
  }

  /** The officers are told, in the transaction that marks the dead letter (see IntakeApp). */
  public synchronized void onChangedAttachment(ChangedAttachmentAlert alert) {
    this.changedAttachment = alert;
  }

  /**
   * Replies the server accepted but the database would not mark (locked by another process): the
   * next pass marks them without sending them again. Held in memory, so only a restart in between
   * can still send one twice (with the same Message-ID).
   */
  private final java.util.Set<Long> sentUnmarked = new java.util.HashSet<>();

  public OutboxSender(Database db, SendMailPort smtp, Clock clock, Consumer<OutgoingMail> onSent) {
    this(db, smtp, clock, onSent, Duration.ofDays(2), 50);
  }

  public OutboxSender(
      Database db,
      SendMailPort smtp,
      Clock clock,
      Consumer<OutgoingMail> onSent,
      Duration giveUpAfter,
      int maxAttempts) {
    this.db = db;
    this.smtp = smtp;
    this.clock = clock;
    this.onSent = onSent;
    this.giveUpAfter = giveUpAfter;
    this.maxAttempts = maxAttempts;
    this.pause = OutboxPause.local(clock);
  }

  /**
   * The outbox's pause after an outage or a refused login is kept in the database, shared with
   * every instance that sends through these servers (the configured mailboxes' SMTP servers).
   */
  public synchronized void shareWaits(
      org.outputintake.backoff.SharedWaits waits, List<org.outputintake.config.Server> servers) {
    this.pause = OutboxPause.shared(clock, waits, servers);
  }

  /**
   * Sends everything due; returns how many were sent. Synchronized so the scheduled run and a
   * post-poll run never pick the same row.
   */
  public synchronized int sendDue() {
    if (clock.instant().isBefore(pause.until())) return 0;
    int sent = 0;
    long after = 0;
    try {
      while (true) {
        long from = after;
        List<Outbox.Entry> page = db.read(c -> Outbox.due(c, clock.instant(), from, PAGE));
        if (page.isEmpty()) return sent;
        // asked only when there is something to send: a restart's first login is tried then
        if (from == 0 && pause.holds()) return 0;
        after = page.get(page.size() - 1).id();
        for (Outbox.Entry e : claim(page)) {
          Result r = attempt(e);
          if (r == Result.SERVER_DOWN) return sent;
          if (r == Result.SENT) sent++;
        }
      }
    } finally {
      smtp.endBatch();
      releaseClaims();
    }
  }

  /**
   * A pass over: what it claimed and did not send (server down, a retry later) is free for any
   * process again at once; a process that dies instead frees its rows when the lease runs out.
   */
  private void releaseClaims() {
    // an idle pass (the usual one, every outbox interval) claimed nothing and writes nothing
    if (!holding) return;
    holding = false;
    try {
      db.inTransaction(
          c -> {
            Outbox.release(c, owner);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.debug("outbox claims not released now (they lapse with the lease): {}", e.toString());
    }
  }

  /**
   * Sends only the rows with these Message-IDs that are due, for a command line that queued them
   * ({@code digest --send}) beside a running bot: it never sends another process's rows, and a row
   * the bot has claimed is left to the bot. Returns how many this call sent.
   */
  public synchronized int sendOnly(java.util.Collection<String> messageIds) {
    Instant now = clock.instant();
    List<Outbox.Entry> rows =
        db.read(c -> Outbox.byMessageIds(c, messageIds)).stream()
            .filter(e -> e.status() == Outbox.Status.PENDING && !e.nextAttemptAt().isAfter(now))
            .toList();
    if (rows.isEmpty() || pause.holds()) return 0;
    int sent = 0;
    try {
      for (Outbox.Entry e : claim(rows)) {
        Result r = attempt(e);
        if (r == Result.SERVER_DOWN) return sent;
        if (r == Result.SENT) sent++;
      }
      return sent;
    } finally {
      smtp.endBatch();
      releaseClaims();
    }
  }

  /** The rows of {@code rows} this sender now holds, in one transaction. */
  private List<Outbox.Entry> claim(List<Outbox.Entry> rows) {
    Instant now = clock.instant();
    // without an instance, no heartbeat is old enough to free a claim
    Instant silentSince = instanceSilence.map(now::minus).orElse(Instant.EPOCH);
    return db.inTransaction(
        c -> {
          List<Outbox.Entry> mine = new java.util.ArrayList<>();
          for (Outbox.Entry e : rows) {
            if (Outbox.claim(c, e.id(), owner, now, now.plus(LEASE), silentSince)) mine.add(e);
          }
          holding |= !mine.isEmpty();
          return mine;
        });
  }

  /**
   * When the whole outbox waits for the server again; {@link Instant#MIN} when it is not paused.
   */
  public synchronized Instant pausedUntil() {
    return pause.until();
  }

  private enum Result {
    SENT,
    MESSAGE_FAILED,
    SERVER_DOWN,
    /** Another instance took the row over while this one was frozen (its heartbeat silent). */
    TAKEN_OVER
  }

  private Result attempt(Outbox.Entry e) {
    if (!sentUnmarked.contains(e.id()) && !db.read(c -> Outbox.heldBy(c, e.id(), owner))) {
      // a page is claimed at once and sent one by one: a process frozen past the takeover (a
      // suspended VM) would otherwise send, on waking, the rest of a page others already sent
      LOG.warn("outbox row {} was taken over by another instance; not sent from here", e.id());
      return Result.TAKEN_OVER;
    }
    OutgoingMail mail = withLocalFiles(e.mail());
    if (!sentUnmarked.contains(e.id())) {
      try {
        smtp.send(mail);
      } catch (MessageRejected rejected) {
        messageFailed(e, rejected);
        return Result.MESSAGE_FAILED;
      } catch (Exception ex) {
        serverFailed(e, ex);
        return Result.SERVER_DOWN;
      }
      pause.answered();
      sentUnmarked.add(e.id());
    }
    Instant now = clock.instant();
    db.inTransaction(
        c -> {
          Outbox.markSent(c, e.id(), now);
          AuditLog.append(
              c,
              mail.ticketId(),
              now,
              "system",
              AuditType.Action.EMAIL_SENT,
              mail.kind() + " " + mail.messageId());
          return null;
        });
    sentUnmarked.remove(e.id());
    LOG.info("sent {} {} to {}", mail.kind(), mail.messageId(), mask(mail.to()));
    onSent.accept(mail);
    return Result.SENT;
  }

  private void serverFailed(Outbox.Entry e, Exception ex) {
    // servers end replies with a line break, which would split the log line and outbox list's row
    String error =
        ("server: " + ex.getClass().getSimpleName() + ": " + ex.getMessage())
            .replaceAll("\\s+", " ")
            .strip();
    if (ex instanceof LoginRefused) {
      // a wrong password retried every few seconds can lock the account: its own, longer back-off
      pause.loginRefused(ex.getMessage().replaceAll("\\s+", " ").strip());
    } else if (pause.serverDown(error).fresh()) {
      // another instance's outage already running was logged there
      LOG.warn(
          "mail server unavailable while sending {} ({}); all replies wait until {}",
          e.mail().messageId(),
          error,
          pause.until());
    }
    db.inTransaction(
        c -> {
          Outbox.noteServerError(c, e.id(), error);
          return null;
        });
  }

  private void messageFailed(Outbox.Entry e, MessageRejected rejected) {
    Instant now = clock.instant();
    OutgoingMail mail = e.mail();
    String reason = rejected.getMessage();
    boolean tooOld = !now.isBefore(e.since().plus(giveUpAfter));
    boolean tooMany = e.attempts() + 1 >= maxAttempts;
    if (rejected.permanent() || tooOld || tooMany) {
      String why =
          rejected.permanent()
              ? reason
              : reason
                  + " (gave up after "
                  + (e.attempts() + 1)
                  + " attempts since "
                  + e.since()
                  + ")";
      LOG.warn(
          "dead letter: {} {} to {} will not be sent: {}",
          mail.kind(),
          mail.messageId(),
          mask(mail.to()),
          why);
      db.inTransaction(
          c -> {
            Outbox.markDead(c, e.id(), why, now);
            AuditLog.append(
                c,
                mail.ticketId(),
                now,
                "system",
                AuditType.Action.EMAIL_FAILED,
                mail.kind() + " " + mail.messageId() + " to " + mask(mail.to()) + ": " + why);
            if (rejected instanceof MessageRejected.AttachmentChanged)
              changedAttachment.deadLetter(c, mail, why, now);
            return null;
          });
      return;
    }
    Instant next = now.plus(backoff(e.attempts()));
    LOG.warn(
        "{} {} to {} refused for now (attempt {}), retrying at {}: {}",
        mail.kind(),
        mail.messageId(),
        mask(mail.to()),
        e.attempts() + 1,
        next,
        reason);
    db.inTransaction(
        c -> {
          Outbox.markFailed(c, e.id(), reason, next);
          return null;
        });
  }

  static Duration backoff(int attempts) {
    return RETRY.after(attempts);
  }

  /**
   * Addresses in logs keep the domain and the first letter only: unlike identifiers in outputs
   * ({@code Mask}), an operator needs the domain to tell which institution's mail is failing.
   */
  public static String mask(String address) {
    if (address == null) return "(none)";
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
