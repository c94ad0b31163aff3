-- Several mailboxes (issue 22): mail about a ticket (officers' notifications, confirmations, data owners'
-- requests, reminders) leaves from the mailbox its request came to, so answers land in the thread that mailbox
-- reads. NULL: not known (the first mailbox's, or a ticket of before this column whose acknowledgement was
-- queued before replies recorded their sender).
ALTER TABLE ticket ADD COLUMN mailbox TEXT;

-- A ticket opened since replies record their sender (V18): the mailbox its first reply to the researcher left
-- from is the one the request came to.
UPDATE ticket SET mailbox = (
  SELECT o.sender FROM outbox o
  WHERE o.ticket_id = ticket.id AND o.recipient = ticket.researcher AND o.sender IS NOT NULL
  ORDER BY o.id LIMIT 1)
WHERE mailbox IS NULL;
