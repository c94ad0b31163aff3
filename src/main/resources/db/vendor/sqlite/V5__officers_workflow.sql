-- The officers' workflow (seed 002, section 3): checkers, blind verdicts per round, data-owner decisions, internal
-- notes and the release record. Each table is owned by one class of the workflow package.

-- Optimistic locking: an update applies only to the version it read, so two instances never both apply a command.
ALTER TABLE ticket ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
-- A new submission of files starts a new check round; verdicts and owner decisions belong to a round.
ALTER TABLE ticket ADD COLUMN round INTEGER NOT NULL DEFAULT 1;

-- Who checks the ticket: at most two officers, kept across rounds (they know the request).
CREATE TABLE checker (
  ticket_id TEXT NOT NULL REFERENCES ticket(id),
  officer   TEXT NOT NULL,
  taken_at  TEXT NOT NULL,
  PRIMARY KEY (ticket_id, officer)
);

-- One verdict per checker per round. Blind: mail is composed from these rows only when both of a round exist.
CREATE TABLE verdict (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  round       INTEGER NOT NULL,
  officer     TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('pass', 'fail')),
  notes       TEXT,
  at          TEXT NOT NULL,
  message_key TEXT,
  UNIQUE (ticket_id, round, officer)
);

CREATE TABLE owner_decision (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  round       INTEGER NOT NULL,
  owner       TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('approve', 'deny')),
  reason      TEXT,
  at          TEXT NOT NULL,
  message_key TEXT
);
CREATE INDEX owner_decision_ticket ON owner_decision(ticket_id, round);

-- Text written into a ticket by people: internal notes, guidance and questions sent to the researcher, researcher
-- answers, and mail from outsiders (stored, never relayed). New text only; the whole email stays in the raw store.
CREATE TABLE ticket_note (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  author      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  at          TEXT NOT NULL,
  message_key TEXT
);
CREATE INDEX ticket_note_ticket ON ticket_note(ticket_id);

-- What was released, to whom, with the hash of every file as attached.
CREATE TABLE release_record (
  ticket_id   TEXT PRIMARY KEY REFERENCES ticket(id),
  released_at TEXT NOT NULL,
  released_by TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  blind_copy  TEXT,
  files       TEXT NOT NULL,                  -- JSON list of {name, sha256, size}
  message_id  TEXT NOT NULL
);
