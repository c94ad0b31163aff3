package org.outputintake.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.outputintake.backoff.Backoff;
import org.outputintake.backoff.LoginBackoff;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an IMAP IDLE on the inbox so a request is acknowledged seconds after delivery; the
 * scheduled poll stays as the safety net. The IDLE is re-issued every {@code poll.idle-renew} (well
 * inside RFC 2177's 29 minutes) by touching the folder from a second thread, which makes Angus end
 * the IDLE. On any error it waits and reconnects.
 */
public final class IdleWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IdleWatcher.class);
  private static final Backoff RECONNECT =
      new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
  private final Mailbox config;
  private final Duration renew;
  private final Runnable onNewMail;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "imap-idle-renew");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running = true;
  private volatile IMAPFolder folder;
  private final LoginBackoff login;
  private final MailLogin mailLogin;

  /**
   * @param login the poll's login back-off: a refused password is not tried again here either
   * @param mailLogin the IMAP login the poll uses too, so both present the same access token
   */
  public IdleWatcher(
      Mailbox config, Duration renew, Runnable onNewMail, LoginBackoff login, MailLogin mailLogin) {
    this.config = config;
    this.renew = renew;
    this.onNewMail = onNewMail;
    this.login = login;
    this.mailLogin = mailLogin;
  }

  @Override
  public void run() {
    // stopped with the executor in stop(); a failed renewal is logged in renew() itself
    var unused =
        renewer.scheduleAtFixedRate(
            this::renew, renew.toMillis(), renew.toMillis(), TimeUnit.MILLISECONDS);
    int failures = 0;
    while (running) {
      if (!login.mayTry()) {
        sleep(Math.max(1000, Math.min(60_000, login.remaining().toMillis())));
        continue;
      }
      Server s = config.imap();
      // the read timeout must outlast one IDLE period, or the socket would time out while waiting
      // for news
      java.util.concurrent.ScheduledFuture<?> reauthenticate = null;
      try (Store store = MailSessions.imap(s, renew.plusMinutes(2).toMillis()).getStore()) {
        mailLogin.connect(store);
        login.succeeded();
        // an access token's session may be ended by the server when the token lapses: end the
        // IDLE a little before, and log in again with a renewed token
        java.util.Optional<java.time.Instant> due = mailLogin.renewAt();
        if (!((IMAPStore) store).hasCapability("IDLE")) {
          LOG.info("the IMAP server does not offer IDLE; relying on the scheduled poll");
          return;
        }
        IMAPFolder f = (IMAPFolder) store.getFolder(config.folders().inbox());
        f.open(Folder.READ_ONLY);
        folder = f;
        // scheduled once the folder is known: a wake-up before that would find nothing to end
        reauthenticate = scheduleRenewal(due);
        failures = 0;
        int known = f.getMessageCount();
        while (running && f.isOpen()) {
          if (mailLogin.sessionDue(due)) {
            LOG.info("IMAP IDLE: the access token is due for renewal; logging in again");
            break;
          }
          f.idle(true);
          int count = f.getMessageCount();
          if (count > known || count > 0) onNewMail.run();
          known = count;
          // woken before the token is due by the clock the bot keeps (a clock set back, or a
          // wake-up that came early): wait for the due time again, or the IDLE would outlive it
          if (reauthenticate != null && reauthenticate.isDone()) {
            reauthenticate = scheduleRenewal(due);
          }
        }
      } catch (MessagingException | RuntimeException e) {
        if (!running) return;
        if (e instanceof AuthenticationFailedException refused) {
          login.refused(ImapMailbox.describe(refused)); // logs its one line
          continue;
        }
        Duration wait = RECONNECT.after(failures++);
        LOG.warn(
            "IMAP IDLE connection lost ({}); reconnecting in {} ms",
            e instanceof MessagingException m ? ImapMailbox.describe(m) : e.getMessage(),
            wait.toMillis());
        sleep(wait.toMillis());
      } finally {
        folder = null;
        if (reauthenticate != null) reauthenticate.cancel(false);
      }
    }
  }

  private java.util.concurrent.ScheduledFuture<?> scheduleRenewal(
      java.util.Optional<java.time.Instant> due) {
    return mailLogin
        .timeUntil(due)
        .map(d -> renewer.schedule(this::renew, d.toMillis(), TimeUnit.MILLISECONDS))
        .orElse(null);
  }

  private void renew() {
    IMAPFolder f = folder;
    if (f == null) return;
    try {
      f.getMessageCount(); // ends the current IDLE; the loop issues a fresh one
    } catch (MessagingException | RuntimeException e) {
      LOG.debug("IDLE renewal failed: {}", e.getMessage());
    }
  }

  public void stop() {
    running = false;
    renewer.shutdownNow();
    IMAPFolder f = folder;
    if (f != null) {
      try {
        f.getStore().close();
      } catch (MessagingException | RuntimeException e) {
        LOG.debug("closing IDLE connection: {}", e.getMessage());
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
