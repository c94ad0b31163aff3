-- Direct identifiers are never kept (issue 23): an ingest or transfer file refused for holding them loses its
-- bytes (and its email's raw copy) once the refusal is sent. The rows stay, with when and why, so the ticket
-- still names the file, its size and SHA-256.
ALTER TABLE attachment ADD COLUMN purged_at TEXT;
ALTER TABLE attachment ADD COLUMN purged_reason TEXT;
ALTER TABLE mail_message ADD COLUMN raw_purged_at TEXT;
