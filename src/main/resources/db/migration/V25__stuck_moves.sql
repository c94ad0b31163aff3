-- Messages handled and recorded whose own IMAP move the server refuses (issue 22): kept here, not in one
-- process, so the instance that holds the mailbox after a restart or a takeover skips them too and retries each
-- move once when it is due. An attempt is claimed by changing next_attempt from the value read (compare and set),
-- so two instances never retry the same move at once. Keyed by mailbox and UIDVALIDITY: a new UIDVALIDITY makes
-- the old UIDs meaningless and their rows are deleted.
CREATE TABLE stuck_move (
  mailbox_key VARCHAR(300) NOT NULL,
  uid_validity BIGINT NOT NULL,
  uid BIGINT NOT NULL,
  folder VARCHAR(300) NOT NULL,
  label TEXT NOT NULL,
  next_attempt VARCHAR(40) NOT NULL,
  PRIMARY KEY (mailbox_key, uid_validity, uid)
);
