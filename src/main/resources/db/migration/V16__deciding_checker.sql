-- When the two checkers of a round disagree (one pass, one fail), a manager may #assign a third officer whose verdict
-- decides the round. One per round; the deciding verdict itself is a row of verdict like the others. Owned by
-- workflow.DecidingChecker.
CREATE TABLE deciding_checker (
  ticket_id   TEXT NOT NULL REFERENCES ticket(id),
  round       INTEGER NOT NULL,
  officer     TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (ticket_id, round)
);
