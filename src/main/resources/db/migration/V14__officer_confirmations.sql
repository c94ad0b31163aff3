-- Each officer's choice of confirmations (#confirmations all | errors-only); no row means all.
CREATE TABLE officer_preference (
  officer       TEXT PRIMARY KEY,          -- lower-case address, as in staff.officers
  confirmations TEXT NOT NULL,             -- all | errors-only
  updated_at    TEXT NOT NULL
);
