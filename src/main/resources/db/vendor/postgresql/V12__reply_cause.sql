-- What made the bot write each reply: staff-command (never held back by the reply cap), staff-without-command
-- (the help or where-to-write answer to staff mail that gave no command, capped per address on its own count),
-- other. NULL on rows written before: they count as other.
ALTER TABLE outbox ADD COLUMN cause TEXT;
CREATE INDEX outbox_recipient_cause ON outbox(recipient, cause, created_at);
-- alerts coalesced per ticket and subject within the hour
CREATE INDEX outbox_ticket_kind ON outbox(ticket_id, kind, created_at);
