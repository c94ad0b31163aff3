-- Output Intake schema, version 1. Times are ISO-8601 UTC text; ids are stable text keys so that the same
-- schema moves to PostgreSQL unchanged.

CREATE TABLE ticket_sequence (
  prefix      TEXT PRIMARY KEY,
  next_number INTEGER NOT NULL
);

CREATE TABLE ticket (
  id              TEXT PRIMARY KEY,          -- STATS10001
  number          INTEGER NOT NULL UNIQUE,
  project_number  TEXT NOT NULL,
  researcher      TEXT NOT NULL,             -- lower-case email of the requester
  subject         TEXT NOT NULL,             -- the request subject without reply prefixes
  request_date    TEXT,                      -- the date in the subject (yyyy-mm-dd)
  state           TEXT NOT NULL,             -- see ticket.TicketState
  state_reason    TEXT,
  policy          TEXT NOT NULL,
  folder_name     TEXT,
  folder_version  INTEGER,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  queued_at       TEXT,                      -- position in the queue: oldest first; reset when a blocked ticket returns
  blocked_at      TEXT,
  closed_at       TEXT,
  root_message_id TEXT                       -- the researcher's first Message-ID, for threading
);
CREATE INDEX ticket_project ON ticket(project_number, state);
CREATE INDEX ticket_queue ON ticket(state, queued_at);

-- Every email in or out. message_key is the idempotency key: the Message-ID, or sha256:<hex> of the raw bytes.
CREATE TABLE mail_message (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  message_key    TEXT NOT NULL UNIQUE,
  message_id     TEXT,
  direction      TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  ticket_id      TEXT REFERENCES ticket(id),
  sender         TEXT,
  recipients     TEXT,
  subject        TEXT,
  classification TEXT NOT NULL,             -- request, ticket-reply, automated, not-a-request, ...
  disposition    TEXT NOT NULL,             -- processed, quarantined, refused, ignored
  reason         TEXT,
  raw_sha256     TEXT,
  raw_size       INTEGER,
  at             TEXT NOT NULL
);
CREATE INDEX mail_message_ticket ON mail_message(ticket_id);

CREATE TABLE attachment (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id     TEXT NOT NULL REFERENCES ticket(id),
  message_key   TEXT NOT NULL,
  original_name TEXT NOT NULL,               -- as the researcher named it (display only)
  stored_path   TEXT NOT NULL,               -- content-addressed path under the data directory
  media_type    TEXT,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL,
  role          TEXT NOT NULL                -- form, output, supporting
);
CREATE INDEX attachment_ticket ON attachment(ticket_id);

CREATE TABLE finding (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  message_key TEXT NOT NULL,
  file        TEXT,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  location    TEXT,
  message     TEXT NOT NULL,
  evidence    TEXT                            -- always masked
);
CREATE INDEX finding_ticket ON finding(ticket_id);

-- Append-only: nothing updates or deletes a row here.
CREATE TABLE audit_event (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,                    -- 'system', or the email address of who caused it
  type      TEXT NOT NULL,
  detail    TEXT
);
CREATE INDEX audit_event_ticket ON audit_event(ticket_id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

-- Replies written in the same transaction as the change they report; sent and marked by the outbox sender.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id      TEXT NOT NULL UNIQUE,       -- fixed when written, so a resend is the same message
  ticket_id       TEXT REFERENCES ticket(id),
  kind            TEXT NOT NULL,              -- acknowledgement, subject-help, refused, ...
  recipient       TEXT NOT NULL,
  bcc             TEXT,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  in_reply_to     TEXT,
  refs            TEXT,
  attachments     TEXT,                       -- JSON list of {name, path, type}
  created_at      TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at         TEXT,
  last_error      TEXT
);
CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox(recipient, created_at);

-- Where the poller is in each IMAP folder; a changed UIDVALIDITY means the UIDs start again.
CREATE TABLE mailbox_state (
  folder       TEXT PRIMARY KEY,
  uid_validity INTEGER NOT NULL,
  last_uid     INTEGER NOT NULL
);

CREATE TABLE registry_state (
  project_number TEXT PRIMARY KEY,
  status         TEXT NOT NULL,
  seen_at        TEXT NOT NULL
);
