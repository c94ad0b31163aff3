-- The SRS's three doors (issue 23): every ticket is an output, an ingest or a transfer; a transfer
-- also names the project its files go to. Existing tickets are outputs.
ALTER TABLE ticket ADD COLUMN kind TEXT NOT NULL DEFAULT 'output';
ALTER TABLE ticket ADD COLUMN destination_project TEXT;
