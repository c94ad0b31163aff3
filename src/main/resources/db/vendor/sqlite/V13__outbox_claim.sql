-- Only the process that claims a row sends it: the daemon, another instance, or a command line (digest --send) that
-- sends the rows it queued itself. A claim is a lease, so a process that dies holding one frees it by itself.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
