-- Several instances on one database (issue 22). Every running bot writes its row here and refreshes its heartbeat;
-- `status` lists those whose heartbeat is recent. Times are DbTime text, compared as text like the outbox's.
CREATE TABLE instance (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid BIGINT NOT NULL,
  started TEXT NOT NULL,
  heartbeat TEXT NOT NULL
);

-- Who reads each mailbox. Only the holder polls it; the epoch grows at every change of holder and fences the
-- holder's transactions: one that commits checks, in the same transaction, that the row still carries its epoch.
-- last_poll: when the holder last finished a poll without error, for `status` on any host.
-- holder stays after a clean release (expires then lies in the past) so `status` can say who read it last.
CREATE TABLE mailbox_lease (
  mailbox_key TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  epoch BIGINT NOT NULL,
  since TEXT NOT NULL,
  expires TEXT NOT NULL,
  last_poll TEXT
);
