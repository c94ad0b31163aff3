-- Managers' digests and the service level.

-- HTML mail (digests): an HTML alternative to the text body, and images shown inside it (JSON list of
-- {cid, name, path, type}). Other mail leaves both empty and stays plain text.
ALTER TABLE outbox ADD COLUMN html TEXT;
ALTER TABLE outbox ADD COLUMN inline_images TEXT;

-- What the schedule has done: a digest per (name, due time), a service-level reminder per ticket. Written in the
-- same transaction as the outbox row it produced, so a restart neither loses nor repeats one.
-- status: sent (queued in the outbox), skipped (nothing to report, or nobody to send to), baseline (the first
-- start: schedules count from here, nothing earlier is caught up).
CREATE TABLE schedule_run (
  name       TEXT NOT NULL,
  due_at     TEXT NOT NULL,
  status     TEXT NOT NULL,
  ran_at     TEXT NOT NULL,
  message_id TEXT,
  PRIMARY KEY (name, due_at)
);

-- The digest reads by period and state, never the whole table.
CREATE INDEX ticket_created ON ticket(created_at);
CREATE INDEX ticket_closed ON ticket(closed_at);
CREATE INDEX audit_event_ticket_type ON audit_event(ticket_id, type);
