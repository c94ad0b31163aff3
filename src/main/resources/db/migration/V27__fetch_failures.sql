-- Messages whose download the IMAP server refuses or breaks off while the connection stays usable (a server's
-- "NO" to the FETCH of a message it holds corrupt): counted here, across polls, restarts and instances, so that
-- after a few attempts the message is moved to the quarantine folder unread instead of being fetched again at
-- every poll for ever, and the record stays for the operator (`status`). Keyed like stuck_move; a new
-- UIDVALIDITY deletes the mailbox's rows still in the inbox (quarantined rows stay: they are the record).
CREATE TABLE fetch_failure (
  mailbox_key VARCHAR(300) NOT NULL,
  uid_validity BIGINT NOT NULL,
  uid BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  first_failed_at VARCHAR(40) NOT NULL,
  last_failed_at VARCHAR(40) NOT NULL,
  quarantined_at VARCHAR(40),
  PRIMARY KEY (mailbox_key, uid_validity, uid)
);
