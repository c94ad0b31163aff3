-- Whether the sender of each applied staff command was authenticated (security.require-authenticated-sender):
-- written with the command, read by #release, which refuses verdicts, approvals or a release never proven.
CREATE TABLE command_sender (
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  message_key TEXT NOT NULL,
  sender      TEXT NOT NULL,
  command     TEXT NOT NULL,
  proof       TEXT NOT NULL CHECK (proof IN ('authenticated', 'not-checked')),
  detail      TEXT,
  at          TEXT NOT NULL,
  PRIMARY KEY (ticket_id, message_key)
);
