-- A reused Message-ID must not make a different message vanish: the digest of what an email says (its headers
-- without trace headers, and its body) tells a redelivery of the same email from a different one with the same id.
ALTER TABLE mail_message ADD COLUMN content_sha256 TEXT;
CREATE INDEX mail_message_message_id ON mail_message(message_id);
