-- What each of the bot's emails about a ticket showed: the ticket's check round and its latest submission (the
-- message_key that brought the files) when the mail was written. A decision replying to that mail is about that
-- round; one about a round that a newer submission has replaced is refused. Rows written before this version
-- keep both empty: the round they showed is unknown, never guessed from today's ticket.
ALTER TABLE outbox ADD COLUMN round INTEGER;
ALTER TABLE outbox ADD COLUMN submission TEXT;
