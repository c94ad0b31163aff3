-- Times become fixed-width text (six fractional digits, see store.DbTime): they are compared and ordered as
-- text, which variable-width ISO instants get wrong within a second. The audit trail is append-only and ordered
-- by id, so its rows keep the form they were written in.

UPDATE ticket SET
  created_at = CASE
    WHEN created_at IS NULL THEN NULL
    WHEN length(created_at) = 20 THEN substr(created_at, 1, 19) || '.000000Z'
    WHEN length(created_at) > 20 AND substr(created_at, 20, 1) = '.'
      THEN substr(created_at, 1, 20) || substr(substr(created_at, 21, length(created_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE created_at END,
  updated_at = CASE
    WHEN updated_at IS NULL THEN NULL
    WHEN length(updated_at) = 20 THEN substr(updated_at, 1, 19) || '.000000Z'
    WHEN length(updated_at) > 20 AND substr(updated_at, 20, 1) = '.'
      THEN substr(updated_at, 1, 20) || substr(substr(updated_at, 21, length(updated_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE updated_at END,
  queued_at = CASE
    WHEN queued_at IS NULL THEN NULL
    WHEN length(queued_at) = 20 THEN substr(queued_at, 1, 19) || '.000000Z'
    WHEN length(queued_at) > 20 AND substr(queued_at, 20, 1) = '.'
      THEN substr(queued_at, 1, 20) || substr(substr(queued_at, 21, length(queued_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE queued_at END,
  blocked_at = CASE
    WHEN blocked_at IS NULL THEN NULL
    WHEN length(blocked_at) = 20 THEN substr(blocked_at, 1, 19) || '.000000Z'
    WHEN length(blocked_at) > 20 AND substr(blocked_at, 20, 1) = '.'
      THEN substr(blocked_at, 1, 20) || substr(substr(blocked_at, 21, length(blocked_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE blocked_at END,
  closed_at = CASE
    WHEN closed_at IS NULL THEN NULL
    WHEN length(closed_at) = 20 THEN substr(closed_at, 1, 19) || '.000000Z'
    WHEN length(closed_at) > 20 AND substr(closed_at, 20, 1) = '.'
      THEN substr(closed_at, 1, 20) || substr(substr(closed_at, 21, length(closed_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE closed_at END;

UPDATE mail_message SET
  at = CASE
    WHEN at IS NULL THEN NULL
    WHEN length(at) = 20 THEN substr(at, 1, 19) || '.000000Z'
    WHEN length(at) > 20 AND substr(at, 20, 1) = '.'
      THEN substr(at, 1, 20) || substr(substr(at, 21, length(at) - 21) || '000000', 1, 6) || 'Z'
    ELSE at END;

UPDATE outbox SET
  created_at = CASE
    WHEN created_at IS NULL THEN NULL
    WHEN length(created_at) = 20 THEN substr(created_at, 1, 19) || '.000000Z'
    WHEN length(created_at) > 20 AND substr(created_at, 20, 1) = '.'
      THEN substr(created_at, 1, 20) || substr(substr(created_at, 21, length(created_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE created_at END,
  next_attempt_at = CASE
    WHEN next_attempt_at IS NULL THEN NULL
    WHEN length(next_attempt_at) = 20 THEN substr(next_attempt_at, 1, 19) || '.000000Z'
    WHEN length(next_attempt_at) > 20 AND substr(next_attempt_at, 20, 1) = '.'
      THEN substr(next_attempt_at, 1, 20) || substr(substr(next_attempt_at, 21, length(next_attempt_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE next_attempt_at END,
  sent_at = CASE
    WHEN sent_at IS NULL THEN NULL
    WHEN length(sent_at) = 20 THEN substr(sent_at, 1, 19) || '.000000Z'
    WHEN length(sent_at) > 20 AND substr(sent_at, 20, 1) = '.'
      THEN substr(sent_at, 1, 20) || substr(substr(sent_at, 21, length(sent_at) - 21) || '000000', 1, 6) || 'Z'
    ELSE sent_at END;
