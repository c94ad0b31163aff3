-- Replies that can never be sent become dead letters instead of walls in front of the others; bounces come home.
-- status: pending (waiting or retrying), sent, failed (dead letter, never retried unless an operator asks),
-- bounced (sent, then a delivery status notification came back).
ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
ALTER TABLE outbox ADD COLUMN bounced_at TEXT;
ALTER TABLE outbox ADD COLUMN retried_at TEXT;            -- an operator's `outbox retry`: the give-up age restarts
UPDATE outbox SET status = 'sent' WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_pending ON outbox(status, next_attempt_at, id);
CREATE INDEX outbox_message ON outbox(message_id, status);
