-- Stored files every instance can read (storage in the database, chosen when database.url is
-- PostgreSQL and no storage.shared-dir is set): content-addressed by SHA-256, as on disk, in
-- pieces of at most 1 MiB so no file is ever held whole in memory and no value nears BYTEA's
-- 1 GB limit. A file's row is written after all its pieces: a reader trusts only the row.
CREATE TABLE stored_file (
  sha256 VARCHAR(64) PRIMARY KEY,
  size BIGINT NOT NULL,
  pieces INTEGER NOT NULL
);

CREATE TABLE stored_file_piece (
  sha256 VARCHAR(64) NOT NULL,
  seq INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (sha256, seq)
);

-- A mail server's refusal or outage, recorded so that every instance waits out the same back-off
-- instead of each trying on its own (issue 22): keyed by the server and the account, never the
-- secret.
CREATE TABLE server_backoff (
  server_key VARCHAR(300) PRIMARY KEY,
  failures INTEGER NOT NULL,
  retry_at VARCHAR(40) NOT NULL,
  reason TEXT
);
