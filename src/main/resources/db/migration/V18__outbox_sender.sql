-- Several mailboxes (issue 23): a reply leaves from the mailbox its request came to. NULL is the
-- first configured mailbox, which is every reply written before this column.
ALTER TABLE outbox ADD COLUMN sender TEXT;
