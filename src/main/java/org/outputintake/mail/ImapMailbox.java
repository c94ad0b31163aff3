package org.outputintake.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.outputintake.config.Mailbox;
import org.outputintake.config.Server;
import org.outputintake.store.RawStore;

/**
 * The support mailbox over IMAP. The inbox is the queue: everything in it is unprocessed, and a
 * message leaves it only by being moved to Processed or Quarantine after its outcome is committed.
 * Messages are read with BODY.PEEK, so a failed run leaves them exactly as they were.
 */
public final class ImapMailbox implements AutoCloseable {
  private final Mailbox config;
  private final MailLogin login;
  private Store store;
  private IMAPFolder inbox;
  private java.util.Optional<java.time.Instant> renewAt = java.util.Optional.empty();

  /**
   * @param login the IMAP login, shared by every connection so they share one access token
   */
  public ImapMailbox(Mailbox config, MailLogin login) {
    this.config = config;
    this.login = login;
  }

  private void openRaw() throws MessagingException {
    Server s = config.imap();
    store = MailSessions.imap(s, s.timeout().toMillis()).getStore();
    login.connect(store);
    renewAt = login.renewAt();
    for (String name : List.of(config.folders().processed(), config.folders().quarantine())) {
      Folder f = store.getFolder(name);
      if (!f.exists()) f.create(Folder.HOLDS_MESSAGES);
    }
    inbox = (IMAPFolder) store.getFolder(config.folders().inbox());
    inbox.open(Folder.READ_WRITE);
  }

  /**
   * Whether the connection and the inbox are still open, so a later poll can reuse them. A session
   * whose access token is about to expire is not: the server may end it mid-poll.
   */
  public boolean isUsable() {
    return store != null
        && store.isConnected()
        && inbox != null
        && inbox.isOpen()
        && !login.sessionDue(renewAt);
  }

  /**
   * Starts a poll on a connection kept open since the last one: the inbox is selected afresh, so
   * the message list is the server's as it is now. A NOOP on the open folder was not enough: mail
   * that arrived while the last poll was moving messages could stay out of Angus's cached list.
   * Keeping the login saves the round trips that count.
   */
  private void refreshRaw() throws MessagingException {
    if (inbox.isOpen()) inbox.close(false);
    inbox.open(Folder.READ_WRITE);
  }

  private long uidValidityRaw() throws MessagingException {
    return inbox.getUIDValidity();
  }

  /** UIDs of the messages waiting in the inbox, oldest first. */
  private List<Long> pendingUidsRaw() throws MessagingException {
    Message[] all = inbox.getMessages();
    FetchProfile fp = new FetchProfile();
    fp.add(UIDFolder.FetchProfileItem.UID);
    fp.add(FetchProfile.Item.FLAGS); // one FETCH for all, not a round trip per message
    fp.add(FetchProfile.Item.SIZE); // what a download must not come back without
    inbox.fetch(all, fp);
    List<Long> uids = new ArrayList<>();
    for (Message m : all) {
      if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED)) uids.add(inbox.getUID(m));
    }
    uids.sort(Long::compare);
    return uids;
  }

  /**
   * Streams the raw message into this host's store (hashing as it goes), never holding it whole in
   * memory. Not yet shared: the caller shares it ({@link RawStore#share}) before deciding it.
   */
  private RawStore.Stored downloadRaw(long uid, RawStore raw)
      throws MessagingException, IOException {
    Message m = inbox.getMessageByUID(uid);
    if (m == null)
      throw new MessagingException("message UID " + uid + " is no longer in the inbox");
    RawStore.Stored stored =
        raw.putLocally(
            out -> {
              try {
                m.writeTo(out);
              } catch (MessagingException e) {
                throw new IOException(
                    "fetching message UID " + uid + " failed: " + e.getMessage(), e);
              }
            },
            ".eml");
    // a server's NO to the FETCH reaches us as an empty body, not as an error (Angus reads it as
    // empty content): handled as mail, the request would vanish as "no usable sender address"
    int serverSize = m.getSize();
    if (stored.size() == 0 && serverSize > 0)
      throw new IOException(
          "the server handed over nothing of message UID "
              + uid
              + " ("
              + serverSize
              + " bytes by its own count): its FETCH was refused");
    return stored;
  }

  /**
   * Moves with IMAP MOVE where offered, else copy + delete + UID EXPUNGE of those messages only.
   */
  private void moveRaw(long uid, String folderName) throws MessagingException {
    moveRaw(List.of(uid), folderName);
  }

  private void moveRaw(List<Long> uids, String folderName) throws MessagingException {
    if (uids.isEmpty()) return;
    long[] ids = uids.stream().mapToLong(Long::longValue).toArray();
    Message[] found = inbox.getMessagesByUID(ids);
    Message[] msgs = Arrays.stream(found).filter(m -> m != null).toArray(Message[]::new);
    if (msgs.length == 0) return; // already moved by an earlier, interrupted run
    Folder target = store.getFolder(folderName);
    if (((IMAPStore) store).hasCapability("MOVE")) {
      inbox.moveMessages(msgs, target);
    } else {
      inbox.copyMessages(msgs, target);
      inbox.setFlags(msgs, new Flags(Flags.Flag.DELETED), true);
      if (((IMAPStore) store).hasCapability("UIDPLUS")) inbox.expunge(msgs);
      else inbox.expunge();
    }
  }

  public void open() throws MailboxUnavailable {
    imap(
        "connecting to the mailbox",
        () -> {
          openRaw();
          return null;
        });
  }

  public void refresh() throws MailboxUnavailable {
    imap(
        "refresh",
        () -> {
          refreshRaw();
          return null;
        });
  }

  public long uidValidity() throws MailboxUnavailable {
    return imap("reading UIDVALIDITY", this::uidValidityRaw);
  }

  public List<Long> pendingUids() throws MailboxUnavailable {
    return imap("listing the inbox", this::pendingUidsRaw);
  }

  public RawStore.Stored download(long uid, RawStore raw) throws MailboxUnavailable, IOException {
    try {
      return downloadRaw(uid, raw);
    } catch (MessagingException e) {
      throw new MailboxUnavailable("download: " + e.getMessage(), e);
    }
  }

  public void move(long uid, String folderName) throws MailboxUnavailable {
    imap(
        "move",
        () -> {
          moveRaw(uid, folderName);
          return null;
        });
  }

  public void move(List<Long> uids, String folderName) throws MailboxUnavailable {
    imap(
        "move",
        () -> {
          moveRaw(uids, folderName);
          return null;
        });
  }

  /**
   * The mail library's failures as the mailbox's: callers above the adapter never see jakarta.mail.
   */
  private interface ImapCall<T> {
    T run() throws MessagingException;
  }

  private static <T> T imap(String what, ImapCall<T> call) throws MailboxUnavailable {
    try {
      return call.run();
    } catch (MessagingException e) {
      throw new MailboxUnavailable(what + ": " + describe(e), e);
    }
  }

  /**
   * A refused login is the operator's to fix, not an outage to wait out: say which keys to check
   * (never the password itself).
   */
  static String describe(MessagingException e) {
    if (e instanceof MailLogin.OAuth2Refused) return e.getMessage();
    if (e instanceof jakarta.mail.AuthenticationFailedException)
      return "login refused ("
          + e.getMessage()
          + "): check mailbox.imap.username and its password (INTAKE_IMAP_PASSWORD or"
          + " mailbox.imap.password-file)";
    return e.getMessage();
  }

  @Override
  public void close() {
    try {
      if (inbox != null && inbox.isOpen()) inbox.close(false);
    } catch (MessagingException | RuntimeException ignored) {
      // closing a dead connection: nothing more to do
    }
    try {
      if (store != null) store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // as above
    }
  }
}
